-- collocations: syllable or word pairs and triples that go together (log-likelihood or PMI)
local vnt = require "vnt"
local cli = require "vnt.cli"
local stats = require "vnt.stats"

local p = cli.parser("collocations",
  "Find the n-grams whose parts go together more than chance says: Dunning's\n" ..
  "log-likelihood ratio (default) or pointwise mutual information, over n-grams\n" ..
  "that do not cross a sentence end or punctuation.  Keys are lower-cased, tones\n" ..
  "in the new style, unless --keep-case.")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--ngram", "2 or 3.", "2"):convert(tonumber)
p:option("--measure", "llr or pmi.", "llr"):choices {"llr", "pmi"}
p:option("--min-count", "Only n-grams seen at least M times.", "3"):convert(tonumber)
p:option("--top", "How many to print.", "30"):convert(tonumber)
p:option("--unit", "syllable or word.", "syllable"):choices {"syllable", "word"}
p:flag("--keep-case", "Keep keys as written.")
p:option("--format", "tsv (key, count, score) or json.", "tsv"):choices {"tsv", "json"}
cli.input_options(p)
local a = cli.parse(p, arg)
if a.ngram ~= 2 and a.ngram ~= 3 then cli.die("--ngram must be 2 or 3", 2) end

local norm = not a.keep_case and {case = "lower", tones = "new"} or nil
local units, heads, grams = vnt.counter(), vnt.counter(), vnt.counter()
cli.each_input(a.files, function(src, name)
  for block in cli.blocks(src, name) do
    units:add_tokens(block, {unit = a.unit, normalize = norm})
    grams:add_tokens(block, {unit = a.unit, n = a.ngram, normalize = norm})
    if a.ngram == 3 then heads:add_tokens(block, {unit = a.unit, n = 2, normalize = norm}) end
  end
end, {encoding = a.encoding, repair = a.repair})

local list = stats.collocations(units, grams, {measure = a.measure, min_count = a.min_count, top = a.top,
                                               heads = a.ngram == 3 and heads or nil})
local out = io.stdout
if a.format == "json" then
  local recs = {}
  for i, r in ipairs(list) do recs[i] = cli.json_record {"key", r[1], "count", r[2], "score", r[3]} end
  out:write("[", table.concat(recs, ",\n"), "]\n")
else
  for _, r in ipairs(list) do out:write(("%s\t%d\t%.3f\n"):format(cli.tsv(r[1]), r[2], r[3])) end
end
os.exit(cli.status(), true)   -- close the state: everything freed
