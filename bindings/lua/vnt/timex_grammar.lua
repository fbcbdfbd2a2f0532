--- vnt.timex_grammar: the LPeg grammar of Vietnamese temporal expressions.
--
-- Small named rules for the parts (numbers as digits and words, days, months,
-- years, weekdays, parts of day, clock times, units), composed by rules for
-- the wholes (dates in every order, relative days and units, weekdays with
-- their week, ranges that share parts, durations, decades, seasons, holidays,
-- lunar dates, vague references).  A match captures one table, the meaning:
--
--   {k = "date", y, m, d, wd, hh, mi, ss, q, h, season, dec, cen, mod, lunar,
--    rel = {u, n}, we, approx, ...}     a point, possibly relative (u: D W M Q Y DE CE)
--   {k = "range", a = date, b = date}  two ends; a missing part of one end comes from the other
--   {k = "dur", n, u, approx}          a duration (n may be "X": vài, nhiều)
--   {k = "shift", n, u, dir}           N units before (-1) or after (+1) the document's date
--   {k = "ref", v}                     PAST_REF, PRESENT_REF, FUTURE_REF
--   {k = "set", v}                     a recurrence (P1Y for hàng năm)
--
-- vnt.timex finds them in a text and vnt.timex_value resolves them to values.
-- @module vnt.timex_grammar
local lpeg = require "lpeg"
local vnt = require "vnt"

local P, R, S, C, Cc, Ct, Cf, Cg, Cmt = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Ct, lpeg.Cf, lpeg.Cg, lpeg.Cmt
local tonumber, ipairs, pairs, table = tonumber, ipairs, pairs, table

local M = {}

-- ---- letters and words ---------------------------------------------------------------------

local cont = R "\128\191"
local letter = R("az", "AZ") + R "\195\201" * cont + R "\204\205" * cont + P "\225" * R "\184\187" * cont * cont
local digit = R "09"
M.letter, M.digit = letter, digit

local function cap(w)
  local first = w:match("^[%z\1-\127\194-\244][\128-\191]*")
  return vnt.upper(first) .. w:sub(#first + 1)
end

local sp = S " \t" ^ 1
local osp = S " \t" ^ 0
M.sp = sp

-- one word, lower case, capitalized or in capitals, not followed by more letters
local function word1(w)
  local p = P(w) + P(cap(w))
  local up = vnt.upper(w)
  if up ~= cap(w) then p = p + P(up) end
  return p * -letter
end
-- a phrase: its words with any spaces between them
local function ph(s)
  local p
  for w in s:gmatch("%S+") do
    p = p and p * sp * word1(w) or word1(w)
  end
  return p
end
-- The spellings of a phrase: in lower case, with a capital first letter (a sentence start), with every
-- word capitalized (a name: Quốc Khánh, Tết Nguyên Đán), in capitals.
local function spellings(s)
  local words = {}
  for w in s:gmatch("%S+") do words[#words + 1] = w end
  local title = {}
  for i, w in ipairs(words) do title[i] = cap(w) end
  local lower = table.concat(words, " ")
  local out, seen = {}, {}
  for _, v in ipairs {lower, cap(lower), table.concat(title, " "), vnt.upper(lower)} do
    if not seen[v] then seen[v] = true out[#out + 1] = v end
  end
  return out
end
-- An ordered choice of a list of patterns, folded as a balanced tree (a + b copies both: a fold from
-- the left would copy the first ones again at every step).
local function choice(list, i, j)
  i, j = i or 1, j or #list
  if i > j then return P(false) end
  if i == j then return list[i] end
  local k = (i + j) // 2
  return choice(list, i, k) + choice(list, k + 1, j)
end
-- Phrases in a trie, a byte at a time: at each byte one test picks the branch (LPeg compiles a choice
-- of distinct first bytes to jumps), so a long list costs about what its longest phrase costs, not a
-- test per phrase.  A space in a phrase stands for any run of blanks.  An entry ends where no letter
-- follows; longer entries are tried first.  With values, an entry captures its value, or, where the
-- value is a pattern, must be followed by what it matches.
local function trie_node(list, depth)
  local groups, bytes, ends = {}, {}, nil
  for _, x in ipairs(list) do
    local s = x[1]
    if #s < depth then
      ends = ends or x   -- (one value per spelling: the first)
    else
      local b = s:sub(depth, depth)
      if not groups[b] then groups[b] = {} bytes[#bytes + 1] = b end
      table.insert(groups[b], x)
    end
  end
  table.sort(bytes)
  local alts = {}
  for _, b in ipairs(bytes) do
    local child = trie_node(groups[b], depth + 1)
    alts[#alts + 1] = (b == " " and sp or P(b)) * child
  end
  if ends then
    local v = ends[2]
    alts[#alts + 1] = -letter * (v == nil and P(true) or lpeg.type(v) == "pattern" and v or Cc(v))
  end
  return choice(alts)
end
local function trie(entries)
  local list, seen = {}, {}
  for _, e in ipairs(entries) do
    for _, sv in ipairs(spellings(e[1])) do
      sv = sv:gsub("%s+", " ")
      if not seen[sv] then
        seen[sv] = true
        list[#list + 1] = {sv, e[2]}
      end
    end
  end
  return trie_node(list, 1)
end
-- any of the phrases (the longest that matches)
local function any(list)
  local e = {}
  for i, s in ipairs(list) do e[i] = {s} end
  return trie(e)
end
-- phrase -> value
local function map(t)
  local e = {}
  for k, v in pairs(t) do e[#e + 1] = {k, v} end
  return trie(e)
end
M.ph, M.any, M.map, M.word = ph, any, map, word1

-- ---- numbers ---------------------------------------------------------------------------------

local num = C(digit ^ 1) * -(digit + S ".," * digit) / tonumber
local unit_w = map {["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["bốn"] = 4, ["năm"] = 5, ["sáu"] = 6, ["bảy"] = 7,
                    ["bẩy"] = 7, ["tám"] = 8, ["chín"] = 9}
local tail_w = map {["mốt"] = 1, ["lăm"] = 5, ["tư"] = 4, ["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["bốn"] = 4,
                    ["sáu"] = 6, ["bảy"] = 7, ["tám"] = 8, ["chín"] = 9, ["năm"] = 5}
local teen = ph "mười" * (sp * tail_w + Cc(0)) / function(u) return 10 + u end
-- (hai mươi năm is twenty years: "năm" after the tens is five only before another unit)
local time_unit = any {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "tiếng", "quý", "thập niên", "thập kỷ", "thế kỷ"}
local tail_5 = ph "năm" * #(sp * time_unit) * Cc(5)
local tens = unit_w * sp * (ph "mươi" + ph "chục") * (sp * (tail_5 + (tail_w - ph "năm"))) ^ -1 /
  function(t, u) return t * 10 + (u or 0) end
local hundred = unit_w * sp * ph "trăm" / function(h) return h * 100 end
-- a number written in words, 1 to 999 (one hundred, tens, units)
local numword = hundred + tens + teen + unit_w
M.numword = numword
-- a count: digits, words, or a vague one (X)
local vague_count = any {"vài", "mấy", "nhiều", "dăm", "một vài", "hàng", "hằng", "vài ba", "dăm ba", "mươi"} * Cc "X"
  + any {"hàng chục", "vài chục", "mấy chục", "nhiều chục", "hàng trăm", "vài trăm", "mấy trăm"} * Cc "X"
local count = num + numword + vague_count
M.count = count

-- The rules below are the rules of one LPeg grammar (built at the end): a rule used in many places is
-- referenced there (lpeg.V), not copied into each, which keeps the grammar small and quick to build.
local rules = {}
local function rule(name, p)
  rules[name] = p
  return lpeg.V(name)
end

-- ---- parts -----------------------------------------------------------------------------------

-- a day 1-31, a month 1-12, as digits
local day2 = P "0" * R "19" + S "12" * digit + P "3" * S "01"
day2 = rule("day2", day2)
local month2 = P "0" * R "19" + P "1" * R "02"
month2 = rule("month2", month2)
local dd = C(day2 + R "19") * -digit / tonumber
dd = rule("dd", dd)
local mm = C(month2 + R "19") * -digit / tonumber
mm = rule("mm", mm)
local yyyy = C(P "1" * R "89" * digit * digit + P "20" * digit * digit) * -digit / tonumber
yyyy = rule("yyyy", yyyy)
local yy = C(digit * digit) * -digit / function(s) return {yy = tonumber(s)} end
yy = rule("yy", yy)
local year_any = yyyy + yy
year_any = rule("year_any", year_any)

-- the day of a long-form date: 5, 05, mùng 5, mồng năm, mùng mười
local mung = any {"mùng", "mồng"} * sp
mung = rule("mung", mung)
-- (a number word of one word or a teen is a day or an hour as it is; only tens and hundreds are
-- checked by a function, called only where mươi, chục or trăm follows: the grammar is tried at
-- every "năm" and "hai" of a text)
local small_numword = (teen + unit_w) * -(sp * (ph "mươi" + ph "chục" + ph "trăm"))
local day_w = mung ^ -1 * (dd + small_numword
  + Cmt(hundred + tens, function(_, i, n) if n >= 1 and n <= 31 then return i, n end end))
day_w = rule("day_w", day_w)
local day_plain = mung ^ -1 * dd + mung * numword
day_plain = rule("day_plain", day_plain)

-- months by number and by name
local month_names = {["giêng"] = 1, ["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["tư"] = 4, ["bốn"] = 4, ["năm"] = 5,
  ["sáu"] = 6, ["bảy"] = 7, ["bẩy"] = 7, ["tám"] = 8, ["chín"] = 9, ["mười"] = 10, ["mười một"] = 11,
  ["mười hai"] = 12, ["chạp"] = 12, ["một"] = 1}
local month_w = mm + map(month_names)
month_w = rule("month_w", month_w)
local thang = ph "tháng" * sp
thang = rule("thang", thang)
local nam = ph "năm" * sp
nam = rule("nam", nam)
local ngay = ph "ngày" * sp
ngay = rule("ngay", ngay)

-- weekdays (ISO: Monday 1)
local wd_words = map {["thứ hai"] = 1, ["thứ ba"] = 2, ["thứ tư"] = 3, ["thứ năm"] = 4, ["thứ sáu"] = 5,
                      ["thứ bảy"] = 6, ["thứ bẩy"] = 6, ["chủ nhật"] = 7, ["chúa nhật"] = 7}
wd_words = rule("wd_words", wd_words)
local wd_digits = (ph "thứ" * osp + S "Tt") * C(R "27") * -digit / function(d) return tonumber(d) - 1 end
  + (P "CN" + P "cn" + P "Cn") * -letter * Cc(7)
wd_digits = rule("wd_digits", wd_digits)
local weekday = wd_words + wd_digits
weekday = rule("weekday", weekday)

-- parts of the day (TIMEX3's MO MI AF EV NI)
local pod_map = {["sáng"] = "MO", ["buổi sáng"] = "MO", ["sáng sớm"] = "MO", ["rạng sáng"] = "MO",
  ["trưa"] = "MI", ["buổi trưa"] = "MI", ["chiều"] = "AF", ["buổi chiều"] = "AF", ["chiều tối"] = "EV",
  ["tối"] = "EV", ["buổi tối"] = "EV", ["đêm"] = "NI", ["buổi đêm"] = "NI", ["khuya"] = "NI", ["đêm khuya"] = "NI",
  ["tối muộn"] = "EV", ["nửa đêm"] = "NI", ["trưa muộn"] = "MI", ["xế chiều"] = "AF", ["bình minh"] = "MO", ["hoàng hôn"] = "EV",
  ["tờ mờ sáng"] = "MO", ["sáng tinh mơ"] = "MO", ["gần sáng"] = "MO", ["giữa trưa"] = "MI", ["gần trưa"] = "MI",
  ["quá trưa"] = "MI", ["chập tối"] = "EV", ["sẩm tối"] = "EV", ["nhá nhem tối"] = "EV", ["đầu giờ sáng"] = "MO",
  ["cuối giờ sáng"] = "MO", ["đầu giờ chiều"] = "AF", ["cuối giờ chiều"] = "AF"}
local pod = map(pod_map)
pod = rule("pod", pod)

-- clock times: 15:30, 15:30:45, 15h30, 15h, 15g30, 9 giờ 15 phút, 3 giờ rưỡi, 11 giờ kém 15, 20h 23p
local hour = C(S "01" * digit + P "2" * R "04" + digit) * -digit / tonumber
hour = rule("hour", hour)
local min2 = C(R "05" * digit) * -digit / tonumber
min2 = rule("min2", min2)
local hour_w = hour + small_numword + Cmt(hundred + tens, function(_, i, n) if n <= 24 then return i, n end end)
hour_w = rule("hour_w", hour_w)
local giohour = hour_w * sp * any {"giờ", "tiếng"}
giohour = rule("giohour", giohour)
local clock_num = hour * P ":" * min2 * (P ":" * min2) ^ -1 * -(P ":" + digit) /
    function(h, mi, ss) return {hh = h, mi = mi, ss = ss} end
  + hour * S "hgH" * sp * min2 * (S "p'" + sp * ph "phút") * -letter / function(h, mi) return {hh = h, mi = mi} end
  + hour * S "hgH" * (min2 * (S "p'" + ph "phút") ^ -1) ^ -1 * -letter /
    function(h, mi) return {hh = h, mi = mi or 0} end
clock_num = rule("clock_num", clock_num)
local clock_words = hour_w * sp * ph "giờ" * (
      sp * ph "rưỡi" * Cc "half"
    + sp * ph "kém" * sp * (num + numword) * (sp * ph "phút") ^ -1 * Cc "less"
    + sp * (num + numword) * (sp * ph "phút" + -(sp * any {"ngày", "tháng", "năm", "tuần"})) * Cc "min"
    + -(sp * ph "trước" * -(sp * any {"khi", "đó"})) * Cc "bare") / function(h, a, b)   -- (21 giờ trước: hours ago)
      if a == "half" then return {hh = h, mi = 30} end
      if b == "less" then return {hh = (h - 1) % 24, mi = 60 - a} end
      if b == "min" then if a < 60 then return {hh = h, mi = a} end return nil end
      return {hh = h, mi = 0, bare = true}
    end
clock_words = rule("clock_words", clock_words)
local clock = (ph "đúng" * sp) ^ -1 * (clock_num + clock_words)
clock = rule("clock", clock)
-- a clock time with a part of the day after it: 3 giờ chiều, 7:30 tối
local function pm(c, p)
  if not c then return nil end
  local h = c.hh
  if p == "AF" or p == "EV" then if h < 12 then h = h + 12 end
  elseif p == "NI" then if h >= 6 and h < 12 then h = h + 12 end
  elseif p == "MI" then if h < 6 then h = h + 12 end
  elseif p == "MO" then if h == 12 then h = 0 end end
  c.hh = h
  if p then c.pod, c.bare = p, nil end
  return c
end
local clock_pod = clock * (sp * pod) ^ -1 / pm
clock_pod = rule("clock_pod", clock_pod)

-- the words after a unit that place it relative to now: tuần này, tháng trước, năm tới
-- (đến, tới: "the coming" only where no end follows them: đầu năm đến nay is from the year's start
-- until now, not next year)
local rel_word = map {["này"] = 0, ["nay"] = 0, ["hiện tại"] = 0, ["hiện nay"] = 0, ["trước"] = -1,
  ["qua"] = -1, ["vừa qua"] = -1, ["vừa rồi"] = -1, ["rồi"] = -1, ["trước đó"] = -1, ["ngoái"] = -1,
  ["sau"] = 1, ["tiếp"] = 1, ["tiếp theo"] = 1, ["kế tiếp"] = 1, ["kế"] = 1,
  ["sắp tới"] = 1, ["sau nữa"] = 2, ["kia"] = 2}
  + map {["tới"] = 1, ["đến"] = 1} * -(sp * (any {"nay", "hết", "giờ", "cuối", "đầu", "ngày", "tháng", "năm", "khi", "lúc"}
    + lpeg.R "09"))
rel_word = rule("rel_word", rel_word)
local unit_codes = {["giây"] = "S", ["phút"] = "TM", ["tiếng"] = "H", ["giờ"] = "H", ["ngày"] = "D",
  ["tuần"] = "W", ["tháng"] = "M", ["quý"] = "Q", ["qúy"] = "Q", ["năm"] = "Y", ["thập niên"] = "DE",
  ["thập kỷ"] = "DE", ["thập kỉ"] = "DE", ["thế kỷ"] = "CE", ["thế kỉ"] = "CE", ["ngày đêm"] = "D",
  ["tiếng đồng hồ"] = "H", ["giờ đồng hồ"] = "H", ["buổi"] = "D", ["hôm"] = "D", ["mùa"] = "Y"}
local unit = map(unit_codes)
unit = rule("unit", unit)

local approx = any {"hơn", "gần", "khoảng", "chừng", "trên", "gần như", "ngót", "xấp xỉ", "tầm", "ước",
                    "vào khoảng", "khoảng chừng", "ít nhất", "tối thiểu", "chưa đầy", "chưa tới",
                    "hơn kém", "dưới", "ngoài"} * sp
approx = rule("approx", approx)

-- ---- wholes ----------------------------------------------------------------------------------

local function D(t) t.k = "date" return t end
local function Y2(y) if type(y) == "table" then return nil, y.yy end return y end
local function mk_date(d, m, y)
  if type(y) == "table" and y.rel then return D {d = d, m = m, rel = y.rel} end
  local Y, yy = Y2(y)
  if d and (d < 1 or d > 31) then return nil end
  return D {d = d, m = m, y = Y, yy = yy}
end

-- numeric dates: 30/4/1975, 30-4-1975, 30.4.1975 (one separator), 2024-03-15, 14/10, 14-3
local dmy = P(false)
dmy = rule("dmy", dmy)
for sep in ("/-."):gmatch(".") do
  local y = sep == "." and yyyy or year_any   -- 1.10.30 is a version, 30.4.1975 a date
  dmy = dmy + dd * P(sep) * mm * P(sep) * y * -(digit + P(sep) * digit) / mk_date
end
local ymd = yyyy * P "-" * mm * P "-" * dd * -digit / function(y, m, d) return mk_date(d, m, y) end
  + yyyy * P "/" * mm * P "/" * dd * -digit / function(y, m, d) return mk_date(d, m, y) end
ymd = rule("ymd", ymd)
local dm_slash = dd * P "/" * mm * -(digit + S "/-." * digit + P "%") / function(d, m) return mk_date(d, m) end
dm_slash = rule("dm_slash", dm_slash)
local dm_dash = dd * P "-" * mm * -(digit + S "/-." * digit) / function(d, m) return D {d = d, m = m, dash = true} end
dm_dash = rule("dm_dash", dm_dash)
local my_num = mm * S "/-" * yyyy * -(digit + S "/-." * digit) / function(m, y) return D {m = m, y = y, bare_my = true} end
my_num = rule("my_num", my_num)

-- long form: ngày 30 tháng 4 năm 1975, mùng 3 tháng ba, 29 tháng 10, 1999, 9 Tháng 1 2015
local year_tail = (sp * nam + P "/" + P "-" + osp * P "," * osp + sp) * year_any
  + sp * (ph "của" * sp) ^ -1 * nam * (C(digit * digit ^ -2) * -(digit + S ".," * digit) / tonumber)   -- (under 1000)
year_tail = rule("year_tail", year_tail)
-- (tháng Giêng and tháng Chạp are the first and last months of the lunar year: such a date is lunar,
-- and its year may be named by the sexagenary cycle: 15 tháng Giêng năm Đinh Dậu)
local lunar_month = (ph "giêng" * Cc(1) + ph "chạp" * Cc(12)) * Cc(true)
local long_date = day_w * sp * thang * (lunar_month + month_w * Cc(false)) *
  (sp * nam * rel_word / function(n) return {rel = {u = "Y", n = n}} end
   + sp * nam * lpeg.V "can_chi" / function(cc) return {can_chi = cc} end
   + year_tail) ^ -1 / function(d, m, l, y)
    local cc = type(y) == "table" and y.can_chi
    local t = mk_date(d, m, not cc and y or nil)
    if t and (l or cc) then t.lunar, t.cc_year = true, cc or nil end
    return t
  end
long_date = rule("long_date", long_date)
local short_date = dmy + ymd + dm_slash + dm_dash
short_date = rule("short_date", short_date)
-- a day date with an optional ngày/hôm in front
local dm_dot = dd * P "." * mm * -(digit + P "." * digit) / function(d, m) return mk_date(d, m) end
dm_dot = rule("dm_dot", dm_dot)
local day_date = ((ngay + ph "hôm" * sp) ^ -1 * (long_date + short_date)) + (ngay + ph "hôm" * sp) * dm_dot
day_date = rule("day_date", day_date)

-- the year or relative year after a month: tháng 10 năm sau, tháng 11 năm nay
local rel_year_tail = sp * nam * rel_word / function(n) return {rel = {u = "Y", n = n}} end
rel_year_tail = rule("rel_year_tail", rel_year_tail)
local function with_year(t, y)
  if y == nil or t.can_chi then return t end   -- (Tết Đinh Dậu năm nay: the name gives the year)
  if type(y) == "table" and y.rel then t.rel = y.rel return t end
  local Y, yy = Y2(y)
  t.y, t.yy = Y, yy
  return t
end

-- months: tháng 12/1999, tháng 12 năm 99, tháng 12-1999, tháng giêng, tháng 3 tới, tháng 11 này, tháng 11 năm ngoái
local month_expr = thang * month_w * sp * any {"cùng năm", "năm đó", "năm ấy"} / function(m) return D {m = m, carry = true} end
  + thang * month_w * (rel_year_tail + year_tail) / function(m, y) return with_year(D {m = m}, y) end
  + thang * month_w * sp * map {["tới"] = 1, ["sau"] = 1, ["này"] = 0, ["trước"] = -1, ["qua"] = -1,
    ["vừa qua"] = -1} * -(sp * (unit + any {"nay", "hết", "giờ"})) / function(m, n) return D {m = m, next_m = n} end
  + thang * month_w * -(osp * S "/-" * digit) / function(m) return D {m = m} end
month_expr = rule("month_expr", month_expr)

-- years: năm 2017, năm 99, năm 938, năm 179 TCN, (1996)
local bc = sp * any {"TCN", "trước Công nguyên", "tr. CN", "BC"}
bc = rule("bc", bc)
local year_expr = nam * (C(digit * digit ^ -3) * -(digit + S ".," * digit) / tonumber) * bc / function(y) return D {y = -y, bc = true} end
  + nam * (yyyy + C(R "12" * digit * digit * digit) * -digit / tonumber) * -(osp * (S "/-" + P "–") * osp * digit) / function(y) return D {y = y} end
  + nam * yy * -(osp * S "/-" * digit) * -(sp * (unit + letter)) / function(y) return D {yy = y.yy} end
  + nam * C(R "19" * digit * digit) * -digit * -(S ".,%" * digit) / function(s) return D {y = tonumber(s), y3 = true} end
year_expr = rule("year_expr", year_expr)

-- relative days: hôm nay, hôm qua, hôm kia, ngày mai, ngày kia, hôm sau
local rel_day_words = {["hôm nay"] = 0, ["ngày hôm nay"] = 0, ["bữa nay"] = 0, ["hôm qua"] = -1,
  ["ngày hôm qua"] = -1, ["bữa qua"] = -1, ["hôm kia"] = -2, ["ngày hôm kia"] = -2, ["ngày mai"] = 1,
  ["ngày kia"] = 2, ["ngày mốt"] = 2, ["sáng mai"] = 1, ["hôm rày"] = 0}
-- the day after, before, or of the day the text told last (hôm sau, cùng ngày): anaphora, resolved
-- from that day, not from the document's
local ana_day_words = {["hôm sau"] = 1, ["ngày hôm sau"] = 1, ["hôm trước"] = -1, ["ngày hôm trước"] = -1,
  ["cùng ngày"] = 0, ["hôm đó"] = 0, ["ngày hôm đó"] = 0, ["hôm ấy"] = 0, ["ngày hôm ấy"] = 0}
local rel_day = map(rel_day_words) / function(n) return D {rel = {u = "D", n = n}} end
  + map(ana_day_words) / function(n) return D {rel = {u = "D", n = n}, ana = true} end
rel_day = rule("rel_day", rel_day)
-- after a part of the day: sáng nay, tối qua, trưa mai, chiều mốt, sáng hôm sau, tối cùng ngày
local pod_rel = map {["nay"] = 0, ["qua"] = -1, ["mai"] = 1, ["mốt"] = 2, ["hôm nay"] = 0, ["hôm qua"] = -1,
  ["hôm kia"] = -2, ["ngày mai"] = 1, ["ngày kia"] = 2, ["ngày hôm qua"] = -1, ["ngày hôm nay"] = 0}
  / function(n) return D {rel = {u = "D", n = n}} end
  + map(ana_day_words) / function(n) return D {rel = {u = "D", n = n}, ana = true} end
pod_rel = rule("pod_rel", pod_rel)

-- weeks: tuần này, tuần trước, tuần sau; cuối tuần (này); tuần thứ 2 của tháng ... (not yet)
local week_rel = ph "tuần" * sp * rel_word / function(n) return D {rel = {u = "W", n = n}} end
week_rel = rule("week_rel", week_rel)
local weekend = (ph "cuối tuần" + ph "dịp cuối tuần") * (sp * rel_word + Cc(0)) * -(sp * ph "này" ) /
  function(n) return D {rel = {u = "W", n = n}, we = true} end
  + ph "cuối tuần" * sp * ph "này" / function() return D {rel = {u = "W", n = 0}, we = true} end
weekend = rule("weekend", weekend)

-- a weekday with its week or its date: thứ hai tuần sau, thứ 5 của tuần này, thứ ba tới, thứ 2 ngày 6 tháng 2
local wd_mod = sp * (ph "của" * sp) ^ -1 * ph "tuần" * sp * rel_word / function(n) return {u = "W", n = n} end
  + sp * map {["tới"] = "next", ["sau"] = "next", ["tiếp theo"] = "next", ["kế tiếp"] = "next", ["này"] = "this",
              ["qua"] = "last", ["vừa qua"] = "last", ["vừa rồi"] = "last", ["trước"] = "last", ["rồi"] = "last",
              ["tuần này"] = "this"} / function(s) return {dir = s} end
wd_mod = rule("wd_mod", wd_mod)
local wd_date_sep = (osp * P "," * osp + sp) * (ngay + ph "hôm" * sp) ^ -1
wd_date_sep = rule("wd_date_sep", wd_date_sep)
local weekday_expr = (ph "hôm" * sp + ph "ngày" * sp + ph "vào" * sp) ^ -1 * weekday * (
    wd_date_sep * (long_date + short_date) + wd_mod + Cc(false)) / function(w, t)
      if not t then return D {wd = w, bare_wd = true} end
      if t.k == "date" then t.wd = w return t end
      if t.u then return D {wd = w, rel = t} end
      return D {wd = w, dir = t.dir}
    end
weekday_expr = rule("weekday_expr", weekday_expr)

-- relative units: tháng này, tháng trước, quý tới, năm ngoái, năm nay, thập niên này, thế kỷ trước
local rel_unit = map {["tháng"] = "M", ["quý"] = "Q", ["qúy"] = "Q", ["năm"] = "Y", ["thập niên"] = "DE",
                      ["thập kỷ"] = "DE", ["thập kỉ"] = "DE", ["thế kỷ"] = "CE", ["thế kỉ"] = "CE"} *
  sp * rel_word / function(u, n) return D {rel = {u = u, n = n}} end
  + ph "năm" * sp * ph "hiện tại" / function() return D {rel = {u = "Y", n = 0}} end
rel_unit = rule("rel_unit", rel_unit)
-- the same year as the sentence before: cùng năm, năm đó, năm ấy
local same_year = any {"cùng năm", "năm đó", "năm ấy", "cùng năm đó"} / function() return D {carry = true} end
same_year = rule("same_year", same_year)

-- quarters and halves: quý III/2023, quý 3 năm 2011, quý ba năm nay, 6 tháng đầu năm, nửa cuối năm 2021
local roman = map {["IV"] = 4, ["III"] = 3, ["II"] = 2, ["I"] = 1} * -letter
roman = rule("roman", roman)
local q_num = roman + C(R "14") * -digit / tonumber + map {["một"] = 1, ["hai"] = 2, ["ba"] = 3, ["bốn"] = 4, ["tư"] = 4}
q_num = rule("q_num", q_num)
local y_of = (sp * ph "của") ^ -1 * (rel_year_tail + year_tail + sp * year_any)
y_of = rule("y_of", y_of)
local quarter = any {"quý", "qúy"} * sp * q_num * y_of ^ -1 /
  function(q, y) return with_year(D {q = q}, y) end
quarter = rule("quarter", quarter)
local half = ((P "6" + ph "sáu") * sp * ph "tháng" + ph "nửa") * sp * map {["đầu"] = 1, ["cuối"] = 2, ["sau"] = 2} * sp *
  ph "năm" * (sp * (map {["nay"] = 0, ["ngoái"] = -1, ["trước"] = -1, ["sau"] = 1,
  ["tới"] = 1} / function(n) return {rel = {u = "Y", n = n}} end + year_any)) ^ -1 /
  function(h, y) return with_year(D {h = h}, y) end
half = rule("half", half)
-- the first or last N months of a year: 3 tháng đầu năm (the first quarter), 9 tháng đầu năm 2023,
-- 2 tháng cuối năm; sang năm, sang tháng: the next
local months_of = (C(R "19" * R "09" ^ -1) / tonumber + numword) * sp * ph "tháng" * sp * map {["đầu"] = 1, ["cuối"] = 2} *
  sp * ph "năm" * (sp * (map {["nay"] = 0, ["ngoái"] = -1, ["trước"] = -1, ["sau"] = 1,
  ["tới"] = 1} / function(n) return {rel = {u = "Y", n = n}} end + year_any)) ^ -1 /
  function(n, which, y)
    if n < 1 or n > 11 then return nil end
    if n == 3 then return with_year(D {q = which == 1 and 1 or 4}, y) end
    local a, b = which == 1 and 1 or 13 - n, which == 1 and n or 12
    return {k = "range", a = with_year(D {m = a}, y), b = with_year(D {m = b}, y)}
  end
  + ph "sang" * sp * map {["năm"] = "Y", ["tháng"] = "M", ["tuần"] = "W"} * -(sp * digit) /
    function(u) return D {rel = {u = u, n = 1}} end
months_of = rule("months_of", months_of)

-- decades and centuries: thập niên 80, thập niên 1950, những năm 1990, những năm 90 của thế kỷ trước, thế kỷ 19, thế kỷ XX
local roman_big = C(S "IVXLC" ^ 1) * -letter / function(s)
  local v = {I = 1, V = 5, X = 10, L = 50, C = 100}
  local n, prev = 0, 0
  for i = #s, 1, -1 do
    local x = v[s:sub(i, i)]
    if x < prev then n = n - x else n, prev = n + x, x end
  end
  return n
end
roman_big = rule("roman_big", roman_big)
local century = any {"thế kỷ", "thế kỉ"} * sp * (num + roman_big + numword) / function(c) return D {cen = c - 1} end
century = rule("century", century)
local decade_num = C(digit * digit * digit * P "0" + digit * P "0") * -digit
decade_num = rule("decade_num", decade_num)
local decade = (any {"thập niên", "thập kỷ", "thập kỉ", "những năm", "các năm", "đầu những năm", "cuối những năm"} * sp *
  decade_num * (sp * (ph "của" * sp) ^ -1 * (century + any {"thế kỷ trước", "thế kỉ trước"} * Cc "prev")) ^ -1) /
  function(s, c)
    local n = tonumber(s)
    if #s == 4 then return D {dec = n // 10} end
    if type(c) == "table" then return D {dec = c.cen * 10 + n // 10} end
    if c == "prev" then return D {dec_prev_century = n // 10} end
    return D {dec2 = n // 10}
  end
decade = rule("decade", decade)

-- seasons: mùa hè năm 2017, mùa đông này, mùa xuân năm sau; sports seasons 2016/17, mùa giải 2016-2017
local season_w = map {["xuân"] = "SP", ["hè"] = "SU", ["hạ"] = "SU", ["thu"] = "FA", ["đông"] = "WI"}
season_w = rule("season_w", season_w)
local season = ph "mùa" * sp * season_w * (y_of + sp * ph "này" * Cc {rel = {u = "Y", n = 0}}) ^ -1 /
  function(s, y) return with_year(D {season = s}, y) end
season = rule("season", season)

-- parts of periods: đầu năm 2009, giữa tháng này, cuối tháng 3 năm 99, đầu tuần này, cuối năm ngoái, đầu thế kỷ 20
local part_w = map {["đầu"] = "START", ["giữa"] = "MID", ["cuối"] = "END", ["trung tuần"] = "MID",
                    ["thượng tuần"] = "START", ["hạ tuần"] = "END", ["những ngày đầu"] = "START",
                    ["những ngày cuối"] = "END", ["mấy ngày cuối"] = "END"}
part_w = rule("part_w", part_w)

-- holidays: solar ones by day and month, lunar ones by lunar day and month
local solar = {["tết dương lịch"] = {1, 1}, ["valentine"] = {14, 2}, ["lễ tình nhân"] = {14, 2},
  ["ngày lễ tình yêu"] = {14, 2}, ["lễ tình yêu"] = {14, 2}, ["ngày tình yêu"] = {14, 2},
  ["quốc tế phụ nữ"] = {8, 3}, ["ngày phụ nữ"] = {8, 3},
  ["giải phóng miền nam"] = {30, 4}, ["thống nhất đất nước"] = {30, 4}, ["quốc tế lao động"] = {1, 5},
  ["quốc tế thiếu nhi"] = {1, 6}, ["cách mạng tháng 8"] = {19, 8}, ["cách mạng tháng tám"] = {19, 8},
  ["quốc khánh"] = {2, 9}, ["phụ nữ việt nam"] = {20, 10}, ["nhà giáo việt nam"] = {20, 11}, ["nhà giáo"] = {20, 11},
  ["halloween"] = {31, 10}, ["giáng sinh"] = {25, 12}, ["noel"] = {25, 12}, ["lễ giáng sinh"] = {25, 12},
  ["đêm giáng sinh"] = {24, 12}, ["đêm noel"] = {24, 12}, ["thầy thuốc việt nam"] = {27, 2},
  ["báo chí cách mạng việt nam"] = {21, 6}, ["gia đình việt nam"] = {28, 6}, ["thương binh liệt sĩ"] = {27, 7},
  ["quốc phòng toàn dân"] = {22, 12}, ["cá tháng tư"] = {1, 4}, ["quốc tế hạnh phúc"] = {20, 3},
  ["môi trường thế giới"] = {5, 6}}
local lunar = {["tết nguyên đán"] = {1, 1}, ["tết âm lịch"] = {1, 1}, ["tết cổ truyền"] = {1, 1},
  ["tết nguyên tiêu"] = {15, 1}, ["rằm tháng giêng"] = {15, 1}, ["giỗ tổ hùng vương"] = {10, 3},
  ["giỗ tổ"] = {10, 3}, ["tết hàn thực"] = {3, 3}, ["phật đản"] = {15, 4}, ["lễ phật đản"] = {15, 4},
  ["tết đoan ngọ"] = {5, 5}, ["vu lan"] = {15, 7}, ["lễ vu lan"] = {15, 7}, ["rằm tháng bảy"] = {15, 7},
  ["rằm tháng 7"] = {15, 7}, ["tết trung thu"] = {15, 8}, ["trung thu"] = {15, 8}, ["rằm trung thu"] = {15, 8},
  ["ông công ông táo"] = {23, 12}, ["tết ông táo"] = {23, 12}, ["ông táo về trời"] = {23, 12},
  ["rằm tháng 8"] = {15, 8}, ["tết"] = {1, 1}, ["tết ta"] = {1, 1}}
-- The phrases of a table, each word in any of its spellings (as ph), capturing the phrase as the
-- table has it: one trie of the first words, then the rest of the phrases of that first word,
-- longest first.
local function phrase_key(t)
  local groups, firsts = {}, {}
  for k in pairs(t) do
    local first, rest = k:match("^(%S+)%s*(.*)$")
    if not groups[first] then groups[first] = {} firsts[#firsts + 1] = first end
    table.insert(groups[first], {rest, k})
  end
  table.sort(firsts)
  local entries = {}
  for _, first in ipairs(firsts) do
    local g = groups[first]
    table.sort(g, function(a, b) if #a[1] ~= #b[1] then return #a[1] > #b[1] end return a[1] < b[1] end)
    local alts = {}
    for i, x in ipairs(g) do alts[i] = x[1] == "" and Cc(x[2]) or sp * ph(x[1]) * Cc(x[2]) end
    entries[#entries + 1] = {first, choice(alts)}
  end
  return trie(entries)
end
local solar_p = phrase_key(solar) / function(k) local v = solar[k] return D {d = v[1], m = v[2], holiday = k} end
solar_p = rule("solar_p", solar_p)
local lunar_p = phrase_key(lunar) / function(k)
    local v = lunar[k]
    return D {d = v[1], m = v[2], lunar = true, holiday = k}
  end
lunar_p = rule("lunar_p", lunar_p)
-- the sexagenary names of years: năm Đinh Dậu, Tết Giáp Thìn, Xuân Mậu Tuất
local can = any {"giáp", "ất", "bính", "đinh", "mậu", "kỷ", "kỉ", "canh", "tân", "nhâm", "quý"}
can = rule("can", can)
local chi = any {"tý", "tí", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi"}
chi = rule("chi", chi)
local can_chi = C(can * sp * chi)
can_chi = rule("can_chi", can_chi)
local lunar_named = ph "giao thừa" / function() return D {eve = true, lunar = true, holiday = "giao thừa"} end
  + ph "đêm giao thừa" / function() return D {eve = true, lunar = true, holiday = "giao thừa"} end
  + any {"mùng", "mồng"} * sp * (num + numword) * sp * ph "tết" /
    function(n) return D {d = n, m = 1, lunar = true, holiday = "Tết"} end
  + ph "rằm" * sp * thang * month_w / function(m) return D {d = 15, m = m, lunar = true} end
  + (ph "tết" + ph "xuân") * sp * can_chi / function(cc) return D {can_chi = cc, tet = true} end
  + ph "năm" * sp * can_chi / function(cc) return D {can_chi = cc} end
lunar_named = rule("lunar_named", lunar_named)
-- lunar dates written out: ngày 10/3 âm lịch, 23 tháng Chạp, mùng 5 tháng 5 âm lịch
local am = sp * (ph "âm lịch" + P "(âm lịch)" + P "ÂL" + ph "al") 
am = rule("am", am)
-- (a day date with âm lịch after it, or in tháng Giêng or tháng Chạp, is a day date of the point rule,
-- parsed once: see long_date and day_date_am)
local holiday = (ngay + ph "dịp" * sp) ^ -1 * (lunar_named + solar_p + lunar_p) *
  (year_tail + sp * ph "năm nay" * Cc {rel = {u = "Y", n = 0}} + sp * ph "năm ngoái" * Cc {rel = {u = "Y", n = -1}}
  + sp * ph "năm tới" * Cc {rel = {u = "Y", n = 1}}) ^ -1 / with_year
holiday = rule("holiday", holiday)

-- vague references
local ref = map {["mới đây"] = "PAST_REF", ["gần đây"] = "PAST_REF", ["trước đây"] = "PAST_REF",
  ["thời gian gần đây"] = "PAST_REF", ["thời gian qua"] = "PAST_REF", ["thời gian vừa qua"] = "PAST_REF",
  ["trước kia"] = "PAST_REF", ["ngày trước"] = "PAST_REF", ["hồi trước"] = "PAST_REF", ["thời gian trước"] = "PAST_REF",
  ["vừa qua"] = "PAST_REF", ["mới rồi"] = "PAST_REF", ["cách đây không lâu"] = "PAST_REF",
  ["ngày xưa"] = "PAST_REF", ["xưa kia"] = "PAST_REF", ["dạo gần đây"] = "PAST_REF", ["ngày ấy"] = "PAST_REF",
  ["ngày đó"] = "PAST_REF", ["thời đó"] = "PAST_REF", ["hồi đó"] = "PAST_REF", ["hồi ấy"] = "PAST_REF",
  ["quá khứ"] = "PAST_REF", ["đến nay"] = "PRESENT_REF", ["cho đến nay"] = "PRESENT_REF", ["tới nay"] = "PRESENT_REF",
  -- (no time: "ever", as in lớn nhất từ trước tới nay; matched so that its "tới nay" is not one)
  ["từ trước đến nay"] = "NONE", ["từ trước tới nay"] = "NONE", ["trước nay"] = "NONE",
  -- (the span since a time the text gave before: a duration)
  ["từ đó đến nay"] = "PXY", ["từ đó tới nay"] = "PXY", ["kể từ đó đến nay"] = "PXY",
  ["bây giờ"] = "PRESENT_REF", ["hiện nay"] = "PRESENT_REF", ["hiện tại"] = "PRESENT_REF", ["lúc này"] = "PRESENT_REF",
  ["ngay bây giờ"] = "PRESENT_REF", ["ngay lúc này"] = "PRESENT_REF", ["hiện giờ"] = "PRESENT_REF",
  ["thời điểm này"] = "PRESENT_REF", ["thời điểm hiện tại"] = "PRESENT_REF", ["hiện thời"] = "PRESENT_REF",
  ["giờ đây"] = "PRESENT_REF", ["ngày nay"] = "PRESENT_REF", ["lúc bấy giờ"] = "PAST_REF",
  ["sắp tới"] = "FUTURE_REF", ["thời gian tới"] = "FUTURE_REF", ["tương lai gần"] = "FUTURE_REF", ["tới đây"] = "FUTURE_REF",
  ["sau này"] = "FUTURE_REF", ["càng sớm càng tốt"] = "FUTURE_REF", ["sau một thời gian"] = "FUTURE_REF",
  ["thời gian sắp tới"] = "FUTURE_REF", ["trong thời gian tới"] = "FUTURE_REF",
  ["nhiều năm trước đây"] = "PAST_REF", ["nhiều năm trước"] = "PAST_REF", ["lâu nay"] = "PAST_REF",
  ["từ lâu"] = "PAST_REF", ["xưa nay"] = "PAST_REF"} / function(v)
    if v == "NONE" then return nil end
    if v == "PXY" then return {k = "dur", n = "X", u = "Y"} end
    return {k = "ref", v = v}
  end
-- (lúc đó, khi đó, khi ấy: "then" -- anaphora that point back to a time the text gave, with no
-- value of their own: not taken)
ref = rule("ref", ref)

-- recurrences: hàng năm, hằng tuần, mỗi ngày
local set = map {["hàng năm"] = "P1Y", ["hằng năm"] = "P1Y", ["mỗi năm"] = "P1Y", ["hàng tháng"] = "P1M",
  ["hằng tháng"] = "P1M", ["mỗi tháng"] = "P1M", ["hàng tuần"] = "P1W", ["hằng tuần"] = "P1W", ["mỗi tuần"] = "P1W",
  ["hàng ngày"] = "P1D", ["hằng ngày"] = "P1D", ["mỗi ngày"] = "P1D", ["hàng quý"] = "P3M", ["hằng quý"] = "P3M",
  ["mỗi sáng"] = "P1D", ["mỗi tối"] = "P1D", ["hàng đêm"] = "P1D", ["mỗi đêm"] = "P1D", ["hàng giờ"] = "PT1H",
  ["mỗi giờ"] = "PT1H", ["ngày ngày"] = "P1D", ["mọi năm"] = "P1Y", ["hàng đêm"] = "P1D"} / function(v) return {k = "set", v = v} end
  + P "24/24" * (sp * ph "giờ") ^ -1 / function() return {k = "set", v = "P1D"} end
  + P "24/7" * -digit / function() return {k = "set", v = "P1D"} end
set = rule("set", set)

-- durations and shifts: 3 ngày, hơn 18 tháng, hai chục năm, vài tháng, 20 năm qua, 3 ngày trước, 2 tuần nữa, cách đây 5 năm
local dur_tail = map {["qua"] = "past", ["vừa qua"] = "past", ["vừa rồi"] = "past", ["trở lại đây"] = "past",
  ["gần đây"] = "past", ["nay"] = "past", ["trở lại"] = "past", ["tới"] = "next", ["tiếp theo"] = "next",
  ["sắp tới"] = "next", ["kế tiếp"] = "next", ["trước"] = "ago", ["trước đây"] = "ago", ["trước đó"] = "ago_rel",
  ["sau"] = "after", ["sau đó"] = "later_rel", ["nữa"] = "later"}
dur_tail = rule("dur_tail", dur_tail)
local half_tail = sp * ph "rưỡi" * Cc(true)
half_tail = rule("half_tail", half_tail)
-- (not before a number that is no count of its own: hai ngày 28 và 29-5 names two days)
local unit_count = C(approx) ^ -1 * count * sp * unit * -(sp * digit ^ 1 * -(sp * unit)) * (half_tail) ^ -1
unit_count = rule("unit_count", unit_count)
-- vài năm trước, cách đây vài tháng: PAST_REF; vài ngày sau: FUTURE_REF
local function vague_shift(u, dir) return {k = "ref", v = dir < 0 and "PAST_REF" or "FUTURE_REF"} end
local function dur(...)
  local t = {...}
  local i, ap = 1, nil
  if type(t[1]) == "string" and t[1]:find("%s$") then ap, i = true, 2 end
  local n, u = t[i], t[i + 1]
  local rest = {table.unpack(t, i + 2)}
  local hf, tail = nil, nil
  for _, x in ipairs(rest) do if x == true then hf = true elseif type(x) == "string" then tail = x end end
  if hf and n ~= "X" then n = n + 0.5 end
  if tail == "ago" or tail == "later" or tail == "after" then
    if n == "X" then return vague_shift(u, tail == "ago" and -1 or 1) end
    return {k = "shift", n = n, u = u, dir = tail == "ago" and -1 or 1, approx = ap, after = tail == "after"}
  end
  if tail == "next" and n == "X" then return {k = "ref", v = "FUTURE_REF"} end
  return {k = "dur", n = n, u = u, approx = ap, tail = tail}
end
local duration = unit_count * (sp * dur_tail) ^ -1 / dur
  + any {"những", "mấy", "nhiều", "bao", "các"} * sp * map {["năm"] = "Y", ["tháng"] = "M", ["ngày"] = "D",
    ["tuần"] = "W", ["thập niên"] = "DE", ["thập kỷ"] = "DE", ["thế kỷ"] = "CE", ["giờ"] = "H"} *
    sp * map {["qua"] = "past", ["vừa qua"] = "past", ["gần đây"] = "past", ["trở lại đây"] = "past", ["nay"] = "past",
              ["tới"] = "next", ["sắp tới"] = "next", ["trước"] = "past", ["trước đây"] = "past"} /
    function(u, tail) return {k = "dur", n = "X", u = u, tail = tail} end
  + any {"cả", "suốt", "nguyên", "trọn"} * sp * unit / function(u) return {k = "dur", n = 1, u = u} end
  + ph "nửa" * sp * unit / function(u) return {k = "dur", n = 0.5, u = u} end
  + any {"một thời gian dài", "thời gian dài", "một khoảng thời gian dài", "khoảng thời gian dài", "thời gian rất dài"} /
    function() return {k = "dur", n = "X", u = "Y"} end
  + any {"một thời gian", "một khoảng thời gian"} / function() return {k = "dur", n = "X", u = "M"} end
duration = rule("duration", duration)
local shift = ph "cách" * sp * ph "đây" * sp * C(approx) ^ -1 * count * sp * unit * half_tail ^ -1 /
  function(...)
    local t = {...}
    local i, ap = 1, nil
    if type(t[1]) == "string" and t[1]:find("%s$") then ap, i = true, 2 end
    local n = t[i]
    if t[i + 2] and n ~= "X" then n = n + 0.5 end
    if n == "X" then return vague_shift(t[i + 1], -1) end
    return {k = "shift", n = n, u = t[i + 1], dir = -1, approx = ap}
  end
  -- trong vài ngày tới: the span of the coming days, a duration (as trong 3 ngày tới)
  + ph "trong" * sp * (ph "vòng" * sp) ^ -1 * unit_count * (sp * dur_tail) ^ -1 / function(...)
    local r = dur(...)
    if r.k == "ref" and r.v == "FUTURE_REF" then
      local t = {...}
      local i = (type(t[1]) == "string" and t[1]:find("%s$")) and 2 or 1
      return {k = "dur", n = "X", u = t[i + 1], tail = "next"}
    end
    return r
  end
shift = rule("shift", shift)

-- ---- composed points -------------------------------------------------------------------------

-- a relative day and the date it names: hôm nay 1/6, Hôm qua (5/3), sáng nay (ngày 2/9)
local rel_with_date = (pod * sp) ^ -1 * (rel_day + ph "hôm" * sp * pod_rel) * (osp * P "(" * osp + osp * P "," * osp + sp) *
  (ngay + ph "hôm" * sp) ^ -1 * (long_date + short_date) * (osp * P ")") ^ -1 / function(...)
    local t = {...}
    local x = t[#t]
    if type(t[1]) == "string" then x.pod = t[1] end
    x.dash = nil
    return x
  end
rel_with_date = rule("rel_with_date", rel_with_date)
-- a bare year: taken only where the words around it make it one (hồi 2016, trước 1927, (1996))
local bare_year = yyyy * -(osp * (S "/-" + P "–" + P "—") * osp * digit) * -(S ".,%" * digit) / function(y) return D {y = y, bare_y = true} end
bare_year = rule("bare_year", bare_year)

local function put_clock(t, c)
  if not t or not c then return t end
  t.hh, t.mi, t.ss, t.bare_clock = c.hh, c.mi, c.ss, c.bare
  if c.pod then t.pod = t.pod or c.pod end
  return t
end
local function put_pod(p, t)
  if not t then return nil end
  t.pod = p
  return t
end
local lic = (ph "vào lúc" * sp + ph "lúc" * sp + ph "vào" * sp) ^ -1
lic = rule("lic", lic)
local clock_sep = (osp * P "," * osp + sp * P "|" * sp + sp * P "-" * sp + sp) * lic
clock_sep = rule("clock_sep", clock_sep)
-- a point in the calendar, the longest forms first; a day with the clock time after it (ngày 5/3
-- lúc 9h, hôm nay 15h30, Tết lúc 0 giờ), parsed once whether a clock time follows or not
local function with_clock(p) return p * (clock_sep * clock_pod) ^ -1 / put_clock end
local day_date_am = day_date * (am * Cc(true) * (sp * nam * year_any) ^ -1) ^ -1 / function(t, l, y)
    if l then t.lunar = true end
    if y then with_year(t, y) end
    return t
  end
local point = with_clock(rel_with_date + holiday + weekday_expr + day_date_am) + month_expr + quarter + half + months_of + season +
  decade + century + year_expr + weekend + week_rel + rel_unit + with_clock(rel_day) + same_year + my_num + bare_year
point = rule("point", point)

local date_sep = (osp * P "," * osp + sp) * (ngay + ph "hôm" * sp) ^ -1
date_sep = rule("date_sep", date_sep)
local pod_point = pod * sp * (ngay + ph "hôm" * sp) ^ -1 * (pod_rel + weekday_expr + long_date + short_date + dm_dot)
pod_point = rule("pod_point", pod_point)
local pod_expr = pod_point * (clock_sep * clock) ^ -1 / function(p, t, c) return put_clock(put_pod(p, t), c) end
  + pod * sp * ph "hôm" * sp * weekday / function(p, w) return D {wd = w, bare_wd = true, pod = p} end
  + (ph "buổi" * sp) ^ -1 * pod * -(sp * (solar_p + lunar_p + lunar_named)) /
    function(p) return D {pod = p, rel = {u = "D", n = 0}, pod_only = true, ana = true} end
pod_expr = rule("pod_expr", pod_expr)
local clock_first = clock_pod * (date_sep * (pod_point / put_pod + rel_day + weekday_expr + long_date + short_date +
  pod_rel)) ^ -1 / function(c, t)
    if t then return put_clock(t, c) end
    return put_clock(D {rel = {u = "D", n = 0}, clock_only = true}, c)
  end
clock_first = rule("clock_first", clock_first)
local timed = pod_expr + clock_first
timed = rule("timed", timed)

-- ---- ranges ----------------------------------------------------------------------------------

local dash = P "-" + P "–" + P "—"
dash = rule("dash", dash)
local to = sp * any {"đến", "tới", "cho đến", "cho tới", "sang", "đến hết", "tới hết"} * sp + osp * dash * osp
to = rule("to", to)
local from = (any {"từ", "kể từ", "bắt đầu từ", "giai đoạn", "thời kỳ", "niên khóa", "niên khoá", "nhiệm kỳ",
                   "mùa giải", "mùa"} * sp) ^ -1
from = rule("from", from)
local function R2(a, b)
  if not a or not b then return nil end
  return {k = "range", a = a, b = b}
end
-- 12 - 14/10/2021, 10-12/9, 10 đến 15 tháng 5: a bare day before a date
local bare_day = dd / function(d) return D {d = d} end
bare_day = rule("bare_day", bare_day)
local range_days = from * (ngay ^ -1) * bare_day * to * (ngay ^ -1) * (long_date + short_date) / R2
range_days = rule("range_days", range_days)
-- two dates: từ ngày 5 tháng 8 đến ngày 10 tháng 8 năm 2012; từ 10/6 đến 15/6
local any_day = (pod * sp) ^ -1 * (ngay + ph "hôm" * sp) ^ -1 * (long_date + short_date) / function(...)
  local t = {...}
  return t[#t]
end
any_day = rule("any_day", any_day)
local range_dates = from * any_day * to * any_day / R2
range_dates = rule("range_dates", range_dates)
-- months: từ tháng 12/2019 đến tháng 8/2021, tháng 3 tới tháng 5 năm 1975, tháng 7 - 9
local bare_month = mm / function(m) return D {m = m} end
bare_month = rule("bare_month", bare_month)
local range_months = from * month_expr * to * (month_expr + bare_month * (year_tail) ^ -1 / with_year) / R2
range_months = rule("range_months", range_months)
-- years: 2021 - 2025, giai đoạn 2021-2025, từ năm 2001 đến năm 2005, năm 2045 – 2050, 2016/17
local y4 = yyyy / function(y) return D {y = y} end
y4 = rule("y4", y4)
local range_years = C(approx) ^ -1 * from * (nam ^ -1) * y4 * to * (nam ^ -1) * y4 / function(...)
    local t = {...}
    local r = R2(t[#t - 1], t[#t])
    if r and t[#t].y <= t[#t - 1].y then return nil end
    if r and #t == 3 then r.approx = true end
    return r
  end
  + from * (nam ^ -1) * y4 * P "/" * C(digit * digit) * -digit / function(a, s)
    local y2 = a.y // 100 * 100 + tonumber(s)
    if y2 ~= a.y + 1 then return nil end
    return {k = "range", a = a, b = D {y = y2}, season = true}
  end
range_years = rule("range_years", range_years)
-- weekdays: từ thứ hai đến thứ sáu
local range_wd = ph "từ" * sp * (weekday / function(w) return D {wd = w, bare_wd = true} end) * to *
  (weekday / function(w) return D {wd = w, bare_wd = true} end) / R2
range_wd = rule("range_wd", range_wd)
-- to now: từ năm 2001 đến nay, từ 2010 tới nay, từ tháng 3 đến nay
local now = any {"nay", "hiện nay", "hiện tại", "bây giờ", "giờ", "thời điểm này", "lúc này"}
now = rule("now", now)
local range_now = any {"từ", "kể từ"} * sp * (day_date + month_expr + year_expr + lpeg.V "part_expr" + y4) * sp *
  any {"đến", "tới", "cho đến", "cho tới"} * sp * now / function(a) return {k = "range", a = a, b = {k = "now"}} end
range_now = rule("range_now", range_now)
local range_clock = (ph "trong khoảng" * sp) ^ -1 * from * clock_pod * to * clock_pod * (date_sep * (day_date + rel_day + pod_rel)) ^ -1 /
  function(c1, c2, t)
    local a, b = put_clock(D {rel = {u = "D", n = 0}}, c1), put_clock(D {rel = {u = "D", n = 0}}, c2)
    if t then
      local function copy(x) local y = {} for k, v in pairs(t) do y[k] = v end y.hh, y.mi = x.hh, x.mi return y end
      a, b = copy(a), copy(b)
    end
    return {k = "range", a = a, b = b}
  end
range_clock = rule("range_clock", range_clock)
local range = range_now + range_clock + range_wd + range_days + range_dates + range_months + range_years
range = rule("range", range)

-- ---- the whole -------------------------------------------------------------------------------

-- a part of a period before a point: đầu tháng 5/2022, cuối năm ngoái, giữa tuần này, đầu thế kỷ 20
local part_expr = part_w * sp * (month_expr + year_expr + weekend + week_rel + rel_unit + century + decade +
  (ph "năm" * Cc(true)) / function() return D {rel = {u = "Y", n = 0}} end
  + (ph "tháng" * Cc(true)) / function() return D {rel = {u = "M", n = 0}} end) /
  function(mod, t)
    if not t then return nil end
    if t.we then return t end
    t.mod = mod
    return t
  end
part_expr = rule("part_expr", part_expr)

-- the first or last day or week of a month: ngày đầu tiên của tháng ba, tuần đầu tiên của tháng 9 năm 2017
local month_of_year = ph "tháng" * sp * map {["đầu tiên"] = 1, ["đầu"] = 1, ["cuối cùng"] = 12, ["cuối"] = 12} * sp *
  (ph "của" * sp) ^ -1 * (year_expr + rel_unit + ph "năm" * -(sp * digit) / function() return D {rel = {u = "Y", n = 0}} end) /
  function(m, t) if t.rel and t.rel.u ~= "Y" then return nil end t.m = m return t end
month_of_year = rule("month_of_year", month_of_year)
local first_of = month_of_year + (ph "ngày" * sp * map {["đầu tiên"] = 1, ["cuối cùng"] = -1} + ph "tuần" * sp * ph "đầu tiên" * Cc "W") *
  sp * (ph "của" * sp) ^ -1 * month_expr / function(which, t)
    if which == "W" then t.first_week = true else t.d = which end
    return t
  end
first_of = rule("first_of", first_of)
-- a span between two counts: 2 – 3 năm, 5-7 ngày, từ 3 đến 5 tháng (not 2-3 tháng 5: days of May)
local dur_range = C(approx) ^ -1 * (ph "từ" * sp) ^ -1 * (num + numword) *
  (osp * dash * osp + sp * any {"đến", "tới"} * sp) * (num + numword) * sp * unit *
  -(sp * (digit + numword + ph "giêng" + ph "chạp")) / function(...)
    local t = {...}
    local i = (type(t[1]) == "string" and t[1]:find("%s$")) and 2 or 1
    local a, b, u = t[i], t[i + 1], t[i + 2]
    if not (a < b) then return nil end
    return {k = "dur", n = a, n2 = b, u = u, approx = i == 2 or nil}
  end
dur_range = rule("dur_range", dur_range)
-- two days that share a month: ngày 28 và 29-5, hai ngày 18 và 22-4 -- two expressions, the first
-- with the month and year of the second (their ends kept, for the finder to tell them apart)
local day_pair = lpeg.Cp() * ngay * bare_day * lpeg.Cp() * (osp * P "," * osp + sp * ph "và" * sp) * lpeg.Cp() *
  (ngay ^ -1 * (long_date + short_date)) * lpeg.Cp() / function(p1, a, p2, p3, b, p4)
    if not (b and b.d and b.m) then return nil end
    a.m, a.y, a.yy = b.m, b.y, b.yy
    return {k = "pair", a = a, b = b, at = {p1, p2, p3, p4}}
  end
day_pair = rule("day_pair", day_pair)
local expr = day_pair + range + dur_range + timed + weekend + first_of + part_expr + point + ref + set + shift + duration
expr = rule("expr", expr)
-- approximators in front: khoảng năm 2045, hơn 18 tháng (durations take theirs themselves)
rules.top = (C(approx) * (range + dur_range + timed + part_expr + point)) / function(_, t)
    if t then t.approx = true end
    return t
  end + expr
rules[1] = "top"
M.expr = P(rules)
M.rules = rules   -- (the rules by name: a grammar of any of them is P(rules) with rules[1] set)

;(function()   -- (a function of its own: the main chunk is near its 200 local variables)
-- Where an expression may start, tested before the grammar is tried: the grammar is tried at few of
-- the many numbers and words that start none.  A number starts one only before a date or clock
-- separator, a unit, a dash or a range word, or as a year; some words only before one of a few words
-- (the second word of every rule they start: quốc khánh, các năm, trong 3 ngày); the others alone.
local strong = [[ngày hôm bữa sáng trưa chiều tối đêm khuya rạng buổi nửa xế thứ chúa tháng năm quý qúy mùa
  thập mấy mùng mồng tuần giai niên bây giờ tết giáng noel valentine halloween thầy môi giỗ phật vu rằm đoan
  dịp thượng hạ]]
local NUMBER = "#"
local APPROX = "# năm tháng ngày tuần quý giữa đầu cuối thập thế mùa những vài mấy sáng trưa chiều tối đêm lúc"
local UNITS = "ngày tuần tháng năm đêm buổi quý giờ tiếng thập thế mùa"
local weak = {
  ["các"] = "năm ngày tháng thập thế tuần mùa giờ", ["những"] = "năm ngày tháng thập thế tuần mùa giờ",
  ["trong"] = "# vòng khoảng tương thời quá vài mấy nhiều dăm hàng suốt cả",
  ["cho"] = "đến tới", ["khi"] = "đó ấy",
  ["từ"] = "# ngày tháng năm thứ chủ mùng mồng lâu trước đó sáng trưa chiều tối đêm hôm quý tuần lúc khoảng đầu giữa cuối",
  ["vào"] = "# ngày tháng năm thứ chủ mùng mồng sáng trưa chiều tối đêm hôm lúc khoảng dịp đầu giữa cuối quý mùa tuần những",
  ["đến"] = "# ngày tháng năm nay hết", ["sau"] = "# này một đó giờ", ["trước"] = "đây kia đó #",
  ["quốc"] = "khánh tế", ["gia"] = "đình", ["thống"] = "nhất", ["nhà"] = "giáo", ["ông"] = "công táo",
  ["báo"] = "chí", ["thương"] = "binh", ["cá"] = "tháng", ["giải"] = "phóng", ["giao"] = "thừa",
  ["trung"] = "thu tuần", ["phụ"] = "nữ", ["bình"] = "minh", ["hoàng"] = "hôn", ["cùng"] = "năm kỳ kì ngày",
  ["thế"] = "kỷ kỉ", ["chủ"] = "nhật",
  ["đầu"] = "tháng năm tuần thế thập quý ngày những mùa giờ", ["giữa"] = "tháng năm tuần thế thập quý ngày những mùa trưa",
  ["cuối"] = "tháng năm tuần thế thập quý ngày những mùa giờ", ["nhiều"] = "năm tháng ngày tuần thập giờ",
  ["hàng"] = "năm tháng tuần ngày quý giờ đêm chục trăm", ["hằng"] = "năm tháng tuần ngày quý giờ đêm",
  ["hiện"] = "nay tại giờ thời", ["mới"] = "đây rồi", ["thời"] = "gian điểm đó kỳ", ["cả"] = UNITS,
  ["tới"] = "đây nay", ["cách"] = "đây mạng", ["quá"] = "khứ trưa", ["chưa"] = "đầy tới", ["nguyên"] = UNITS,
  ["trọn"] = UNITS, ["suốt"] = UNITS, ["lễ"] = "tình giáng phật vu", ["ngay"] = "bây lúc sau", ["bắt"] = "đầu",
  ["bao"] = "năm tháng ngày", ["vừa"] = "qua rồi", ["tương"] = "lai", ["nhiệm"] = "kỳ", ["đúng"] = "#",
  ["mọi"] = "năm", ["mỗi"] = "năm tháng tuần ngày sáng tối đêm giờ quý", ["kể"] = "từ", ["càng"] = "sớm",
  ["hồi"] = "đó ấy trước", ["xưa"] = "nay kia", ["lâu"] = "nay", ["dạo"] = "gần này", ["sắp"] = "tới",
  ["xuân"] = "giáp ất bính đinh mậu kỷ kỉ canh tân nhâm quý", ["ngày"] = nil,
  ["vài"] = UNITS .. " ba chục trăm", ["dăm"] = UNITS .. " ba", ["lúc"] = "# này đó ấy bấy",
  ["hơn"] = APPROX, ["gần"] = APPROX .. " đây như", ["khoảng"] = APPROX .. " từ thời", ["chừng"] = APPROX,
  ["trên"] = APPROX, ["dưới"] = APPROX, ["ngoài"] = APPROX, ["ít"] = "nhất", ["tối"] = nil, ["ngót"] = APPROX,
  ["xấp"] = "xỉ", ["sang"] = "năm tháng tuần", ["tờ"] = "mờ", ["chập"] = "tối", ["sẩm"] = "tối", ["nhá"] = "nhem", ["tầm"] = APPROX, ["ước"] = APPROX, ["tối thiểu"] = nil,
}
local unit_words = {"giây", "phút", "tiếng", "giờ", "ngày", "tuần", "tháng", "quý", "qúy", "năm", "thập", "thế", "buổi",
                    "hôm", "mùa"}
local num_words = {"một", "hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười"}
local after_number = {"mươi", "chục", "trăm", "lăm", "mốt", "rưỡi", "đến", "tới", "sang", "TCN", "giờ", "thời", "khoảng",
                      "vài", "lúc"}
for _, w in ipairs(unit_words) do after_number[#after_number + 1] = w end
for _, w in ipairs(num_words) do after_number[#after_number + 1] = w end
-- (a dot only before one or two digits, as in 30.4: not 1.000 nor 2.500)
local number_start = digit ^ 1 * (S "/-:hHgG'" + P "." * digit * digit ^ -1 * -digit + osp * (P "–" + P "—") +
  sp * (any(after_number) + P "-"))
  + (P "1" * R "89" + P "20") * digit * digit * -digit
-- one trie of the first words: a strong one alone, a weak one or a number word with what must follow
-- (what follows: rules of the starters' own grammar, referenced from the trie's leaves, not copied)
local srules = {numword = numword, after_num = #(sp * any(after_number))}
local firsts, seen = {}, {}
for w in strong:gmatch("%S+") do firsts[#firsts + 1] = {w} seen[w] = true end
for w, follow in pairs(weak) do
  local list, num = {}, false
  for f in follow:gmatch("%S+") do if f == NUMBER then num = true else list[#list + 1] = f end end
  local next_p = any(list)
  if num then next_p = next_p + digit + lpeg.V "numword" end
  if not seen[w] then
    srules["after " .. w] = #(sp * next_p)
    firsts[#firsts + 1] = {w, lpeg.V("after " .. w)}
    seen[w] = true
  end
end
for _, w in ipairs(num_words) do
  if not seen[w] then firsts[#firsts + 1] = {w, lpeg.V "after_num"} seen[w] = true end
end
-- The same as entries of vnt.wordset, which finds them in any case in one pass of the C core: a
-- strong word alone, a weak word or a number word with the words that must follow ("#": a number).
M.start_words = (function()   -- (a function: the main chunk is out of local variables)
  local number_words = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười"}
  local seen_strong = {}
  for w in strong:gmatch("%S+") do seen_strong[w] = true end
  local out = {"t2", "t3", "t4", "t5", "t6", "t7", "cn"}
  for w in strong:gmatch("%S+") do out[#out + 1] = w end
  for w, follow in pairs(weak) do
    if not seen_strong[w] then
      local e = {w}
      for f in follow:gmatch("%S+") do
        e[#e + 1] = f
        if f == NUMBER then for _, nw in ipairs(number_words) do e[#e + 1] = nw end end
      end
      out[#out + 1] = e
    end
  end
  for _, w in ipairs(num_words) do
    if not seen_strong[w] and not weak[w] then
      local e = {w}
      for _, f in ipairs(after_number) do e[#e + 1] = f end
      out[#out + 1] = e
    end
  end
  return out
end)()
srules.starters = number_start + S "Tt" * R "27" * -digit + (P "CN" + P "cn") * -letter + trie(firsts)
srules[1] = "starters"
M.starters = P(srules)
end)()

return M
