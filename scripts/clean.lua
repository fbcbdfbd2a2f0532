-- clean: article text without web debris (captions, credits, share buttons, bylines), with reasons
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("clean",
  "Print the article text of scraped news pages without their debris: captions\n" ..
  "(' |' endings, lines under image file names, lines ending in a photo credit,\n" ..
  "caption repeats), photo credits, image file names, share and navigation\n" ..
  "buttons, related links, bylines and timestamps, source lines, footers.\n" ..
  "The headline stays; author, date and source become metadata (--format json).")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--format", "text (the cleaned article), json (one object per document: doc, title, author, " ..
         "date, source, text, dropped) or jsonl (the same, one a line).", "text"):choices {"text", "json", "jsonl"}
p:flag("--explain", "Print each dropped line with its category and reason instead of the text.")
cli.input_options(p)
local a = cli.parse(p, arg)

local out = io.stdout
local docs = {}
cli.each_input(a.files, function(src, name)
  local parts = {}
  for block in cli.blocks(src, name) do parts[#parts + 1] = block end
  local r = vnt.clean(table.concat(parts))
  if a.explain then
    for _, d in ipairs(r.dropped) do
      out:write(("%s:%d\t%s\t%s\t%s\n"):format(cli.tsv(name), d.line, d.category, d.reason, cli.tsv(d.text)))
    end
  elseif a.format == "text" then
    out:write(r.text)
  else
    local dropped = {}
    for i, d in ipairs(r.dropped) do
      dropped[i] = cli.json_record {"line", d.line, "category", d.category, "reason", d.reason, "text", d.text}
    end
    local rec = cli.json_record {"doc", name, "title", r.title, "author", r.author, "date", r.date,
                                 "source", r.source, "text", r.text}
    rec = rec:sub(1, -2) .. ',"dropped":[' .. table.concat(dropped, ",") .. "]}"
    if a.format == "jsonl" then out:write(rec, "\n") else docs[#docs + 1] = rec end
  end
end, {encoding = a.encoding, repair = a.repair})
if a.format == "json" then out:write("[", table.concat(docs, ",\n"), "]\n") end
out:flush()
os.exit(cli.status(), true)   -- close the state: everything freed
