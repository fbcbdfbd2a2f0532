-- train-words: train a word segmentation model from segmented text ('_' format or CoNLL-U)
local vnt = require "vnt"
local cli = require "vnt.cli"
local lexicon = require "vnt.lexicon"

local p = cli.parser("train-words",
  "Train a word segmentation model (an averaged perceptron over the gaps between\n" ..
  "syllables, with the dictionary's matches among its features) from segmented\n" ..
  "text, and write it to a file for 'vnt words --model FILE'.",
  "Input: one sentence a line, words separated by spaces, the syllables of a word\n" ..
  "joined by '_' (Thanh bắt_chuyện với Hùng); or CoNLL-U files (*.conllu), whose\n" ..
  "FORM column is taken.  Example (UD Vietnamese VTB, train and dev):\n" ..
  "  vnt train-words vi_vtb-ud-train.conllu vi_vtb-ud-dev.conllu -o vtb.wmodel")
p:argument("files", "Segmented files to learn from."):args("+")
p:option("-o --output", "Where to write the model."):count(1)
p:option("--epochs", "Passes over the data.", "10"):convert(tonumber)
p:option("--dict", "Word list whose matches the model sees (default: the default dictionary).")
local a = cli.parse(p, arg)

-- The FORM column of CoNLL-U, a sentence a line, blanks inside a form as '_'.
local function conllu(text)
  local out, cur = {}, {}
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    if line == "" then
      if #cur > 0 then out[#out + 1] = table.concat(cur, " "); cur = {} end
    elseif line:sub(1, 1) ~= "#" then
      local id, form = line:match("^([^\t]+)\t([^\t]+)")
      if id and id:match("^%d+$") then cur[#cur + 1] = (form:gsub("%s+", "_")) end
    end
  end
  if #cur > 0 then out[#out + 1] = table.concat(cur, " ") end
  return table.concat(out, "\n") .. "\n"
end

local parts = {}
for _, path in ipairs(a.files) do
  local text, err = vnt.io.read(path)
  if not text then
    cli.warn(err)
  else
    parts[#parts + 1] = path:match("%.conllu$") and conllu(text) or text
    if not text:find("_", 1, true) then
      io.stderr:write("vnt: ", path, ": no '_' anywhere: is this segmented text?\n")
    end
  end
end
if cli.status() ~= 0 then cli.die("nothing trained", 1) end

local dict, why
if a.dict then
  dict, why = lexicon.load(a.dict)
  if not dict then cli.die(why, 2) end
else
  dict, why = lexicon.default()
  if not dict then
    io.stderr:write("vnt: train-words: ", why, "; the model learns without a dictionary (much weaker)\n")
    dict = false
  end
end

local model, gaps = vnt.train_words(table.concat(parts), {dict = dict, epochs = a.epochs})
-- write to a temporary name, then rename: a model file is complete or absent
-- (a device or a pipe, /dev/stdout, is written as it is: renaming would replace it)
local mode = require("lfs").attributes(a.output, "mode")
local special = mode ~= nil and mode ~= "file"
local tmp = special and a.output or a.output .. ".tmp"
local f, err = io.open(tmp, "wb")
if not f then cli.die(err, 1) end
local ok, werr = f:write(model:dump())
local cok, cerr = f:close()
if not ok or not cok then
  if not special then os.remove(tmp) end
  cli.die(a.output .. ": " .. tostring(werr or cerr), 1)
end
if not special then
  local rok, rerr = os.rename(tmp, a.output)
  if not rok then os.remove(tmp) cli.die(rerr, 1) end
end
io.stderr:write(("vnt: train-words: %d gaps, %d features, %d epochs -> %s\n"):format(gaps, #model, a.epochs, a.output))
