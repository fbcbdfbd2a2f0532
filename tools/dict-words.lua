-- dict-words.lua DICTIONARY.JSON VIET74K.TXT -- the default word list of vnt,
-- on standard output, sorted: the headwords of @vntk/dictionary's
-- dictionary.json (a lexicographic dictionary: words with definitions, not
-- free combinations such as "cho biết" or "sau đó") and the single
-- syllables of Viet74K.txt.  Run by tools/fetch-dict.sh at build time.
local cjson = require "cjson"

local json_path, v74_path = arg[1], arg[2]
local f = assert(io.open(json_path, "rb"))
local ok, dict = pcall(cjson.decode, f:read("a"))
f:close()
if not ok or type(dict) ~= "table" then
  io.stderr:write("dict-words: ", json_path, ": not the expected JSON object\n")
  os.exit(1)
end
local seen, words = {}, {}
local function add(w)
  w = w:gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
  if w ~= "" and not seen[w] then seen[w] = true; words[#words + 1] = w end
end
for head in pairs(dict) do add(head) end
for line in io.lines(v74_path) do
  if not line:find("%s") and not line:find("[%p%d]") then add(line) end
end
table.sort(words)
io.write(table.concat(words, "\n"), "\n")
