-- speakers-dates: who speaks in a collection, how often, and the dates their statements name
--
--   vnt run examples/scripts/speakers-dates.lua FILE|DIR...
--
-- For each speaker (as vnt.quotes resolves them), the number of statements
-- and the calendar values of the temporal expressions inside those
-- statements, each resolved against its article's date.
local quotes = require "vnt.quotes"
local timex = require "vnt.timex"
local vnt_io = require "vnt.io"

local by = {}   -- speaker -> {n = statements, dates = {value -> count}}
for name, text, meta in vnt_io.documents(#arg > 0 and arg or {"-"}) do
  if not text then
    io.stderr:write(meta, "\n")
  else
    local found = timex.find(text, {guess_date = true})   -- resolved against the article's own date
    for _, q in ipairs(quotes.find(text)) do
      local who = q.speaker or "(unknown)"
      local s = by[who] or {n = 0, dates = {}}
      by[who] = s
      s.n = s.n + 1
      for _, t in ipairs(found) do   -- the expressions inside the statement's span
        if t.anchored and t.start >= q.start and t.stop <= q.stop then
          s.dates[t.value] = (s.dates[t.value] or 0) + 1
        end
      end
    end
  end
end

local names = {}
for who in pairs(by) do names[#names + 1] = who end
table.sort(names, function(a, b)
  if by[a].n ~= by[b].n then return by[a].n > by[b].n end
  return a < b
end)
for _, who in ipairs(names) do
  local vals = {}
  for v in pairs(by[who].dates) do vals[#vals + 1] = v end
  table.sort(vals)
  print(("%s\t%d\t%s"):format(who, by[who].n, table.concat(vals, " ")))
end
