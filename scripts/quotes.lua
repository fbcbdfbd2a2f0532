-- quotes: who said what in news articles -- statements with their speakers
local vnt = require "vnt"
local cli = require "vnt.cli"
local quotes = require "vnt.quotes"

local p = cli.parser("quotes",
  "Extract the statements of Vietnamese news articles: direct quotes (between\n" ..
  "“ ” \" \" « » ‘ ’, over several sentences, with a missing mark recovered and\n" ..
  "flagged) and indirect speech (X cho biết: ..., Theo X, ..., X nhấn mạnh rằng ...),\n" ..
  "each with its speaker resolved to the full name the article gives (a bare title\n" ..
  "or a given name is linked to the latest full mention before it).  Quoted terms\n" ..
  "and titles are left out (--all shows them, as kind term or title).  Articles\n" ..
  "are cleaned first: no statements from captions or bylines.",
  "Examples:\n" ..
  "  vnt quotes examples/articles/                     speaker — “quote” — file:line\n" ..
  "  vnt quotes --by speaker examples/articles/        grouped by speaker, with counts\n" ..
  "  vnt quotes --format jsonl a.txt          one JSON record a statement")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--format", "text, json (an array), jsonl (one record a line) or csv.", "text")
  :choices {"text", "json", "jsonl", "csv"}
p:option("--by", "Group the text output: speaker (each speaker with the number of statements).")
  :choices {"speaker"}
p:flag("--all", "Also quoted terms and titles (kind term or title, no speaker).")
p:flag("--no-clean", "Keep the lines vnt clean would drop (captions, bylines, ...).")
p:option("--split", "file: each file is one document; blank: a blank line ends a document " ..
         "(documents named FILE#N).", "file"):choices {"file", "blank"}
p:option("--cues", "A file of more speech verbs, one a line, added to the built-in list.")
cli.csv_options(p)
cli.input_options(p)
local a = cli.parse(p, arg)

if a.cues then
  local f, err = io.open(a.cues)
  if not f then cli.die("--cues: " .. err, 2) end
  for l in f:lines() do
    l = l:gsub("^%s+", ""):gsub("%s+$", "")
    if l ~= "" and not l:find("^#") then quotes.cues[#quotes.cues + 1] = vnt.lower(l) end
  end
  f:close()
  quotes.reload()
end

collectgarbage("generational")   -- many small short-lived tables per paragraph
-- (text for a terminal with the control characters of the articles made visible)
local out = (a.format == "text" or a.format == "md") and cli.display(io.stdout) or io.stdout
local fields = {"doc", "line", "start", "stop", "quote", "kind", "speaker", "mention", "cue", "flag"}
local all = {}
local first_json = true

local function emit(r)
  if a.format == "jsonl" or a.format == "json" then
    local kv = {}
    for _, f in ipairs(fields) do
      local v = r[f]
      if v ~= nil or f ~= "flag" then
        kv[#kv + 1] = f
        kv[#kv + 1] = v == nil and cli.null or v
      end
    end
    local rec = cli.json_record(kv)
    if a.format == "jsonl" then out:write(rec, "\n")
    else out:write(first_json and "[" or ",\n", rec) first_json = false end
  elseif a.format == "csv" then
    local row = {}
    for i, f in ipairs(fields) do row[i] = r[f] end
    cli.csv_row(out, row, #fields)
  elseif a.by then
    all[#all + 1] = r
  else
    out:write(r.speaker or (r.kind == "term" or r.kind == "title") and "(" .. r.kind .. ")" or "(unknown)",
              " — “", r.quote, "” — ", r.doc, ":", r.line, r.flag and " [" .. r.flag .. "]" or "", "\n")
  end
end

if a.format == "csv" then cli.csv_header(out, fields, a) end

cli.each_document(a.files, {split = a.split, encoding = a.encoding, repair = a.repair}, function(name, text, line0, off0)
  if not text:find("%S") then return end
  local found = quotes.find(text, {all = a.all, clean = not a.no_clean})
  for _, q in ipairs(found) do
    emit {doc = name, line = line0 + q.line - 1, start = off0 + q.start, stop = off0 + q.stop, quote = q.quote,
          kind = q.kind, speaker = q.speaker, mention = q.mention, cue = q.cue,
          flag = q.unclosed and "unclosed" or q.unopened and "unopened" or nil}
  end
end)

if a.format == "json" then out:write(first_json and "[]\n" or "]\n") end
if a.by then
  local groups, order = {}, {}
  for _, r in ipairs(all) do
    local k = r.speaker or "(unknown)"
    if not groups[k] then groups[k] = {} order[#order + 1] = k end
    table.insert(groups[k], r)
  end
  table.sort(order, function(x, y)
    if #groups[x] ~= #groups[y] then return #groups[x] > #groups[y] end
    return x < y
  end)
  for _, k in ipairs(order) do
    out:write(k, " (", #groups[k], ")\n")
    for _, r in ipairs(groups[k]) do
      out:write("  “", r.quote, "” — ", r.doc, ":", r.line, "\n")
    end
  end
end
out:flush()
os.exit(cli.status(), true)
