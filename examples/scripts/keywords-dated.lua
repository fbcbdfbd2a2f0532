-- keywords-dated: the keywords of each article with the article's date
--
--   vnt run examples/scripts/keywords-dated.lua [--top N] FILE|DIR...
--
-- The date is the article's own (its byline, else the first full date of
-- its opening lines: vnt.timex.doc_date); keywords are TF-IDF over the
-- articles given (vnt.stats.tfidf), words of vnt.words, lower case.
local vnt = require "vnt"
local vnt_io = require "vnt.io"
local stats = require "vnt.stats"
local timex = require "vnt.timex"

local top, files = 5, {}
local i = 1
while i <= #arg do
  if arg[i] == "--top" then top = assert(tonumber(arg[i + 1]), "--top needs a number") i = i + 2
  else files[#files + 1] = arg[i] i = i + 1 end
end

local names, dates, counts = {}, {}, {}
for name, text, meta in vnt_io.documents(#files > 0 and files or {"-"}) do
  if not text then
    io.stderr:write(meta, "\n")
  else
    local cleaned = vnt.clean(text)
    local c = vnt.counter()
    c:add_tokens(cleaned.text, {unit = "word", normalize = {case = "lower", tones = "new"}})
    names[#names + 1] = name
    dates[#dates + 1] = timex.doc_date(text, cleaned) or "undated"
    counts[#counts + 1] = c
  end
end

for k, list in ipairs(stats.tfidf(counts, {top = top})) do
  local terms = {}
  for _, r in ipairs(list) do terms[#terms + 1] = r[1] end
  print(("%s\t%s\t%s"):format(dates[k], names[k], table.concat(terms, ", ")))
end
