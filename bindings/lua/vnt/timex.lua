--- vnt.timex: Vietnamese temporal expressions: found by an LPeg grammar
-- (vnt.timex_grammar), resolved to TIMEX3-style values (vnt.timex_value).
--
--   local timex = require "vnt.timex"
--   for _, t in ipairs(timex.find(text, {date = "2021-10-14"})) do
--     print(t.text, t.type, t.value, t.start, t.stop)   -- byte offsets, 0-based, stop exclusive
--   end
--
-- Types: DATE (a day, month, year, quarter, half, week, season, decade,
-- century, or a vague reference), RANGE (two ends), DURATION, TIME (a date
-- with a clock time), SET (a recurrence).  Values: 2021-10-14, 2019-12,
-- 2030, 2023-Q2, 2024-H1, 2021-W41, 2017-W05-WE, 2017-SU, 198X, 18XX,
-- 2021-10-12/2021-10-14, P3D, PT2H, PXY, 2023-06-12T16:50, P1Y (a set),
-- PAST_REF, PRESENT_REF, FUTURE_REF; "~" in front for hơn/gần/khoảng.
-- What the text leaves out comes from the same sentence, then from the
-- document's date (opts.date, else its first full date), else stays X --
-- never guessed.  Lunar dates (Tết, rằm tháng Giêng, 23 tháng Chạp, ngày
-- 10/3 âm lịch, năm Đinh Dậu) are resolved through the Vietnamese lunar
-- calendar (vnt.lunar).  A comparison baseline (so với cùng kỳ năm 2022)
-- has role "baseline".
-- @module vnt.timex
local lpeg = require "lpeg"
local vnt = require "vnt"
local G = require "vnt.timex_grammar"
local TV = require "vnt.timex_value"
local lunar = require "vnt.lunar"
local CYCLE_NEAR = tonumber(os.date("!%Y"))

local P, R, S, Ct, Cg, Cp = lpeg.P, lpeg.R, lpeg.S, lpeg.Ct, lpeg.Cg, lpeg.Cp
local tonumber, ipairs, string, table, math = tonumber, ipairs, string, table, math

local M = {}
M.vietnamese = TV.vietnamese

local match_at = Ct(Cg(Cp(), "s") * Cg(G.expr, "t") * Cg(Cp(), "e"))
-- The grammar is tried only where an expression can start: a word that starts one of its rules
-- (some only before their second word), found in any case by the C core (vnt.wordset), or a number
-- before a date or clock separator, a unit or a range word, or a year.  After a match the scan goes
-- on from its end.
local start_set = vnt.wordset(G.start_words)
local starters = G.starters
local function scan(text)
  local out, last = {}, 1
  local starts = start_set:starts(text)
  for k = 1, #starts do
    local p = starts[k]
    local b = text:byte(p)
    if p >= last and (b > 57 or starters:match(text, p)) then   -- (a number: where a date, time or unit follows)
      local r = match_at:match(text, p)
      if r then
        out[#out + 1] = r
        last = r.e
      end
    end
  end
  return out
end

-- ---- the words around a match ---------------------------------------------------------------

local function set(s) local t = {} for w in s:gmatch("%S+") do t[w] = true end return t end
-- up to n bytes of text before byte i, from a character's start
local function window_before(text, i, n)
  local a = i - n
  if a < 1 then a = 1 end
  while a < i and (text:byte(a) or 0) >= 128 and (text:byte(a) or 0) < 192 do a = a + 1 end
  return text:sub(a, i - 1)
end
-- the word before byte i (1-based start of the match), lower case, the one before it (empty where
-- punctuation stands between), and the last byte before i's spaces (punctuation such as "(" or ",")
local function prev_words(text, i)
  -- read backwards (a pattern anchored at the end would be tried from every byte)
  local r = window_before(text, i, 64):reverse()
  local w1, rest = r:match("^%s*([^%s%p]*)()")
  local w2 = r:match("^%s*([^%s%p]*)", rest)
  return vnt.lower(w1:reverse()), vnt.lower(w2:reverse()), r:match("^%s*(%S)") or ""
end
local function next_word(text, e)
  local s = text:match("^%s*([^%s%p]+)", e)
  return s and vnt.lower(s) or "", text:match("^%s*(%p)", e)
end

-- words before a number that make it a date or a year
local date_cue = set [[ngày hôm sáng trưa chiều tối đêm khuya vào từ đến tới lúc hồi trước sau năm mùa
  tháng tuần đầu cuối giữa trong kể hết cho tính qua mùng mồng dịp rạng sớm nay mai đó tại ra sinh]]
local year_cue = set [[vào từ đến tới hồi trước sau năm mùa giai đoạn đầu cuối giữa kể hết tính trong cho
  thời khóa khoá kỳ niên tháng quý since sn sinh]]
-- words that may follow a year written as bare digits after an approximator
-- (khoảng 2019 trở lại đây, hơn 2019 ... đến 2021): any other word makes
-- it a count (hơn 1800 người, gần 2000 hộ dân)
local year_follow = set [[trở đến tới và hoặc hay sau trước là thì khi rồi nay cho về đã thì]]
-- words before thứ hai that make it an ordinal: lần thứ hai, người thứ hai
local ordinal_nouns = set [[lần người hạng vị vòng ván hiệp tập phần số chương cấp đợt lượt bàn cuộc trận
  đứa con cháu vợ chồng chiếc cái điều năm tuần đội nhóm bước giai thế hệ kỳ khóa khoá đời mùa thứ nhất
  giải ngày tháng]]
-- words before a bare "N giờ" that make it a clock time, or a duration
local clock_cue = set [[lúc vào đúng từ đến tới trước khoảng tầm chừng tới khi hồi]]
local dur_cue = set [[trong mất suốt hơn gần kéo dài sau cả nhiều vòng chỉ được]]
local score_cue = set [[tỷ tỉ số thắng thua hòa hoà ghi lưới cách biệt điểm tỷ_số kết quả]]
local routine_nouns = set [[sống hoạt việc cầu quen tiêu ăn dùng]]
local future_cue = {"sẽ ", "dự kiến", "sắp ", "kế hoạch", "tới đây", "chuẩn bị"}

-- Whether a text counts its points: Thứ nhất, ... Thứ hai, ... (plain searches: a pattern that
-- starts with a set is tried at every byte)
local function counts(text)
  return text:find("Thứ nhất", 1, true) ~= nil or text:find("thứ nhất", 1, true) ~= nil
    or text:find("THỨ NHẤT", 1, true) ~= nil
end

local starts_ngay = {["ngày"] = true, ["Ngày"] = true, ["NGÀY"] = true}

-- Whether a match is a time in its context; may rewrite it (a bare "3 giờ" is a duration).
local function accept(text, r)
  local t = r.t
  local i, e = r.s, r.e
  local p1, p2, pch = prev_words(text, i)
  local first = text:sub(i, i)
  if t.k == "date" then
    -- hơn 1800 người: an approximator, four digits and a noun is a count, not a year; khoảng 2019,
    -- khoảng 2019 trở lại đây: a year
    if t.approx and t.bare_y and text:sub(i, e - 1):find("%s%d%d%d%d$") then
      local nw, np = next_word(text, e)
      if nw ~= "" and not np and not year_follow[nw] then return false end
      if t.bare_y and t.y and t.y >= 1900 and t.y <= 2100 then return true end
    end
    if t.bare_y then
      local before, after = text:sub(i - 1, i - 1), text:sub(e, e)
      if before == "(" and (after == ")" or after == ",") then return true end
      if year_cue[p1] or (p1 == "đoạn" and p2 == "giai") then return true end
      -- năm 2015, 2016: a year in a list of years
      -- (a year, not the end of a date: Ngày 5/6/2024, hơn 1800 người)
      if pch == "," and window_before(text, i, 16):find("%f[%w/%.%-][12]%d%d%d%s*,%s*$") then return true end
      return false
    end
    if t.bare_wd and not t.pod then
      if ordinal_nouns[p1] then return false end
      -- thẻ vàng thứ hai, đứng thứ 2: after a word that is no time cue, at no clause start, written in lower
      -- case, thứ hai is an ordinal; thứ Hai, vào thứ hai, Thứ 2, ... are days
      local s = text:sub(i, e - 1)
      local capital = s:find("^[Tt]hứ%s+%u") or s:find("^[Cc]hủ%s+[Nn]hật") and s:find("^Ch")
        or s:find("^[Tt][2-7]$") or s:find("^[Cc][Nn]$") or s:find("^[Vv]ào ") or s:find("^[Hh]ôm ") or s:find("^[Nn]gày ")
      local starts = pch == "" or pch == "," or pch == "." or pch == "(" or pch == "-" or p1 == ""
      if not (capital or starts or date_cue[p1]) then return false end
      -- Thứ nhất, ... Thứ hai, ...: an enumeration in a text that counts
      if text:sub(e, e) == "," and counts(text) then return false end
      local nw = next_word(text, e)
      if nw == "là" or nw == "thì" or nw == "của" or nw == "trong" or nw == "nhì" then return false end
      if first:match("%d") then return false end
      -- "thứ 2" written with a digit, alone, is too often "the 2nd"
    end
    if t.dash and not (t.hh or t.pod) and not starts_ngay[text:sub(i, i + 4)] then   -- (Ngày 6-4 carries its cue)
      -- 14-3 is a date after a cue word (ngày 14-3, sáng 14-3); 2-1 after tỷ số is a score
      if score_cue[p1] or score_cue[p2] then return false end
      if not (date_cue[p1] or t.d > 12 or pch == "(") then return false end
    end
    if t.approx and t.d and t.m and not (t.y or t.yy or t.hh) then return false end   -- gần 1/3
    if t.d and t.m and not t.y and not t.yy and not t.dash and not t.hh and not t.pod and not t.wd
      and not t.lunar and not t.holiday and text:sub(i, i):match("%d") then
      -- 1/2 dân số: a fraction, not 1 February
      local nw, np = next_word(text, e)
      if t.d < t.m and not date_cue[p1] and nw ~= "" and not np and not (nw == "năm" or nw == "vừa" or nw == "tới"
        or nw == "này" or nw == "qua" or nw == "hàng" or nw == "lúc" or nw == "âm") then return false end
      if p1 == "số" or p1 == "phòng" or p1 == "lô" or p1 == "ngõ" or p1 == "ngách" or p1 == "kiệt" or p1 == "hẻm"
        or p1 == "đường" or p1 == "khu" or p1 == "tổ" or p1 == "quyết" then return false end
    end
    if t.dotted_yy then return false end
    if t.bare_my and not date_cue[p1] and (p1 == "số" or p1 == "định" or p1 == "tư") then return false end
    if t.clock_only and t.bare_clock and not t.pod and type(t.hh) == "number" then
      local n = t.hh
      local nw = next_word(text, e)
      local j = i + 12
      while j > i and (text:byte(j + 1) or 0) >= 128 and (text:byte(j + 1) or 0) < 192 do j = j - 1 end
      local lead = vnt.lower(text:sub(i, j))
      local clockish = clock_cue[p1] or n >= 13 or lead:find("^khoảng") or lead:find("^tầm") or lead:find("^chừng")
        or lead:find("^vào")
      if dur_cue[p1] or nw == "nữa" or nw == "qua" or nw == "liền" or nw == "đồng" or nw == "liên" then clockish = false end
      if not clockish then
        r.t = {k = "dur", n = n, u = "H", approx = (p1 == "hơn" or p1 == "gần" or p1 == "khoảng") or nil}
      end
    end
    if t.rel and t.rel.u == "D" and p1 == "của" and not t.hh then return false end   -- thế giới của ngày mai
    if t.pod_only then
      local s = text:sub(i, e - 1)
      if not (s:find("^[Bb]uổi") or s:find(" ")) then return false end
    end
  elseif t.k == "range" and t.b and t.b.dash and not (t.b.y or t.b.yy) then
    if score_cue[p1] or score_cue[p2] or not (date_cue[p1] or t.b.d > 12 or pch == "(") then return false end
  elseif t.k == "shift" and t.after then
    -- 6 năm sau thảm án: N years after an event the text names: a span, not a date from today
    local nw, np = next_word(text, e)
    if nw ~= "" and not np then r.t = {k = "dur", n = t.n, u = t.u, approx = t.approx} end
  elseif t.k == "set" then
    -- cuộc sống hàng ngày: "daily" describing a noun of routine, not a time of the clause
    if routine_nouns[p1] then return false end
  elseif t.k == "dur" then
    -- 6 tháng tuổi: an age, not a time
    -- (10 năm tuổi nghề, 30 năm tuổi Đảng: years in a trade or the party, a duration)
    if next_word(text, e) == "tuổi" then
      local after = vnt.lower(text:match("^%s+%S+%s+([^%s%p]+)", e) or "")
      if not (after == "nghề" or after == "đảng" or after == "quân" or after == "nghiệp") then return false end
    end
    -- năm người: "năm" is five; a duration needs its unit after a count
    if t.u == "Y" and t.n == 5 and text:sub(i, i + 2) == "năm" then return false end
    if t.n == 0 then return false end
    -- 1 tháng 13: a (broken) date, not a month
    if text:find("^%s+%d", e) and (t.u == "M" or t.u == "D") then return false end
  end
  return true
end

-- clause text before a match: what makes it a comparison baseline
local baseline_cues = {"so với cùng kỳ", "so với cùng thời điểm", "so với thời điểm", "so với mức", "so với",
                       "cùng kỳ", "so cùng kỳ", "so với cùng kì", "cùng kì"}
local function is_baseline(text, i)
  local w = window_before(text, i, 40)
  -- every cue has "so" or "cùng k" in it: the rest only where one is there
  if not (w:find("[Ss][Oo]") or w:find("ùng k", 1, true) or w:find("ÙNG K", 1, true)) then return false end
  local before = vnt.lower(w):gsub("%s+$", "")
  for _, c in ipairs(baseline_cues) do
    if before:sub(-#c) == c then return true end
  end
  return false
end

-- ---- finding ---------------------------------------------------------------------------------

--- Parse "YYYY-MM-DD" (or YYYY-MM, YYYY) into {y, m, d}.
function M.parse_date(s)
  local y, m, d = s:match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)")
  if y then return {y = tonumber(y), m = tonumber(m), d = tonumber(d)} end
  m, d = s:match("^XXXX%-(%d%d)%-(%d%d)$")
  if m then return {m = tonumber(m), d = tonumber(d)} end
  return nil
end

-- the year a meaning gives itself, for the others of its sentence
local function own_year(t)
  if t.k == "range" then return own_year(t.b) or own_year(t.a) end
  if t.k ~= "date" or t.rel or t.bc then return nil end
  -- a year named by the cycle (năm Đinh Dậu, 15 tháng Giêng năm Đinh Dậu): the one nearest our times
  local cc = t.cc_year or (t.can_chi and not t.y and t.can_chi)
  if cc then return lunar.year_of_can_chi(cc, CYCLE_NEAR) end
  if t.y and (t.m or t.d or not t.bare_y) then return t.y end
  return nil
end

local function is_future(s)
  for _, c in ipairs(future_cue) do if s:find(c, 1, true) then return true end end
  return false
end

--- The temporal expressions of `text`, in order, each {text, type, value,
-- anchored, start, stop (0-based bytes, stop exclusive), mod?, role?,
-- sentence_start, sentence_stop (the sentence it is in, the same way)}.
-- opts.date: the document's date ("YYYY-MM-DD"), for what the text leaves out;
-- without it, opts.guess_date takes the first full date of the first four
-- lines that is not of an event announced (as M.doc_date does).  Returns the
-- list and the date used.
function M.find(text, opts)
  opts = opts or {}
  local all = scan(text)
  -- a pair of days (ngày 28 và 29-5) is two expressions
  for k = #all, 1, -1 do
    local r = all[k]
    if r.t and r.t.k == "pair" then
      local at = r.t.at
      table.remove(all, k)
      table.insert(all, k, {s = at[3], e = at[4], t = r.t.b})
      table.insert(all, k, {s = at[1], e = at[2], t = r.t.a, paired = true})
    end
  end
  -- keep the ones that are times in their context
  local kept = {}
  for _, r in ipairs(all) do
    if r.t and accept(text, r) then kept[#kept + 1] = r end
  end
  all = kept
  -- the sentences they are in (only as far as the last expression)
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
    while k <= n do   -- (a match past the last sentence end: its own group)
      sents[#sents + 1] = {all[k].s, #text, {all[k]}}
      k = k + 1
    end
  end
  -- a year to do weekday arithmetic with when the document's date has none
  local years = {}
  for _, st in ipairs(sents) do
    for _, r in ipairs(st[3]) do
      local y = own_year(r.t)
      if y then years[y] = (years[y] or 0) + 1 end
    end
  end
  local guess_y, gn = nil, 0
  for y, n in pairs(years) do if n > gn or (n == gn and y > guess_y) then guess_y, gn = y, n end end
  local date = opts.date
  local anchor = date and M.parse_date(date) or nil
  if not date and opts.guess_date then
    -- the first full date of the first four lines, not in a clause that announces it
    local limit, n, i = #text, 0, 1
    while i <= #text do   -- (the end of the fourth line that is not empty: plain searches)
      local j = text:find("\n", i, true) or #text + 1
      if j > i then
        n = n + 1
        if n == 4 then limit = j break end
      end
      i = j + 1
    end
    local partial
    for _, st in ipairs(sents) do
      if st[1] > limit then break end
      local sy
      for _, r in ipairs(st[3]) do sy = sy or own_year(r.t) end
      for _, r in ipairs(st[3]) do
        local t = r.t
        local x = t.k == "range" and t.b or t
        if x.k == "date" and x.m and x.d and not x.rel and not x.lunar and not x.holiday
          and not is_future(text:sub(st[1], r.s - 1)) then
          r.baseline = is_baseline(text, r.s)
        end
        if r.baseline == false then
          local y = x.y or sy
          if y then
            date = string.format("%04d-%02d-%02d", y, x.m, x.d)
            anchor = {y = y, m = x.m, d = x.d}
            break
          elseif not partial then
            partial = {m = x.m, d = x.d}
          end
        end
      end
      if date then break end
    end
    if not date and partial then
      anchor = partial
      date = string.format("XXXX-%02d-%02d", partial.m, partial.d)
    end
  end
  -- a document that gives no year of its own date: the year it names most (its news is of that
  -- year) for what leaves the year out (năm nay, 10/5, hôm nay beside a partial date)
  if guess_y and not opts.date and not (anchor and anchor.y) then
    anchor = {y = guess_y, m = anchor and anchor.m, d = anchor and anchor.d}
  end
  local out = {}
  local last_year, last_day
  for _, st in ipairs(sents) do
    local si, sj, found = st[1], st[2], st[3]
    local sent_year
    for _, r in ipairs(found) do sent_year = sent_year or own_year(r.t) end
    local stext = text:sub(si, sj)
    local fut = is_future(stext)
    for _, r in ipairs(found) do
      local t = r.t
      local ahead = fut
      if t.bare_wd and not fut and not text:find("^[Hh]ôm", r.s) then   -- (hôm thứ hai: the one past)
        -- a weekday that stands alone on its line or as its sentence (a schedule, a heading, a
        -- query: "Thứ Hai: họp giao ban"): the one ahead; in a report, the latest
        local rest = text:sub(si, r.s - 1) .. text:sub(r.e, sj)
        ahead = not rest:find("[%w\128-\255]") or (text:sub(r.e, r.e) == ":" and (r.s == 1 or text:sub(r.s - 1, r.s - 1) == "\n"))
      end
      local ctx = {anchor = anchor, year = sent_year or (anchor and anchor.y), guess_y = guess_y, future = ahead}
      if t.ana and last_day then ctx.anchor = last_day end   -- hôm sau, cùng ngày: from the day told last
      -- Ba năm sau, 3 ngày sau: after the time the text told last (the year of the last sentence that
      -- gave one; the day it wrote out last), not after the document's date
      if t.k == "shift" and t.after then
        if t.u == "Y" and last_year then ctx.anchor = {y = last_year}
        elseif (t.u == "D" or t.u == "W") and last_day then ctx.anchor = last_day end
      end
      if t.carry then ctx.year = last_year end
      local value, typ, anchored = TV.resolve(t, ctx)
      if value then
        local s0, e0 = r.s - 1, r.e - 1
        local rec = {text = text:sub(s0 + 1, e0), type = typ, value = value, anchored = anchored and true or false,
                     start = s0, stop = e0, mod = t.mod or (t.k == "range" and nil) or nil,
                     sentence_start = si - 1, sentence_stop = sj}
        if t.k == "date" and t.season == nil and (t.holiday or t.tet) then rec.holiday = t.holiday or "tết" end
        if r.baseline == nil then r.baseline = is_baseline(text, r.s) end
        if r.baseline then rec.role = "baseline" end
        out[#out + 1] = rec
        local y = own_year(t)
        if y then last_year = y end
        -- the day told last (a date the text writes out, not one it reckons)
        if not t.rel and t.k == "date" and t.d then
          local yy, mm, dd = value:match("^~?(%w%w%w%w)%-(%d%d)%-(%d%d)")
          if yy then last_day = {y = tonumber(yy), m = tonumber(mm), d = tonumber(dd)} end
        end
      end
    end
  end
  return out, date
end

--- A document's own date: the byline's timestamp when it has one, else the
-- first full date of its first four lines that is not of an event it
-- announces (the main event a report opens with; the same rule as M.find's
-- guess_date).  Returns "YYYY-MM-DD" (or "XXXX-MM-DD") or nil.
function M.doc_date(text, meta)
  if meta and meta.date then
    local d, m, y = meta.date:match("(%d%d?)/(%d%d?)/(%d%d%d%d)")
    if d then return string.format("%s-%02d-%02d", y, tonumber(m), tonumber(d)) end
  end
  return (select(2, M.find(text, {guess_date = true})))
end

return M
