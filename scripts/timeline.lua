-- timeline: what happened when, across news articles -- dates found, normalized and sorted
local cli = require "vnt.cli"
local timeline = require "vnt.timeline"

local p = cli.parser("timeline",
  "Find the temporal expressions of Vietnamese news articles (dates, ranges,\n" ..
  "quarters and halves, parts of days, deictic and relative dates, durations),\n" ..
  "normalize them to TIMEX3-style values, and print one timeline across all the\n" ..
  "articles: each entry with the event it dates, traced to its document and line.\n" ..
  "The same event reported twice (by one article or by several) is one entry.\n\n" ..
  "A year or date the text leaves out is taken from the same sentence, else from\n" ..
  "the document's own date (--date; else its byline timestamp; else the first\n" ..
  "full date of its opening lines); without one it stays XXXX and off the calendar.\n" ..
  "Articles are cleaned first (captions, credits, bylines: see vnt clean).",
  "Examples:\n" ..
  "  vnt timeline examples/articles/                       a readable timeline\n" ..
  "  vnt timeline --format html a.txt b.txt > t.html\n" ..
  "  vnt timeline --all --format jsonl news/      every expression, one JSON a line\n" ..
  "  vnt timeline --split blank corpus.txt        a file of articles separated by blank lines")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--format", "text (a readable timeline), json (an array of expression records), jsonl (one a line), " ..
         "csv, or html (one self-contained page drawing the timeline).", "text")
  :choices {"text", "json", "jsonl", "csv", "html"}
p:option("--date", "The date of the documents (YYYY-MM-DD), for what their text leaves out.")
  :convert(cli.check_date)
p:flag("--all", "Also the expressions that are not on the calendar: durations, vague and unresolved ones.")
p:flag("--no-clean", "Keep the lines vnt clean would drop (captions, bylines, ...).")
p:option("--split", "file: each file is one document; blank: a blank line ends a document " ..
         "(a corpus in one file; documents are named FILE#N).", "file"):choices {"file", "blank"}
p:option("--title", "The title of the HTML page.", "Timeline")
p:option("--group", "With --format html: group the entries on the page by document, by year, or not " ..
         "(the reader can change it on the page).", "none"):choices {"none", "doc", "year"}
cli.csv_options(p)
cli.input_options(p)
local a = cli.parse(p, arg)

if a.date and not a.date:match("^%d%d%d%d%-%d%d%-%d%d$") then
  cli.die("--date: expected YYYY-MM-DD, got '" .. a.date .. "'", 2)
end

-- the records of a large corpus are many small tables that live to the end:
-- the generational collector does not walk them again and again
collectgarbage("generational")
local b = timeline.new {date = a.date, clean = not a.no_clean, unanchored = a.all}
local dated = {}

local function add(name, text, line, offset)
  if text:find("%S") then
    local date, source = b:add_document(name, text, line, offset)
    dated[#dated + 1] = {name, date, source}
  end
end

cli.each_document(a.files, {split = a.split, encoding = a.encoding, repair = a.repair}, add)

local entries = b:entries()
-- what reading the documents left behind goes before the output is made: the output's own strings
-- then reuse its room (a generational collector would let the two pile up)
collectgarbage("collect")
collectgarbage("incremental")
local others = a.all and b:unanchored() or {}
-- (text for a terminal with the control characters of the articles made visible)
local out = (a.format == "text" or a.format == "md") and cli.display(io.stdout) or io.stdout

local function shown(v) return (v:gsub("/", " – ")) end

if a.format == "text" then
  for _, d in ipairs(dated) do
    if d[2] then
      out:write(("%s: dated %s (%s)\n"):format(d[1], d[2], d[3] == "--date" and "--date" or
        d[3] == "byline" and "from its byline" or "from its first full date"))
    else
      out:write(("%s: no date of its own; years it leaves out stay XXXX\n"):format(d[1]))
    end
  end
  out:write("\n")
  -- the calendar order (the TIMEX3 value), then the value as Vietnamese writes it, then the event
  local width, vwidth = 12, 10
  local vi = {}
  for i, e in ipairs(entries) do
    vi[i] = timeline.vietnamese(e)
    width = math.max(width, utf8.len(shown(e.value)) or 0)
    vwidth = math.max(vwidth, utf8.len(vi[i]) or 0)
  end
  width, vwidth = math.min(width, 26), math.min(vwidth, 34)
  local pad = (" "):rep(width + 2)
  for i, e in ipairs(entries) do
    local v = shown(e.value)
    out:write(v, (" "):rep(math.max(1, width + 2 - (utf8.len(v) or #v))),
              vi[i], (" "):rep(math.max(1, vwidth + 2 - (utf8.len(vi[i]) or #vi[i]))),
              e.event ~= "" and e.event or "(no event)", "\n")
    for _, r in ipairs(e.records) do
      out:write(pad, "  ", r.doc, ":", r.line, "  «", r.text, "»\n")
    end
  end
  if #entries == 0 then out:write("(no dates on the calendar)\n") end
  if a.all and #others > 0 then
    out:write("\nNot on the calendar (durations, vague or unresolved, comparison baselines):\n")
    for _, r in ipairs(others) do
      local v = shown(r.value)
      out:write(v, (" "):rep(math.max(1, width + 2 - (utf8.len(v) or #v))), "«", r.text, "»  ",
                r.role == "baseline" and "(a comparison baseline)  " or "", r.doc, ":", r.line, "\n")
    end
  end
elseif a.format == "html" then
  local n = #dated
  local sub = ("%d sự kiện từ %d bài (%d entries from %d document%s)"):format(#entries, n, #entries, n,
    n == 1 and "" or "s")
  local html, why = require("vnt.timeline_page").render(entries, a.title, sub, {group = a.group})
  if not html then   -- without vis-timeline: vnt's own drawing, and a note saying so
    cli.note("timeline: " .. why .. "; the page is vnt's own drawing, without zoom, groups or filters")
    html = require("vnt.timeline_html").render(entries, a.title, sub)
  end
  out:write(html)
else
  local recs = {}
  for _, e in ipairs(entries) do
    for _, r in ipairs(e.records) do recs[#recs + 1] = r end
  end
  for _, r in ipairs(others) do recs[#recs + 1] = r end
  local fields = {"doc", "line", "start", "stop", "text", "type", "value", "anchored", "approx", "mod", "role", "event",
                  "sentence", "entry", "doc_date"}
  if a.format == "csv" then
    cli.csv_header(out, fields, a)
    local row = {}
    for _, r in ipairs(recs) do
      for i, f in ipairs(fields) do
        local v = r[f]
        if f == "doc_date" and v == false then v = nil end
        row[i] = v
      end
      cli.csv_row(out, row, #fields)
    end
  else
    if a.format == "json" then out:write("[") end
    for i, r in ipairs(recs) do
      local kv = {}
      for _, f in ipairs(fields) do
        local v = r[f]
        if f == "doc_date" and v == false then v = nil end
        if v ~= nil or (f ~= "mod" and f ~= "entry" and f ~= "approx" and f ~= "role") then
          kv[#kv + 1] = f
          kv[#kv + 1] = v == nil and cli.null or v
        end
      end
      local rec = cli.json_record(kv)
      if a.format == "jsonl" then out:write(rec, "\n") else out:write(i > 1 and ",\n" or "", rec) end
    end
    if a.format == "json" then out:write("]\n") end
  end
end
out:flush()
os.exit(cli.status(), true)
