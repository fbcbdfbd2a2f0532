-- keywords: the terms that set each document apart (TF-IDF over the collection or a background)
local vnt = require "vnt"
local cli = require "vnt.cli"
local stats = require "vnt.stats"

local p = cli.parser("keywords",
  "Print each document's keywords: its terms scored by TF-IDF against the other\n" ..
  "documents given (each file is a document), or against a background counter saved\n" ..
  "by 'vnt count --save' (--background).  Terms are words (the segmentation of\n" ..
  "'vnt words'), lower-cased, tones in the new style.")
p:argument("files", "Files or directories; each file is a document."):args("*")
p:option("--top", "Keywords per document.", "10"):convert(tonumber)
p:option("--unit", "word or syllable.", "word"):choices {"syllable", "word"}
p:option("--background", "Counts of a reference corpus (vnt count --lower --tones new --save ...).")
p:option("--format", "tsv (doc, rank, term, count, score) or json.", "tsv"):choices {"tsv", "json"}
cli.input_options(p)
local a = cli.parse(p, arg)

local bg
if a.background then
  local err
  bg, err = vnt.counter.load(a.background)
  if not bg then cli.die(err, 2) end
end

local names, docs = {}, {}
cli.each_input(a.files, function(src, name)
  local c = vnt.counter()
  for block in cli.blocks(src, name) do
    c:add_tokens(block, {unit = a.unit, normalize = {case = "lower", tones = "new"}})
  end
  names[#names + 1], docs[#docs + 1] = name, c
end, {encoding = a.encoding, repair = a.repair})

local stopwords
if #docs == 1 and not bg then
  cli.note("keywords: one document and no --background: TF-IDF needs a collection, so its terms are " ..
           "ranked by count, function words left out (give more documents, or a background from vnt count --save)")
  stopwords = require("vnt.summary").stopwords
end
local result = stats.tfidf(docs, {top = a.top, background = bg, stopwords = stopwords})
local out = io.stdout
local recs = {}
for i, list in ipairs(result) do
  for rank, r in ipairs(list) do
    if a.format == "json" then
      recs[#recs + 1] = cli.json_record {"doc", names[i], "rank", rank, "term", r[1], "count", r[2], "score", r[3]}
    else
      out:write(("%s\t%d\t%s\t%d\t%.3f\n"):format(cli.tsv(names[i]), rank, cli.tsv(r[1]), r[2], r[3]))
    end
  end
end
if a.format == "json" then out:write("[", table.concat(recs, ",\n"), "]\n") end
os.exit(cli.status(), true)   -- close the state: everything freed
