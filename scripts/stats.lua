-- stats: characters, sentences, syllables, words, type/token ratio, share of non-Vietnamese syllables
local vnt = require "vnt"
local cli = require "vnt.cli"
local stats = require "vnt.stats"

local p = cli.parser("stats",
  "Print statistics of each file and of all of them: characters (code points),\n" ..
  "sentences, syllables (word tokens), words (vnt words), distinct syllables\n" ..
  "(lower-cased), type/token ratio, and the share of syllables that are not\n" ..
  "Vietnamese by its spelling rules.")
p:argument("files", "Files or directories; '-' (the default) is standard input."):args("*")
p:option("--format", "tsv or json.", "tsv"):choices {"tsv", "json"}
cli.input_options(p)
local a = cli.parse(p, arg)

local cols = {"characters", "sentences", "syllables", "words", "distinct_syllables", "type_token_ratio", "foreign_share"}
local out = io.stdout
local rows = {}
local total
local function emit(name, r)
  if a.format == "json" then
    local kv = {"doc", name}
    for _, k in ipairs(cols) do kv[#kv + 1] = k; kv[#kv + 1] = r[k] end
    rows[#rows + 1] = cli.json_record(kv)
  else
    local t = {cli.tsv(name)}
    for _, k in ipairs(cols) do
      t[#t + 1] = math.type(r[k]) == "float" and ("%.4f"):format(r[k]) or tostring(r[k])
    end
    out:write(table.concat(t, "\t"), "\n")
  end
end
if a.format == "tsv" then out:write("doc\t", table.concat(cols, "\t"), "\n") end
local n = 0
cli.each_input(a.files, function(src, name)
  local acc
  for block in cli.blocks(src, name) do acc = stats.add(acc, block) end
  if acc then
    emit(name, stats.finish(acc))
    n = n + 1
    total = stats.merge(total, acc)   -- each block taken apart once, not once per total
  end
end, {encoding = a.encoding, repair = a.repair})
if n > 1 then emit("(all)", stats.finish(total)) end
if a.format == "json" then out:write("[", table.concat(rows, ",\n"), "]\n") end
os.exit(cli.status(), true)   -- close the state: everything freed
