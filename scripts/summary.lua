-- summary: the gist of each article in a few of its sentences, or of a whole collection
local vnt = require "vnt"
local cli = require "vnt.cli"
local summary = require "vnt.summary"

local p = cli.parser("summary",
  "Extractive summaries of Vietnamese news articles: each article is cleaned\n" ..
  "(no captions, credits or repeated lines), its sentences ranked by TextRank\n" ..
  "over TF-IDF similarity with a position and a title prior, the lead (the\n" ..
  "first sentence, where news says who, what, where and when) taken first, and\n" ..
  "the rest chosen by MMR so that the summary does not repeat itself; the\n" ..
  "summary keeps document order.\n" ..
  "With --corpus, one summary of all the articles: the sentences most central to\n" ..
  "the collection, each with its source.  The same input gives the same summary.",
  "Examples:\n" ..
  "  vnt summary examples/articles/                      three sentences an article\n" ..
  "  vnt summary --sentences 5 --keywords 8 a.txt\n" ..
  "  vnt summary --corpus --format md examples/articles/  one summary of the collection")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--sentences", "Sentences in each summary.", "3"):convert(tonumber)
p:option("--ratio", "Or a share of the article's sentences (0 < R <= 1), instead of --sentences."):convert(tonumber)
p:option("--keywords", "Also the K most frequent content words (multi-syllable words of vnt words) of each article.",
         "0"):convert(tonumber)
p:flag("--no-lead", "Do not take the article's first sentence first (for texts that are not news).")
p:flag("--corpus", "One summary of all the documents instead of one each.")
p:option("--method", "full (TextRank + priors + MMR), textrank (TextRank alone) or lead (the first sentences).",
         "full"):choices {"full", "textrank", "lead"}
p:option("--format", "text, json (an array), jsonl (one record a document), md (Markdown).", "text")
  :choices {"text", "json", "jsonl", "md"}
p:option("--split", "file: each file is one document; blank: a blank line ends a document " ..
         "(documents named FILE#N).", "file"):choices {"file", "blank"}
cli.input_options(p)
local a = cli.parse(p, arg)

if not a.sentences or a.sentences < 1 or a.sentences ~= math.floor(a.sentences) then
  cli.die("--sentences: expected a whole number of at least 1", 2)
end
if a.ratio and not (a.ratio > 0 and a.ratio <= 1) then cli.die("--ratio: expected a number in (0, 1]", 2) end
if not a.keywords or a.keywords < 0 then cli.die("--keywords: expected a number of at least 0", 2) end

collectgarbage("generational")   -- many small tables per article, short-lived
-- (text for a terminal with the control characters of the articles made visible)
local out = (a.format == "text" or a.format == "md") and cli.display(io.stdout) or io.stdout
local opts = {sentences = a.sentences, ratio = a.ratio, method = a.method, lead = not a.no_lead}

-- multi-syllable function words, never keywords
local not_keywords = {}
for _, w in ipairs {"chúng tôi", "chúng ta", "chia sẻ", "cho biết", "tuy nhiên", "hiện nay", "trong khi", "ngoài ra",
                    "bên cạnh", "vì vậy", "do đó", "theo đó", "đồng thời", "cho rằng", "thông qua", "trong đó",
                    "hiện tại", "thời gian", "hơn nữa", "nhằm", "có thể", "bởi vì", "nhấn mạnh", "khẳng định"} do
  not_keywords[w] = true
end

local function keywords(text, k)
  if k == 0 then return {} end
  local c = vnt.counter()
  c:add_tokens(text, {unit = "word", normalize = {case = "lower", tones = "new"}})
  local list = {}
  for key in c:top(#c) do
    local w = key:gsub("_", " ")
    if key:find("_", 1, true) and not not_keywords[w] then
      list[#list + 1] = w
      if #list >= k then break end
    end
  end
  return list
end

local first = true
local function write_doc(name, s, kw)
  if a.format == "json" or a.format == "jsonl" then
    local sents = {}
    for i, x in ipairs(s.sentences) do
      sents[i] = cli.json_record {"text", x.text, "index", x.index, "score", math.floor(x.score * 1e4 + 0.5) / 1e4}
    end
    local rec = '{"doc":' .. cli.json(name) .. ',"title":' .. cli.json(s.title or cli.null) .. ',"sentences":[' ..
                table.concat(sents, ",") .. '],"keywords":' .. cli.json(kw) .. "}"
    if a.format == "jsonl" then out:write(rec, "\n") else out:write(first and "[" or ",\n", rec) end
  elseif a.format == "md" then
    local md = cli.md_escape
    out:write(first and "" or "\n", "## ", md(s.title or name), "\n\n")
    if s.title then out:write("*", md(name), "*\n\n") end
    for _, x in ipairs(s.sentences) do out:write("- ", md(x.text), "\n") end
    if #kw > 0 then out:write("\n**Từ khóa:** ", md(table.concat(kw, ", ")), "\n") end
  else
    out:write(first and "" or "\n", "== ", name, s.title and (" — " .. s.title) or "", "\n")
    for _, x in ipairs(s.sentences) do out:write(("  [%d] %s\n"):format(x.index, x.text)) end
    if #kw > 0 then out:write("  keywords: ", table.concat(kw, ", "), "\n") end
  end
  first = false
end

local collected = {}
cli.each_document(a.files, {split = a.split, encoding = a.encoding, repair = a.repair}, function(name, text)
  if not text:find("%S") then return end
  if not vnt.is_normalized(text, "NFC") then text = vnt.nfc(text) end
  if a.corpus then
    collected[#collected + 1] = {name, text}
  else
    write_doc(name, summary.summarize(text, opts), keywords(text, a.keywords))
  end
end)

if a.corpus then
  local s = summary.summarize_corpus(collected, opts)
  local all = {}
  for _, d in ipairs(collected) do all[#all + 1] = d[2] end
  local kw = keywords(table.concat(all, "\n\n"), a.keywords)
  if a.format == "json" or a.format == "jsonl" then
    local sents = {}
    for i, x in ipairs(s.sentences) do
      sents[i] = cli.json_record {"doc", x.doc, "text", x.text, "index", x.index,
                                  "score", math.floor(x.score * 1e4 + 0.5) / 1e4}
    end
    out:write('{"documents":', s.documents, ',"sentences":[', table.concat(sents, ","), '],"keywords":',
              cli.json(kw), "}\n")
  elseif a.format == "md" then
    out:write("## ", #collected, " documents\n\n")
    for _, x in ipairs(s.sentences) do out:write("- ", cli.md_escape(x.text), " *(", cli.md_escape(x.doc), ")*\n") end
    if #kw > 0 then out:write("\n**Từ khóa:** ", cli.md_escape(table.concat(kw, ", ")), "\n") end
  else
    for _, x in ipairs(s.sentences) do out:write(x.text, "  (", x.doc, ")\n") end
    if #kw > 0 then out:write("keywords: ", table.concat(kw, ", "), "\n") end
  end
elseif a.format == "json" then
  out:write(first and "[]\n" or "]\n")
end
out:flush()
os.exit(cli.status(), true)
