-- words: word segmentation, syllables of a word joined by '_' (the format wseg-eval reads)
local vnt = require "vnt"
local cli = require "vnt.cli"
local lexicon = require "vnt.lexicon"

local p = cli.parser("words",
  "Segment Vietnamese text into words: one output line per input line, words\n" ..
  "separated by spaces, the syllables of a word joined by '_'.\n" ..
  "Method: forward and backward longest matching over the dictionary (fewer\n" ..
  "words wins), capitalized runs joined as names, numbers written apart joined.")
p:argument("files", "Files to read; '-' (the default) is standard input."):args("*")
p:option("--dict", "Word list to use, one word a line (default: data/dict/words.txt, from @vntk/dictionary; see docs/text.md).")
p:flag("--no-dict", "No dictionary: every syllable is a word.")
p:option("--model", "A model trained by 'vnt train-words' (then it decides every gap).")
p:flag("--no-names", "Do not join runs of capitalized syllables.")
p:flag("--no-numbers", "Do not join numbers written apart (10 . 000).")
cli.input_options(p)
local a = cli.parse(p, arg)

local dict
if a.no_dict then
  dict = false
elseif a.dict then
  local err
  dict, err = lexicon.load(a.dict)
  if not dict then cli.die(err, 2) end
else
  local why
  dict, why = lexicon.default()
  if not dict then
    io.stderr:write("vnt: words: ", why, "; every syllable is a word\n")
    dict = false
  end
end
local model
if a.model then
  local f, err = io.open(a.model, "rb")
  if not f then cli.die(err, 2) end
  local ok, m = pcall(vnt.wmodel, f:read("a"))
  f:close()
  if not ok then cli.die(a.model .. ": " .. tostring(m):gsub("^vnt%.wmodel: ", ""), 2) end
  model = m
end
local opts = {dict = dict, model = model, join_names = not a.no_names, join_numbers = not a.no_numbers}

local out = io.stdout
cli.each_input(a.files, function(src, name)
  local last
  for block in cli.blocks(src, name) do
    local ok, err = vnt.write_words(out, block, opts)
    if not ok then cli.die(err) end
    last = block
  end
  if last and last:byte(-1) ~= 10 then out:write("\n") end
end, {encoding = a.encoding, repair = a.repair})
out:flush()
os.exit(cli.status(), true)   -- close the state: everything freed
