-- topic-timeline: the timeline of one topic across a corpus
--
--   vnt run examples/scripts/topic-timeline.lua TOPIC FILE|DIR...
--
-- Only the sentences that name TOPIC (in any case, with or without its
-- diacritics: "gạo" finds "Gạo" and "GAO") go on the timeline; each entry
-- prints its value, the value as Vietnamese writes it, its event and its
-- sources, separated by tabs.
local vnt = require "vnt"
local vnt_io = require "vnt.io"
local timeline = require "vnt.timeline"

local topic = arg[1]
if not topic or #arg < 2 then
  io.stderr:write("usage: vnt run topic-timeline.lua TOPIC FILE|DIR...\n")
  os.exit(2)
end
local key = vnt.strip_diacritics(vnt.lower(vnt.nfc(topic)))
local function names_topic(s) return vnt.strip_diacritics(vnt.lower(s)):find(key, 1, true) ~= nil end

local b = timeline.new()
local files = {table.unpack(arg, 2)}
for name, text, meta in vnt_io.documents(files) do
  if not text then io.stderr:write(meta, "\n") else b:add_document(name, text) end
end

for _, e in ipairs(b:entries()) do
  local on_topic = {}
  for _, r in ipairs(e.records) do
    if names_topic(r.sentence) then on_topic[#on_topic + 1] = ("%s:%d"):format(r.doc, r.line) end
  end
  if #on_topic > 0 then
    print(("%s\t%s\t%s\t%s"):format(e.value, timeline.vietnamese(e), e.event, table.concat(on_topic, " ")))
  end
end
