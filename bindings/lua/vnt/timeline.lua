--- vnt.timeline: temporal expressions of documents (vnt.timex) turned into
-- timeline entries -- the event each one dates, its sentence, document and
-- line -- then sorted and merged across documents.
--
--   local tl = require "vnt.timeline"
--   local b = tl.new()
--   b:add_document("a.txt", text)            -- cleans, dates, finds
--   for _, e in ipairs(b:entries()) do        -- anchored ones, sorted, merged
--     print(e.value, e.event, #e.records)
--   end
--
-- @module vnt.timeline
local vnt = require "vnt"
local lpeg = require "lpeg"
local timex = require "vnt.timex"

local ipairs, pairs, table, string, math, tonumber, setmetatable, type = ipairs, pairs, table, string, math,
  tonumber, setmetatable, type

local M = {}

-- ---- events --------------------------------------------------------------------------------------

-- blanks and clause punctuation at both ends (the dashes are several bytes:
-- looked at as whole characters, from each end)
local edge = {[9] = true, [10] = true, [13] = true, [32] = true, [44] = true, [45] = true, [58] = true, [59] = true}
local function trim(s)
  local i, j = 1, #s
  while i <= j do
    local b = s:byte(i)
    if edge[b] then i = i + 1
    elseif b == 226 and s:byte(i + 1) == 128 and (s:byte(i + 2) == 147 or s:byte(i + 2) == 148) then i = i + 3
    else break end
  end
  while j >= i do
    local b = s:byte(j)
    if edge[b] then j = j - 1
    elseif (b == 147 or b == 148) and j - 2 >= i and s:byte(j - 1) == 128 and s:byte(j - 2) == 226 then j = j - 3
    else break end
  end
  if i == 1 and j == #s then return s end
  return s:sub(i, j)
end

-- Words that tie an expression to its clause, left out of the event.
local preps = {}
for w in ([[vào từ đến tới trong tại lúc hồi suốt sau trước kể tính cho ngày hết qua là của và từ_ngày
          đầu cuối giữa nay]]):gmatch("%S+") do preps[w] = true end
-- Words a clause does not start its event with.
local lead = {}
for w in ([[và nhưng còn thì mà nên vì do hay hoặc cũng tuy đồng thời bên cạnh]]):gmatch("%S+") do lead[w] = true end

-- Words an adverbial clause of time starts with.
local adverbial = {}
for w in ([[sau trong từ vào đến trước tính kể suốt cho hồi nhân dịp ngay tới]]):gmatch("%S+") do adverbial[w] = true end

local MAX_WORDS = 16
local NEAR = 12   -- clauses looked at on either side of an expression's own for its event
-- the words of s, at most the first `limit` (an event keeps MAX_WORDS of them: a clause of a
-- one-line article body is not split to its end for that)
local WORDS_READ = 3 * MAX_WORDS
local function split_words(s, limit)
  limit = limit or WORDS_READ
  local t, n = {}, 0
  for w in s:gmatch("%S+") do
    n = n + 1
    t[n] = w
    if n >= limit then return t, true end
  end
  return t, false
end

-- quote marks at both ends, and final punctuation (whole characters, not bytes)
local mark3 = {[152] = true, [153] = true, [156] = true, [157] = true, [166] = true}   -- ‘ ’ “ ” … (E2 80 xx)
local mark1 = {[34] = true, [39] = true, [46] = true, [33] = true, [63] = true}          -- " ' . ! ?
local function strip_marks(e)
  local i, j = 1, #e
  while true do
    local moved = false
    local b = e:byte(i)
    if mark1[b] or edge[b] then i, moved = i + 1, true
    elseif b == 226 and e:byte(i + 1) == 128 and (mark3[e:byte(i + 2)] or e:byte(i + 2) == 147 or e:byte(i + 2) == 148)
      then i, moved = i + 3, true
    elseif b == 194 and (e:byte(i + 1) == 171 or e:byte(i + 1) == 187) then i, moved = i + 2, true end
    if i > j then return "" end
    b = e:byte(j)
    if mark1[b] or edge[b] then j, moved = j - 1, true
    elseif j - 2 >= i and e:byte(j - 2) == 226 and e:byte(j - 1) == 128 and (mark3[b] or b == 147 or b == 148)
      then j, moved = j - 3, true
    elseif j - 1 >= i and e:byte(j - 1) == 194 and (b == 171 or b == 187) then j, moved = j - 2, true end
    if i > j then return "" end
    if not moved then break end
  end
  return e:sub(i, j)
end

-- a "word" that is only punctuation: “ – ... ,
local function only_marks(w)
  return w:gsub("\226\128[\147\148\152\153\156\157\166]", ""):gsub("\194[\171\187]", ""):find("^%p*$") ~= nil
end

local function strip_left(words)
  while words[1] and (lead[vnt.lower(words[1])] or only_marks(words[1])) do table.remove(words, 1) end
  return words
end

local function strip_right_preps(words)
  while words[#words] and preps[vnt.lower(words[#words])] do words[#words] = nil end
  return words
end

-- the clauses of a sentence: pieces between , ; : ( ) and dashes set off by
-- spaces (" - ", " – ", " — "); not a comma or colon inside a number
-- (40,1%  16:50) nor a dash between numbers (5 - 7/4).  One pass for each
-- kind of break, then the breaks in order.
local function isdigit(b) return b and b >= 48 and b <= 57 end
-- the positions of , ; : ( ) in a string (an LPeg span between them, not a pattern tried at each byte)
local punct_at = lpeg.Ct(((1 - lpeg.S ",;:()") ^ 0 * lpeg.Cp() * 1) ^ 0)
local function clauses(s)
  -- the breaks as pairs of numbers in one list (no table for each comma of a long sentence)
  local br, n = {}, 0
  local at = punct_at:match(s)
  for q = 1, #at do
    local j = at[q]
    if j <= #s and not (isdigit(s:byte(j - 1)) and isdigit(s:byte(j + 1))) then br[n + 1], br[n + 2], n = j, j, n + 2 end
  end
  local dashes = false
  for _, d in ipairs {" - ", " – ", " — "} do
    local from = 1
    while true do
      local j, k = s:find(d, from, true)
      if not j then break end
      if not (isdigit(s:byte(j - 1)) and isdigit(s:byte(k + 1))) then br[n + 1], br[n + 2], n, dashes = j, k, n + 2, true end
      from = k
    end
  end
  if dashes then   -- in order (the others come in order already)
    local pairs_ = {}
    for q = 1, n, 2 do pairs_[#pairs_ + 1] = {br[q], br[q + 1]} end
    table.sort(pairs_, function(x, y) return x[1] < y[1] end)
    for q, p in ipairs(pairs_) do br[2 * q - 1], br[2 * q] = p[1], p[2] end
  end
  local out, i = {}, 1
  for q = 1, n, 2 do
    if br[q] >= i then
      out[#out + 1] = {i, br[q] - 1}
      i = br[q + 1] + 1
    end
  end
  out[#out + 1] = {i, #s}
  return out
end

--- The event an expression dates: a short phrase from its sentence `s`
-- around the expression at bytes [a, b] (1-based, inclusive, in `s`).
-- Parenthesized asides are left out (unless the expression is in one).
-- The expression's clause without the expression and the words that tie
-- it in, when that leaves four words or more; else the nearest clause
-- after it with four words or more ("Sáng 29/10, Bộ trưởng ...": what
-- follows), else before it.  An adverbial clause opening the sentence
-- ("Sau 3 ngày làm việc từ 12 - 14/10, ...") gives way to the next.
function M.event(s, a, b)
  -- blank out the asides: (...) not holding the expression
  if s:find("(", 1, true) then
    s = s:gsub("()%b()()", function(i, j)
      if a >= i and a < j then return nil end
      return (" "):rep(j - i)
    end)
  end
  -- the expression itself out of the way: its dashes split no clause
  s = s:sub(1, a - 1) .. (" "):rep(b - a + 1) .. s:sub(b + 1)
  local cl = clauses(s)
  local at = #cl
  for k, c in ipairs(cl) do
    if a >= c[1] and a <= c[2] + 1 then at = k break end
  end
  local c = cl[at]
  -- (the words before it that tie it in are at its end: not there in a clause cut short)
  local left, cut_left = split_words(s:sub(c[1], a - 1))
  if not cut_left then strip_right_preps(left) end
  local right = split_words(s:sub(b + 1, c[2]))
  -- what ties the expression to the words after it goes too
  while right[1] and preps[vnt.lower(right[1])] and #right > 1 do table.remove(right, 1) end
  local w = left
  for _, x in ipairs(right) do w[#w + 1] = x end
  w = strip_left(w)
  -- an adverbial opening the sentence ("Sau 3 ngày làm việc từ 12 - 14/10, Hội nghị ... bế mạc"):
  -- the clause after it says what happened
  if at == 1 and cl[2] and w[1] and adverbial[vnt.lower(w[1])] then
    local nw = strip_left(split_words(s:sub(cl[2][1], cl[2][2])))
    if #nw >= 4 then w = nw end
  end
  if #w < 4 then
    -- the nearest clause after it that says something, else before it, else the longest
    local function words_at(k) return strip_left(split_words(s:sub(cl[k][1], cl[k][2]))) end
    -- (within NEAR clauses either way: a list of a thousand dates has a thousand clauses of a word
    -- or two, and each of its expressions must not read them all)
    local found
    local lo, hi = math.max(1, at - NEAR), math.min(#cl, at + NEAR)
    for k = at + 1, hi do
      local ow = words_at(k)
      if #ow >= 4 then found = ow break end
    end
    for k = at - 1, lo, -1 do
      if found then break end
      local ow = words_at(k)
      if #ow >= 4 then found = ow end
    end
    if not found then
      for k = lo, hi do
        local ow = words_at(k)
        if k ~= at and #ow > #w and (not found or #ow > #found) then found = ow end
      end
    end
    w = found or w
  end
  local cut = #w > MAX_WORDS
  while #w > MAX_WORDS do w[#w] = nil end
  local e = trim(table.concat(w, " "))
  e = trim(strip_marks(e))
  if cut then e = e .. "…" end
  if e ~= "" then
    local first = e:match("^[%z\1-\127\194-\244][\128-\191]*")
    e = vnt.upper(first) .. e:sub(#first + 1)
  end
  return e
end

-- ---- ordering ------------------------------------------------------------------------------------

local function iso_week_monday(y, w)
  -- the Monday of ISO week w: the week with the year's first Thursday is week 1
  local jan4 = os.time {year = y, month = 1, day = 4, hour = 12}
  local wday = tonumber(os.date("!%u", jan4))
  local t = jan4 - (wday - 1) * 86400 + (w - 1) * 7 * 86400
  return tonumber(os.date("!%Y", t)), tonumber(os.date("!%m", t)), tonumber(os.date("!%d", t))
end

--- Where a value starts, as {y, m, d, hh, mi} with what it leaves out nil;
-- nil for values that are not on the calendar.
function M.start_of(value)
  local v = value:gsub("^~", ""):gsub("/.*$", "")
  local y = tonumber(v:match("^(%d%d%d%d)"))
  if not y then
    local dec = v:match("^(%d%d%d)X$")
    if dec then return {y = tonumber(dec) * 10, decade = true} end
    return nil
  end
  local q = tonumber(v:match("^%d+%-Q(%d)$"))
  if q then return {y = y, m = (q - 1) * 3 + 1, part = true} end
  local h = tonumber(v:match("^%d+%-H(%d)$"))
  if h then return {y = y, m = h == 1 and 1 or 7, part = true} end
  local w = tonumber(v:match("^%d+%-W(%d%d)$"))
  if w then
    local yy, mm, dd = iso_week_monday(y, w)
    return {y = yy, m = mm, d = dd}
  end
  local m, d = v:match("^%d+%-(%d%d)%-?(%d?%d?)")
  local hh, mi = v:match("T(%d%d):(%d%d)")
  return {y = y, m = tonumber(m), d = tonumber(d), hh = tonumber(hh), mi = tonumber(mi)}
end

--- A string that sorts values by where they start, coarser first.
function M.sort_key(value)
  local s = M.start_of(value)
  if not s then return "~" .. value end
  return string.format("%04d-%02d-%02d-%02d:%02d-%d", s.y, s.m or 0, s.d or 0, s.hh or 0, s.mi or 0,
                       s.decade and 0 or s.part and 1 or 2)
end

--- A value's start and end as fractional years, for drawing.
function M.span(value)
  local function frac(v, last)
    local s = M.start_of(v)
    if not s then return nil end
    if s.decade then return s.y + (last and 10 or 0) end
    local x = s.y
    if s.m then x = x + (s.m - 1) / 12 elseif last then x = x + 1 end
    if s.d then x = x + (s.d - 1) / 365 elseif s.m and last then x = x + 1 / 12 end
    if s.d and last then x = x + 1 / 365 end
    return x
  end
  local v = value:gsub("^~", "")
  local a, b = v:match("^(.-)/(.+)$")
  if a then return frac(a), frac(b, true) end
  local q = tonumber(v:match("%-Q(%d)$"))
  local x = frac(v)
  if q then return x, x + 0.25 end
  local h = v:match("%-H%d$")
  if h then return x, x + 0.5 end
  return x, frac(v, true)
end

-- ---- merging ---------------------------------------------------------------------------------------

local stop = {}
for w in ([[và của là các những được có đã sẽ đang với cho trong tại từ đến này đó một the
          ngày tháng năm vào để thì mà ở về theo khi như nhiều]]):gmatch("%S+") do stop[w] = true end

local function content_words(s)
  local set, n = {}, 0
  for w in vnt.lower(s):gmatch("[^%s%p]+") do
    if not stop[w] and not set[w] then set[w] = true n = n + 1 end
  end
  return set, n
end

local function similar(a, na, b, nb)
  if na == 0 or nb == 0 then return false end
  local common = 0
  for w in pairs(a) do if b[w] then common = common + 1 end end
  local r = common / math.min(na, nb)
  return (r >= 0.5 and common >= 3) or r >= 0.8
end

-- ---- the builder -------------------------------------------------------------------------------

-- a sentence longer than this many bytes is one only in form: each of its expressions keeps CONTEXT
-- bytes on either side for its event and its record
local LONG_SENTENCE, CONTEXT = 1500, 400

local Builder = {}
Builder.__index = Builder

--- A new timeline.  opts.date: the date of every document ("YYYY-MM-DD"),
-- opts.clean (default true): leave out what vnt.clean drops;
-- opts.unanchored (default true): keep the records off the calendar.
function M.new(opts)
  opts = opts or {}
  return setmetatable({opts = opts, records = {}, docs = {}}, Builder)
end

--- Add a document (name and text, or a vnt.document): its expressions become records {doc, line, start,
-- stop, text, type, value, anchored, mod, role, event, sentence, doc_date};
-- a comparison baseline (role "baseline") is not anchored: it stays off the calendar.
-- base_line, base_offset: where `text` starts in its file (a corpus file
-- of many documents), so lines and offsets point into the file.
-- Returns the document's date and where it came from.
function Builder:add_document(name, text, base_line, base_offset)
  local c
  if type(name) == "table" then   -- a vnt.document: its text and cleaning, once
    local d = name
    name, text, base_line, base_offset = d.name, d.text, d.line, d.offset
    c = d:clean()
  end
  base_line, base_offset = base_line or 1, base_offset or 0
  if not vnt.is_normalized(text, "NFC") then text = vnt.nfc(text) end
  c = c or vnt.clean(text)
  local date, source = self.opts.date, "--date"
  if not date and c.date then
    date = timex.doc_date(text, c)
    source = date and "byline" or nil
  end
  local keep
  if self.opts.clean ~= false then
    keep = {}
    for _, i in ipairs(c.kept) do keep[i] = true end
  end
  self.docs[#self.docs + 1] = {doc = name, date = date, date_source = source, title = c.title}
  local line, pos = 1, 1
  local recs = self.records
  local found, used = timex.find(text, {date = date, guess_date = true})
  local sent, sent_at
  if used and not date then date, source = used, "text" end
  self.docs[#self.docs].date, self.docs[#self.docs].date_source = date, source
  for _, t in ipairs(found) do
    -- the line of the expression: count the newlines up to it
    while true do
      local nl = text:find("\n", pos, true)
      if not nl or nl > t.start then break end
      line, pos = line + 1, nl + 1
    end
    -- a comparison baseline (so với cùng kỳ năm 2022) is no event of its own: off the calendar
    local on = t.anchored and t.role ~= "baseline"
    if (not keep or keep[line]) and (on or self.opts.unanchored ~= false) then
      -- the records of one sentence share its text; of a sentence too long to be one (a list of
      -- a thousand dates, a body without full stops) each keeps the stretch around its expression,
      -- so that the work and the output for each stay bounded
      local ss, se = t.sentence_start, t.sentence_stop
      if se - ss > LONG_SENTENCE then
        ss = math.max(ss, t.start - CONTEXT)
        se = math.min(se, t.stop + CONTEXT)
        -- (cut at blanks: the stretch starts and ends with whole words)
        if ss > t.sentence_start then ss = (text:find("%s", ss + 1) or t.start + 1) - 1 end
        if ss > t.start then ss = t.start end
        if se < t.sentence_stop then
          local k = se
          while k > t.stop and not text:sub(k, k):find("%s") do k = k - 1 end
          se = k
        end
        sent, sent_at = text:sub(ss + 1, se), nil
      elseif ss ~= sent_at then
        sent, sent_at = text:sub(ss + 1, se), ss
      end
      local a, b = t.start - ss + 1, t.stop - ss
      recs[#recs + 1] = {
        doc = name, line = base_line + line - 1, start = base_offset + t.start, stop = base_offset + t.stop,
        text = t.text, type = t.type, value = t.value, anchored = on, mod = t.mod, role = t.role, holiday = t.holiday,
        approx = t.value:sub(1, 1) == "~" or nil,
        event = on and M.event(sent, a, b) or "", sentence = sent, doc_date = date or false,
        order = #recs + 1,
      }
    end
  end
  return date, source
end

--- The timeline: anchored records grouped into entries, sorted by start
-- (coarser values first, then document order).  An entry is {value, type,
-- key, event, records = {...}}: the records of one value whose events say
-- the same thing (half their content words and three or more in common,
-- or four fifths of them) -- one
-- event reported twice in an article or by several articles.
function Builder:entries()
  local anchored = {}
  for _, r in ipairs(self.records) do
    if r.anchored then
      r.key = r.key or M.sort_key(r.value)
      anchored[#anchored + 1] = r
    end
  end
  table.sort(anchored, function(x, y)
    if x.key ~= y.key then return x.key < y.key end
    return x.order < y.order
  end)
  -- Entries of one value, found through the words of their events: an
  -- index word -> entries, where words too common to tell events apart
  -- (in more than COMMON entries of the value) stop being looked up.
  local COMMON = 32
  local out = {}
  local by_value = {}
  for _, r in ipairs(anchored) do
    local v = r.value:gsub("^~", "")
    local set, n = content_words(r.event)
    local g = by_value[v]
    if not g then
      g = {index = {}, n = 0}
      by_value[v] = g
    end
    -- how many words each entry shares with this event, through the index;
    -- only those sharing two or more (or short ones) are compared in full
    local tally = {}
    for w in pairs(set) do
      local list = g.index[w]
      if list and #list <= COMMON then
        for _, e in ipairs(list) do tally[e] = (tally[e] or 0) + 1 end
      end
    end
    local cands = {}
    for e, c in pairs(tally) do
      if c >= 2 or math.min(n, e.nwords) <= 2 then cands[#cands + 1] = e end
    end
    table.sort(cands, function(x, y) return x.gi < y.gi end)   -- the earliest entry first, whatever the hash order
    local merged
    for _, e in ipairs(cands) do
      if similar(set, n, e.words, e.nwords) then merged = e break end
    end
    if merged then
      merged.records[#merged.records + 1] = r
    else
      local e = {value = r.value, type = r.type, key = r.key, event = r.event, records = {r}, words = set, nwords = n}
      out[#out + 1] = e
      g.n = g.n + 1
      e.gi = g.n
      for w in pairs(set) do
        local list = g.index[w]
        if not list then list = {} g.index[w] = list end
        if #list <= COMMON then list[#list + 1] = e end
      end
    end
  end
  for i, e in ipairs(out) do
    e.index = i
    for _, r in ipairs(e.records) do r.entry = i end
    -- the longest event of the group describes it best
    for _, r in ipairs(e.records) do
      if #r.event > #e.event then e.event = r.event end
    end
    e.words, e.nwords, e.gi = nil, nil, nil
  end
  return out
end

--- How Vietnamese writes an entry's (or a record's) value: Quý II/2023, 6 tháng đầu năm 2023,
-- 12 – 14/10/2021; a holiday by its name with its day, Tết Đinh Dậu (28/1/2017).
function M.vietnamese(e)
  local r = e
  for _, x in ipairs(e.records or {}) do   -- (the fullest name the records give)
    if x.holiday and (not r.holiday or #x.text > #r.text) then r = x end
  end
  local v = timex.vietnamese(e.value)
  if r.holiday then
    local name = r.text:gsub("^[Nn]gày%s+", ""):gsub("^[Dd]ịp%s+", ""):gsub("%s+năm%s+%S+$", "")
    return name .. " (" .. v .. ")"
  end
  return v
end

--- The records that are not on the calendar (durations, unresolved and
-- vague ones), in document order.
function Builder:unanchored()
  local out = {}
  for _, r in ipairs(self.records) do
    if not r.anchored then out[#out + 1] = r end
  end
  return out
end

return M
