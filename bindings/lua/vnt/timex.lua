--- vnt.timex: Vietnamese temporal expressions -- found by an LPeg grammar,
-- normalized to TIMEX3-style values.
--
--   local timex = require "vnt.timex"
--   for _, t in ipairs(timex.find(text, {date = "2021-10-14"})) do
--     print(t.text, t.type, t.value, t.start, t.stop)   -- byte offsets, 0-based, stop exclusive
--   end
--
-- Types: DATE (a day, month, year, quarter, half, week, decade, or a vague
-- future), RANGE (two ends), DURATION, TIME (a date with a clock time).
-- Values: 2021-10-14, 2019-12, 2030, 2023-Q2, 2024-H1, 2021-W41, 202X,
-- 2021-10-12/2021-10-14, P3D, P18M, 2023-06-12T16:50, FUTURE_REF; "~" in
-- front for hơn/gần/khoảng.  A year the text does not give is resolved from
-- the same sentence, then from the document's date (opts.date), else left
-- as XXXX -- never guessed.
-- @module vnt.timex
local lpeg = require "lpeg"
local vnt = require "vnt"

local P, R, S, C, Cc, Cg, Ct, Cp, V = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cg, lpeg.Ct, lpeg.Cp, lpeg.V
local tonumber, tostring, ipairs, pairs, string, table, math, os = tonumber, tostring, ipairs, pairs, string, table, math, os

local M = {}

-- ---- building blocks -------------------------------------------------------------------

-- A letter: ASCII, or a Latin letter or combining mark in UTF-8 (U+00C0-U+024F,
-- U+0300-U+036F, U+1E00-U+1EFF).  Quote marks, dashes and other
-- punctuation outside ASCII are no letters: “Từ tháng 12 starts at Từ.
local cont = R "\128\191"
local letter = R("az", "AZ") + R "\195\201" * cont + R "\204\205" * cont + P "\225" * R "\184\187" * cont * cont
-- a word, in lower case or with a capital first letter, not followed by more letters
local digit = R "09"
local function word(w)
  local first = w:match("^[%z\1-\127\194-\244][\128-\191]*")
  local cap = vnt.upper(first) .. w:sub(#first + 1)
  return (P(w) + P(cap)) * -letter
end
local function words(list)
  local p = P(false)
  for _, w in ipairs(list) do p = p + word(w) end
  return p
end

local sp = S " \t" ^ 1
local osp = S " \t" ^ 0
local dash = osp * (P "-" + P "–" + P "—") * osp
local range_word = sp * words {"đến", "tới", "sang", "-"} * sp

-- days 1-31, months 1-12, hours 0-24: plain patterns, no Lua callbacks, so
-- failing at the many numbers that are not dates costs little
local day2 = P "0" * R "19" + S "12" * digit + P "3" * S "01"
local month2 = P "0" * R "19" + P "1" * R "02"
local day = C(day2 + R "19") * -digit / tonumber
local month = C(month2 + R "19") * -digit / tonumber
local hour = C(S "01" * digit + P "2" * R "04" + digit) * -digit / tonumber

local year = C(S "12" * digit * digit * digit) * -digit / tonumber
local ymd_sep = S "/-."

-- Vietnamese number words for small counts
local numwords = {
  ["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["bốn"] = 4, ["năm"] = 5, ["sáu"] = 6, ["bảy"] = 7, ["tám"] = 8,
  ["chín"] = 9, ["mười"] = 10, ["mười hai"] = 12, ["vài"] = "X", ["mấy"] = "X",   -- a few: unspecified
}
local count_word = P(false)
local nw = {}
for w in pairs(numwords) do nw[#nw + 1] = w end
table.sort(nw, function(a, b) return #a > #b end)   -- "mười hai" before "mười"
for _, w in ipairs(nw) do
  local n = numwords[w]
  count_word = count_word + word(w) / function() return n end
end
local count = (C(digit ^ 1) * -(digit + S ".,%" * digit) / tonumber) + count_word

local roman = (P "IV" / function() return 4 end) + (P "III" / function() return 3 end) +
              (P "II" / function() return 2 end) + (P "I" / function() return 1 end) + R "14" / tonumber

local approx = words {"hơn", "gần", "khoảng", "chừng", "trên", "gần như"} * sp

local daypart = words {"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng sáng", "sáng sớm"} * (sp * word "ngày") ^ -1 * sp

-- ---- values --------------------------------------------------------------------------------

local function pad(n) return string.format("%02d", n) end
local function Y(y) return y and tostring(y) or "XXXX" end

local function date_v(d, m, y) return {type = "DATE", y = y, m = m, d = d} end

-- the expressions, each a capture of a table {type, value-parts...}
local g = {}

-- d/m/yyyy, d-m-yyyy, d.m.yyyy (the separators alike), d/m, dd-mm
g.dmy = P(false)
for sep in ("/-."):gmatch(".") do   -- both separators alike
  g.dmy = g.dmy + (day * P(sep) * month * P(sep) * year) / function(d, m, y) return date_v(d, m, y) end
end
g.dm = (day * P "/" * month * -(ymd_sep * digit) * -letter) / function(d, m) return date_v(d, m, nil) end
  -- dd-mm with two digits each (20-10), not 5-7, a range of counts
  + ((C(day2) / tonumber) * P "-" * (C(month2) / tonumber) * -(ymd_sep * digit) * -letter) / date_v
local dmy_or_dm = g.dmy + g.dm

-- clock time: 16:50, 16h30, 7h
local clock = (hour * (P ":" * C(digit * digit) + S "hg" * C(digit * digit) ^ -1) * -letter) /
  function(h, mm) return {hh = h, mi = tonumber(mm) or 0} end

local function with_time(dt, t)
  return {type = "TIME", y = dt.y, m = dt.m, d = dt.d, hh = t.hh, mi = t.mi}
end

local ngay = word "ngày" * sp
local thang = word "tháng" * sp
local nam = word "năm" * sp

local G = P {
  "expr",
  expr = V "range" + V "part" + V "date" + V "time" + V "deictic" + V "duration",

  -- a date, optionally with ngày and a part of the day in front
  date = (daypart ^ -1 * (ngay ^ -1) * dmy_or_dm * (sp * clock) ^ -1) /
         function(dt, t) if t then return with_time(dt, t) end return dt end
       + (thang * month * (P "/" + sp * nam) * year) / function(m, y) return {type = "DATE", y = y, m = m} end
       + (thang * month * -(osp * (P "/" + dash) * digit)) / function(m) return {type = "DATE", m = m} end
       + (nam * year * -(dash * year)) / function(y) return {type = "DATE", y = y} end,

  time = (clock * sp * (words {"ngày"} * sp) ^ -1 * dmy_or_dm) / function(t, dt) return with_time(dt, t) end,

  range = V "range_days" + V "range_dates" + V "range_months" + V "range_years",
  -- 12 - 14/10/2021, 12-14/10
  range_days = (daypart ^ -1 * (ngay ^ -1) * day * dash * dmy_or_dm) / function(d1, dt)
    return {type = "RANGE", a = {y = dt.y, m = dt.m, d = d1}, b = dt}
  end,
  -- từ ngày 20-10 đến ngày 22-10, từ 10/6 sang 15/6
  range_dates = (word "từ" * sp * (ngay ^ -1) * dmy_or_dm * range_word * (ngay ^ -1) * dmy_or_dm) / function(a, b)
    return {type = "RANGE", a = a, b = b}
  end,
  -- từ tháng 12/2019 đến tháng 8/2021, tháng 7 - 9
  range_months = (word "từ" * sp * thang * month * P "/" * year * range_word * thang * month * P "/" * year) /
    function(m1, y1, m2, y2) return {type = "RANGE", a = {y = y1, m = m1}, b = {y = y2, m = m2}} end
    + (thang * month * dash * month * ((P "/" + sp * nam) * year) ^ -1) / function(m1, m2, y)
      return {type = "RANGE", a = {y = y, m = m1}, b = {y = y, m = m2}}
    end,
  -- năm 2045 – 2050, khoảng năm 2045 - 2050, từ năm 2020 đến năm 2025
  range_years = (C(approx) ^ -1 * nam * year * dash * year) / function(...)
      local t = {...}
      local ap = #t == 3
      local y1, y2 = t[#t - 1], t[#t]
      return {type = "RANGE", a = {y = y1}, b = {y = y2}, approx = ap}
    end
    + (word "từ" * sp * nam * year * range_word * nam ^ -1 * year) / function(y1, y2)
      return {type = "RANGE", a = {y = y1}, b = {y = y2}}
    end,

  -- Quý II năm 2023; 6 tháng đầu năm 2024; nửa đầu năm 2021; đầu tháng 5/2022; cuối tháng 6
  part = (words {"quý", "qúy"} * sp * roman * ((sp * nam + P "/") * year) ^ -1) / function(q, y)
      return {type = "DATE", y = y, q = q}
    end
    + ((P "6" * sp * word "tháng" + word "nửa") * sp * C(words {"đầu", "cuối"}) * sp * word "năm" * (sp * year) ^ -1) /
      function(half, y) return {type = "DATE", y = y, h = vnt.lower(half) == "đầu" and 1 or 2} end
    + (C(words {"đầu", "cuối", "giữa"}) * sp * thang * month * ((P "/" + sp * nam) * year) ^ -1) /
      function(part, m, y)
        local p = vnt.lower(part)
        return {type = "DATE", y = y, m = m, mod = p == "đầu" and "START" or p == "cuối" and "END" or "MID"}
      end
    + (C(words {"đầu", "cuối", "giữa"}) * sp * nam * year) / function(part, y)
        local p = vnt.lower(part)
        return {type = "DATE", y = y, mod = p == "đầu" and "START" or p == "cuối" and "END" or "MID"}
      end,

  -- năm nay, năm ngoái, năm tới, tuần này, hôm nay, hôm qua, thập kỷ này, thời gian tới, sắp tới
  deictic = (word "năm" * sp * C(words {"nay", "ngoái", "trước", "tới", "sau"})) / function(w)
      local off = ({nay = 0, ["ngoái"] = -1, ["trước"] = -1, ["tới"] = 1, sau = 1})[vnt.lower(w)]
      return {type = "DATE", rel_year = off}
    end
    + (word "tuần" * sp * word "này") / function() return {type = "DATE", rel_week = 0} end
    + (word "tháng" * sp * word "này") / function() return {type = "DATE", rel_month = 0} end
    + (word "hôm" * sp * C(words {"nay", "qua"})) / function(w)
      return {type = "DATE", rel_day = vnt.lower(w) == "nay" and 0 or -1}
    end
    + ((word "thập" * sp * word "kỷ" + word "thập" * sp * word "niên") * sp * word "này") /
      function() return {type = "DATE", rel_decade = 0} end
    + (words {"thời gian", "sắp"} * sp * word "tới" + word "tương" * sp * word "lai" * sp * word "gần") /
      function() return {type = "DATE", future = true} end
    + (word "cách" * sp * word "đây" * sp * C(approx) ^ -1 * count * sp * word "năm") / function(...)
      local t = {...}
      if t[#t] == "X" then return {type = "DATE", past = true} end   -- cách đây vài năm: some years ago
      return {type = "DATE", rel_year = -t[#t], approx = #t == 2}
    end,

  -- 3 ngày, hơn 18 tháng, 50 năm, 30 năm qua, cả tuần
  duration = (C(approx) ^ -1 * count * sp * C(words {"ngày", "tuần", "tháng", "năm", "giờ", "phút", "thập kỷ"}) *
              (sp * words {"qua", "nay", "trở lại đây"}) ^ -1) / function(...)
      local t = {...}
      local n, unit = t[#t - 1], vnt.lower(t[#t])
      local code = ({["ngày"] = "D", ["tuần"] = "W", ["tháng"] = "M", ["năm"] = "Y", ["giờ"] = "TH", ["phút"] = "TM",
                     ["thập kỷ"] = "DE"})[unit]
      return {type = "DURATION", n = n, unit = code, approx = #t == 3}
    end
    + (word "cả" * sp * C(words {"ngày", "tuần", "tháng", "năm"})) / function(u)
      return {type = "DURATION", n = 1, unit = ({["ngày"] = "D", ["tuần"] = "W", ["tháng"] = "M", ["năm"] = "Y"})[vnt.lower(u)]}
    end,
}

-- ---- normalization -------------------------------------------------------------------------

local function iso_week(y, m, d)
  local t = os.time {year = y, month = m, day = d, hour = 12}
  local wday = tonumber(os.date("!%u", t))   -- 1 = Monday
  local thursday = t + (4 - wday) * 86400
  local ty = tonumber(os.date("!%Y", thursday))
  local jan1 = os.time {year = ty, month = 1, day = 1, hour = 12}
  return ty, math.floor((thursday - jan1) / 86400 / 7) + 1
end

local function add_days(y, m, d, n)
  local t = os.time {year = y, month = m, day = d, hour = 12} + n * 86400
  return tonumber(os.date("!%Y", t)), tonumber(os.date("!%m", t)), tonumber(os.date("!%d", t))
end

local function point(x)
  if x.d then return Y(x.y) .. "-" .. pad(x.m) .. "-" .. pad(x.d) end
  if x.m then return Y(x.y) .. "-" .. pad(x.m) end
  return Y(x.y)
end

-- Fill in what the expression leaves out from `anchor` {y, m, d} and say
-- whether the value is a fixed calendar position.
local function value_of(t, anchor)
  local ay = anchor and anchor.y
  local v
  if t.type == "DURATION" then
    local n, u = t.n, t.unit
    if u == "TH" then v = "PT" .. n .. "H" elseif u == "TM" then v = "PT" .. n .. "M"
    elseif u == "DE" then v = "P" .. (n == "X" and "X" or n * 10) .. "Y" else v = "P" .. n .. u end
    return (t.approx and "~" or "") .. v, false
  end
  if t.future then return "FUTURE_REF", false end
  if t.past then return "PAST_REF", false end
  if t.type == "RANGE" then
    local b = t.b
    b.y = b.y or t.a.y or ay
    local a = t.a
    a.y = a.y or b.y
    local va, vb = point(a), point(b)
    return (t.approx and "~" or "") .. va .. "/" .. vb, not (va .. vb):find("X")
  end
  if t.rel_year then
    if not ay then return "XXXX", false end
    return (t.approx and "~" or "") .. tostring(ay + t.rel_year), true
  end
  if t.rel_decade then
    if not ay then return "XXX", false end
    return tostring(ay):sub(1, 3) .. "X", true
  end
  if t.rel_week then
    if not (anchor and anchor.d) then return "XXXX-WXX", false end
    local wy, w = iso_week(anchor.y, anchor.m, anchor.d)
    return string.format("%d-W%02d", wy, w), true
  end
  if t.rel_month then
    if not (anchor and anchor.m) then return "XXXX-XX", false end
    return anchor.y .. "-" .. pad(anchor.m), true
  end
  if t.rel_day then
    if not (anchor and anchor.d) then return "XXXX-XX-XX", false end
    local y, m, d = add_days(anchor.y, anchor.m, anchor.d, t.rel_day)
    return string.format("%d-%02d-%02d", y, m, d), true
  end
  local y = t.y or ay
  if t.q then return Y(y) .. "-Q" .. t.q, y ~= nil end
  if t.h then return Y(y) .. "-H" .. t.h, y ~= nil end
  if t.type == "TIME" then
    return string.format("%s-%02d-%02dT%02d:%02d", Y(y), t.m, t.d, t.hh, t.mi), y ~= nil
  end
  return point({y = y, m = t.m, d = t.d}), y ~= nil
end

-- the year (and date) an expression gives itself, for the others of its sentence
local function own_anchor(t)
  if t.type == "RANGE" and t.b and t.b.y then return {y = t.b.y, m = t.b.m, d = t.b.d} end
  if t.y and t.type ~= "DURATION" then return {y = t.y, m = t.m, d = t.d} end
end

-- ---- finding -----------------------------------------------------------------------------------

local match_at = Ct(Cg(Cp(), "s") * Cg(G, "t") * Cg(Cp(), "e"))
-- all the expressions of a text, tried where a word or number starts: a
-- run of letters and digits is skipped whole, anything else byte by byte
-- (a loop, not recursion: the C stack does not grow with the input)
-- Where an expression can start: a digit, or the first words of one of
-- the grammar's branches.  This cheap test keeps the grammar from being
-- tried at the many words that merely look like a start ("năm" five,
-- "hai" two, "trên" on).
local unit = words {"ngày", "tuần", "tháng", "năm", "giờ", "phút", "thập kỷ"}
local starters = digit ^ 1 * (S "/-.:hg" + sp * (unit + P "-" + P "–" + P "—"))   -- 29/7, 16:50, 3 ngày, 12 - 14/10
  + words {"ngày", "tháng", "quý", "qúy", "nửa", "hôm", "tuần", "thập"}
  + word "năm" * sp * (digit + words {"nay", "ngoái", "trước", "tới", "sau"})
  + words {"đầu", "cuối", "giữa"} * sp * words {"tháng", "năm"}
  + words {"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng", "sáng sớm"} * sp * (digit + word "ngày" + word "sáng")
  + word "từ" * sp * (digit + words {"ngày", "tháng", "năm"})
  + words {"thời gian", "sắp"} * sp * word "tới" + word "tương" * sp * word "lai"
  + word "cách" * sp * word "đây"
  + approx * (digit + count_word + word "năm")
  + count_word * sp * unit
  + word "cả" * sp * unit
-- Between starts, whole words are skipped in one step: ASCII letters and
-- digits, and the UTF-8 of letters (lead bytes C3-E1, any continuation);
-- punctuation outside ASCII (“ – «, lead bytes C2 and E2) goes one
-- character at a time, so “Từ tháng 5 is seen from Từ.
local wordbytes = R("az", "AZ", "09", "\128\191", "\195\225")
-- The first bytes of the starters, tested in one step before them.
local first_bytes = "0123456789" .. "bcghkmnqrstvBCGHKMNQRSTV" .. "\196"   -- \196: đ Đ
local scan = Ct((#S(first_bytes) * #starters * match_at + wordbytes ^ 1 + R "\192\255" * cont ^ 0 + 1) ^ 0)

--- Parse "YYYY-MM-DD" (or YYYY-MM, YYYY) into {y, m, d}.
function M.parse_date(s)
  local y, m, d = s:match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)")
  if not y then return nil end
  return {y = tonumber(y), m = tonumber(m), d = tonumber(d)}
end

--- The temporal expressions of `text`, in order, each {text, type, value,
-- anchored, start, stop (0-based bytes, stop exclusive), mod?,
-- sentence_start, sentence_stop (the sentence it is in, the same way)}.
-- opts.date: the document's date ("YYYY-MM-DD"), for what the text leaves out;
-- without it, opts.guess_date takes the first full date of the first four
-- lines (as M.doc_date does).  Returns the list and the date used.
function M.find(text, opts)
  opts = opts or {}
  -- the expressions of each sentence, before anything is resolved
  -- one scan of the whole text, then the sentences they are in (only as
  -- far as the last expression: the rest of the text need not be split)
  local all = scan:match(text)
  local sents = {}
  if #all > 0 then
    local k, n = 1, #all
    for _, si, sj in vnt.sentences(text) do
      local group
      while k <= n and all[k].s <= sj do
        group = group or {}
        group[#group + 1] = all[k]
        k = k + 1
      end
      if group then sents[#sents + 1] = {si, sj, group} end
      if k > n then break end
    end
  end
  local date = opts.date
  if not date and opts.guess_date then
    -- the first full date of the first four lines that are not blank
    local limit, n = #text, 0
    for e in text:gmatch("[^\n]+()") do
      n = n + 1
      if n == 4 then limit = e break end
    end
    -- (its year may come from the same sentence: "Sáng 29/7, ... 6 tháng đầu năm 2024")
    for _, st in ipairs(sents) do
      if st[1] > limit then break end
      local sy
      for _, r in ipairs(st[3]) do
        local a = own_anchor(r.t)
        if a then sy = a.y break end
      end
      for _, r in ipairs(st[3]) do
        local t = r.t
        local x = t.type == "RANGE" and t.b or t
        local y = x.y or sy
        if (t.type == "DATE" or t.type == "RANGE" or t.type == "TIME") and y and x.m and x.d then
          date = string.format("%04d-%02d-%02d", y, x.m, x.d)
          break
        end
      end
      if date then break end
    end
  end
  local doc_anchor = date and M.parse_date(date) or nil
  local out = {}
  for _, st in ipairs(sents) do
    local si, sj, found = st[1], st[2], st[3]
    -- the sentence's own full date anchors its partial ones
    local sent_anchor
    for _, r in ipairs(found) do sent_anchor = sent_anchor or own_anchor(r.t) end
    for _, r in ipairs(found) do
      local t = r.t
      local anchor = sent_anchor or doc_anchor
      if t.rel_year or t.rel_week or t.rel_day or t.rel_month or t.rel_decade then anchor = doc_anchor or sent_anchor end
      local value, anchored = value_of(t, anchor)
      local typ = t.type == "TIME" and "TIME" or t.type
      if t.rel_year or t.rel_decade or t.rel_week or t.rel_day or t.rel_month or t.future or t.past then typ = "DATE" end
      local s0, e0 = r.s - 1, r.e - 1
      out[#out + 1] = {text = text:sub(s0 + 1, e0), type = typ, value = value, anchored = anchored,
                       start = s0, stop = e0, mod = t.mod, sentence_start = si - 1, sentence_stop = sj}
    end
  end
  return out, date
end

--- A document's own date: the byline's timestamp when it has one, else the
-- first full date of its first four lines (the main event a report opens
-- with; the same rule as M.find's guess_date).  Returns "YYYY-MM-DD" or nil.
function M.doc_date(text, meta)
  if meta and meta.date then
    local d, m, y = meta.date:match("(%d%d?)/(%d%d?)/(%d%d%d%d)")
    if d then return string.format("%s-%02d-%02d", y, tonumber(m), tonumber(d)) end
  end
  return (select(2, M.find(text, {guess_date = true})))
end

return M
