--- vnt.timex_value: the values of temporal expressions -- calendar
-- arithmetic from the document's date, and the value as Vietnamese writes it.
--
--   local tv = require "vnt.timex_value"
--   local value, type, anchored = tv.resolve(meaning, ctx)
--   tv.vietnamese("2023-Q2")   --> "Quý II/2023"
--
-- `meaning` is what vnt.timex_grammar captured; `ctx` is {anchor = {y, m, d}
-- (the document's date; y may be nil), year (the year the sentence or the
-- text before gives), guess_y (a year for weekday arithmetic when the date
-- has none), future (the clause speaks of what will happen)}.
-- @module vnt.timex_value
local cal = require "vnt.calendar"
local lunar = require "vnt.lunar"

local string, math, tostring, type = string, math, tostring, type
local floor = math.floor
local M = {}

local function pad(n) return string.format("%02d", n) end
local function Ys(y) if not y then return "XXXX" end if y < 0 then return string.format("BC%04d", -y) end
  if y < 1000 then return string.format("%04d", y) end return tostring(y) end

-- a two-digit year: 99 -> 1999, 17 -> 2017: the year of those two digits nearest the document's year
-- (without one, nearest 2020)
local function full_year(yy, near)
  near = near or 2020
  local c = floor(near / 100) * 100
  local best
  for _, base in ipairs {c - 100, c, c + 100} do
    local y = base + yy
    if not best or math.abs(y - near) < math.abs(best - near) then best = y end
  end
  return best
end

local unit_code = {S = "S", TM = "M", H = "H", D = "D", W = "W", M = "M", Q = "Q", Y = "Y", DE = "DE", CE = "CE"}

-- a duration value: P3D, PT2H, P1.5Y -> P18M, PXY
local function duration(n, u)
  if u == "TM" or u == "H" or u == "S" then
    if n == "X" then return "PTX" .. unit_code[u] end
    if n % 1 ~= 0 then
      if u == "H" then return "PT" .. floor(n * 60) .. "M" end
      return "PT" .. floor(n * 60) .. (u == "TM" and "S" or "M")
    end
    return "PT" .. floor(n) .. unit_code[u]
  end
  if n == "X" then return "PX" .. unit_code[u] end
  if n % 1 ~= 0 then
    if u == "Y" then return "P" .. floor(n * 12) .. "M" end
    if u == "M" then return "P" .. floor(n * 30) .. "D" end
    if u == "D" then return "PT" .. floor(n * 24) .. "H" end
    if u == "W" then return "P" .. floor(n * 7) .. "D" end
    if u == "DE" then return "P" .. floor(n * 10) .. "Y" end
    return "P" .. n .. unit_code[u]
  end
  if u == "DE" then return "P" .. floor(n) * 10 .. "Y" end
  if u == "CE" then return "P" .. floor(n) * 100 .. "Y" end
  return "P" .. floor(n) .. unit_code[u]
end
M.duration = duration

-- the anchor's day number, nil without a full date; with `any_year`, a day and month without a year
-- count in a leap year (for what moves by days from them, written XXXX-MM-DD: not a weekday)
local function anchor_day(a, guess_y, any_year)
  if not (a and a.m and a.d) then return nil end
  local y = a.y or guess_y or (any_year and 2000)
  if not y then return nil end
  return cal.days(y, a.m, a.d), a.y ~= nil
end

-- format a resolved point {y, m, d, hh, mi, ss, q, h, season, week, we, dec, cen}
local function fmt(p)
  local y = Ys(p.y)
  local v
  if p.cen then v = string.format("%02dXX", p.cen)
  elseif p.dec then v = p.dec < 0 and "XXXX" or string.format("%03dX", p.dec)
  elseif p.week then v = y .. "-W" .. pad(p.week) .. (p.we and "-WE" or "")
  elseif p.q then v = y .. "-Q" .. p.q
  elseif p.h then v = y .. "-H" .. p.h
  elseif p.season then v = y .. "-" .. p.season
  elseif p.d then v = y .. "-" .. (p.m and pad(p.m) or "XX") .. "-" .. pad(p.d)
  elseif p.m then v = y .. "-" .. pad(p.m)
  else v = y end
  if p.hh and p.d then
    v = v .. "T" .. pad(p.hh) .. ":" .. pad(p.mi or 0)
    if p.ss then v = v .. ":" .. pad(p.ss) end
  end
  return v
end

-- a lunar day-month in the lunar year nearest the anchor (or of year y)
local function lunar_solar(d, m, y, near_day, eve)
  local function conv(ly)
    if eve then
      local ty, tm, td = lunar.tet(ly + 1)
      return cal.add_days(ty, tm, td, -1)
    end
    local sy, sm, sd = lunar.to_solar(ly, m, d, false)
    return sy, sm, sd
  end
  if y then return conv(y) end
  if not near_day then return nil end
  local ay = cal.date(near_day)
  local best, bd
  for ly = ay - 1, ay + 1 do
    local sy, sm, sd = conv(ly)
    if sy then
      local dist = math.abs(cal.days(sy, sm, sd) - near_day)
      if not bd or dist < bd then best, bd = {sy, sm, sd}, dist end
    end
  end
  if best then return best[1], best[2], best[3] end
end

--- Resolve a point meaning to a point table (see fmt) and whether it is fixed on the calendar.
function M.point(x, ctx)
  local a = ctx.anchor
  local aday, ayear_known = anchor_day(a, ctx.guess_y)
  local p = {hh = x.hh, mi = x.mi, ss = x.ss}
  local known = true
  local year = x.y
  if x.yy then year = full_year(x.yy, (a and a.y) or ctx.year) end
  if x.carry then
    if not ctx.year then return nil end
    p.y, p.m, p.d = ctx.year, x.m, x.d
    return p, true
  end
  if x.rel then
    local u, n = x.rel.u, x.rel.n
    if u == "D" then
      if not aday then aday, ayear_known = anchor_day(a, nil, true) end
      if not aday then return {d = "X", hh = x.hh, mi = x.mi}, false end
      local y, m, d = cal.date(aday + n)
      p.y, p.m, p.d = ayear_known and y or nil, m, d
      return p, ayear_known
    elseif u == "W" then
      if not aday then
        if x.we then return {y = nil, week = nil, unknown = "XXXX-WXX-WE"}, false end
        return {unknown = "XXXX-WXX"}, false
      end
      local monday = aday - (cal.weekday(cal.date(aday)) - 1) + 7 * n
      if x.wd then
        local y, m, d = cal.date(monday + x.wd - 1)
        p.y, p.m, p.d = ayear_known and y or nil, m, d
        return p, ayear_known
      end
      local wy, w = cal.iso_week(cal.date(monday))
      p.y, p.week, p.we = ayear_known and wy or nil, w, x.we
      return p, ayear_known
    elseif u == "M" then
      if not (a and a.m) then return {unknown = "XXXX-XX"}, false end
      local y, m = cal.add_months(a.y or ctx.guess_y or 2000, a.m, n)
      p.y, p.m, p.d, p.mod = a.y and y or nil, m, x.d, x.mod
      return p, a.y ~= nil
    elseif u == "Q" then
      if not (a and a.m) then return {unknown = "XXXX-QX"}, false end
      local k = (a.y or 2000) * 4 + floor((a.m - 1) / 3) + n
      p.y, p.q = a.y and floor(k / 4) or nil, k % 4 + 1
      return p, a.y ~= nil
    elseif u == "Y" then
      local base = a and a.y
      if not base then
        p.y = nil
        known = false
      else
        p.y = base + n
      end
      p.m, p.d, p.q, p.h, p.season = x.m, x.d, x.q, x.h, x.season
      if x.lunar and x.m and x.d and p.y then
        local sy, sm, sd = lunar_solar(x.d, x.m, p.y, nil, x.eve)
        if sy then p.y, p.m, p.d = sy, sm, sd end
      end
      return p, known
    elseif u == "DE" then
      if not (a and a.y) then return {unknown = "XXXX"}, false end
      p.dec = floor(a.y / 10) + n
      return p, true
    elseif u == "CE" then
      if not (a and a.y) then return {unknown = "XXXX"}, false end
      p.cen = floor(a.y / 100) + n
      return p, true
    end
  end
  if x.cen then p.cen = x.cen return p, true end
  if x.dec then p.dec = x.dec return p, true end
  if x.dec2 then
    -- thập niên 80: the 1980s, or the 2010s for 10 in a text of 2017
    local ref = (a and a.y) or ctx.year or 2020
    local c = floor(ref / 100)
    local dec = c * 10 + x.dec2
    if dec * 10 > ref then dec = dec - 10 end
    p.dec = dec
    return p, true
  end
  if x.dec_prev_century then
    local ref = (a and a.y) or ctx.year
    if not ref then return {unknown = "XXXX"}, false end
    p.dec = (floor(ref / 100) - 1) * 10 + x.dec_prev_century
    return p, true
  end
  if x.can_chi then
    local near = (a and a.y) or ctx.year or ctx.guess_y
    if not near then return {unknown = "XXXX"}, false end
    local ly = lunar.year_of_can_chi(x.can_chi, near)
    if not ly then return nil end
    if x.tet then
      local ty, tm, td = lunar.tet(ly)
      p.y, p.m, p.d = ty, tm, td
      p.lunar_year = ly
      return p, true
    end
    p.y = ly
    return p, true
  end
  -- a bare weekday: the most recent one (today included) in a report, the next one where the clause looks ahead
  if x.wd and not x.d then
    if not aday then return {unknown = "XXXX-XX-XX"}, false end
    local wd = cal.weekday(cal.date(aday))
    local off
    if x.dir == "next" or (x.bare_wd and ctx.future) then
      off = (x.wd - wd) % 7
      if off == 0 then off = 7 end
    elseif x.dir == "this" then
      off = x.wd - wd
    else
      off = -((wd - x.wd) % 7)
      if x.dir == "last" and off == 0 then off = -7 end
    end
    local y, m, d = cal.date(aday + off)
    p.y, p.m, p.d = ayear_known and y or nil, m, d
    return p, ayear_known
  end
  -- tháng 3 tới: the next March
  if x.next_m and x.m then
    if not (a and a.m) then return {y = nil, m = x.m}, false end
    local y = a.y
    if y then
      if x.next_m > 0 and x.m <= a.m then y = y + 1 end
      if x.next_m < 0 and x.m >= a.m then y = y - 1 end
    end
    p.y, p.m = y, x.m
    return p, y ~= nil
  end
  -- explicit parts; the year from the text, else the sentence, else the document
  p.m, p.d, p.q, p.h, p.season = x.m, x.d, x.q, x.h, x.season
  -- a lunar date of a year named by the cycle (15 tháng Giêng năm Đinh Dậu): that lunar year nearest the text's
  if x.cc_year and not year then
    local near = (a and a.y) or ctx.year or ctx.guess_y
    if not near then return {unknown = "XXXX-XX-XX"}, false end
    year = lunar.year_of_can_chi(x.cc_year, near)
    if not year then return nil end
  end
  -- a lunar date without its year: the one nearest the document's date (23 tháng Chạp in January is last year's)
  if not year and x.lunar and x.m and x.d and aday then
    local sy, sm, sd = lunar_solar(x.d, x.m, nil, aday, x.eve)
    if sy then
      p.y, p.m, p.d = ayear_known and sy or nil, sm, sd
      return p, ayear_known
    end
  end
  if not year and (x.m or x.d or x.q or x.h or x.season or x.holiday) then
    year = ctx.year or (a and a.y)
  end
  p.y = year
  if x.lunar and x.m and x.d then
    local near = aday
    local sy, sm, sd = lunar_solar(x.d, x.m, year, near, x.eve)
    if not sy and ctx.guess_y and not year then
      sy, sm, sd = lunar_solar(x.d, x.m, ctx.guess_y, nil, x.eve)
      if sy then p.m, p.d, p.y = sm, sd, nil return p, false end
    end
    if not sy then return {unknown = "XXXX-XX-XX"}, false end
    p.y, p.m, p.d = sy, sm, sd
    return p, true
  end
  if x.first_week and x.m then
    if not year then return {unknown = "XXXX-WXX"}, false end
    local wy, w = cal.iso_week(year, x.m, cal.nth_weekday(year, x.m, 1, 1))
    return {y = wy, week = w}, true
  end
  if x.d == -1 and x.m then
    if not year then return {unknown = "XXXX-XX-XX"}, false end
    p.d = cal.month_days(year, x.m)
  end
  if p.d and x.m and year and not cal.valid(year, x.m, p.d) then return nil end
  if x.d and x.m and (x.m < 1 or x.m > 12) then return nil end
  if x.wd and x.d and x.m and not year and ctx.guess_y then p.y = nil end
  if not year and not x.m and not x.d then return nil end
  return p, year ~= nil
end

local function point_value(x, ctx)
  local p, anchored = M.point(x, ctx)
  if not p then return nil end
  if p.unknown then return p.unknown, false end
  if p.d == "X" then
    if p.hh then return string.format("XXXX-XX-XXT%02d:%02d", p.hh, p.mi or 0), false end
    return "XXXX-XX-XX", false
  end
  return fmt(p), anchored, p
end

--- The value, type and anchoring of a meaning; nil when it is no time after all.
function M.resolve(x, ctx)
  if x.k == "ref" then return x.v, "DATE", false end
  if x.k == "set" then return x.v, "SET", false end
  if x.k == "dur" then
    if x.n2 then return (x.approx and "~" or "") .. duration(x.n, x.u) .. "/" .. duration(x.n2, x.u), "DURATION", false end
    return (x.approx and "~" or "") .. duration(x.n, x.u), "DURATION", false
  end
  if x.k == "shift" then
    local a = ctx.anchor
    local n, u = x.n * x.dir, x.u
    local ap = x.approx and "~" or ""
    if u == "Y" then
      if not (a and a.y) then return "XXXX", "DATE", false end
      if n % 1 ~= 0 then n = n > 0 and math.ceil(n) or floor(n) end
      return ap .. Ys(a.y + floor(n)), "DATE", true
    elseif u == "M" then
      if not (a and a.m and a.y) then return "XXXX-XX", "DATE", false end
      local y, m = cal.add_months(a.y, a.m, floor(n))
      return ap .. Ys(y) .. "-" .. pad(m), "DATE", true
    elseif u == "D" or u == "W" then
      local aday, known = anchor_day(a, ctx.guess_y, true)
      if not aday then return "XXXX-XX-XX", "DATE", false end
      local y, m, d = cal.date(aday + floor(n * (u == "W" and 7 or 1)))
      return ap .. (known and Ys(y) or "XXXX") .. "-" .. pad(m) .. "-" .. pad(d), "DATE", known
    elseif u == "DE" then
      if not (a and a.y) then return "XXXX", "DATE", false end
      return ap .. Ys(a.y + floor(n * 10)), "DATE", true
    elseif u == "CE" then
      if not (a and a.y) then return "XXXX", "DATE", false end
      return ap .. Ys(a.y + floor(n * 100)), "DATE", true
    else
      return (x.dir > 0 and "FUTURE_REF" or "PAST_REF"), "DATE", false
    end
  end
  if x.k == "range" then
    local A, B = x.a, x.b
    if B.k == "now" then
      local va, ka, pa = point_value(A, ctx)
      if not va then return nil end
      local a = ctx.anchor
      local vb
      if pa and a and a.y then
        local grain = {y = a.y, m = (pa.m or pa.d) and a.m or nil, d = pa.d and a.d or nil}
        vb = fmt(grain)
      else vb = "PRESENT_REF" end
      return va .. "/" .. vb, "RANGE", ka and vb ~= "PRESENT_REF"
    end
    -- the end lends the start what it leaves out (10 - 12/9/2024), and the start the end (its year)
    for _, f in ipairs {"m", "y", "yy"} do
      if A[f] == nil and B[f] ~= nil and not (f == "m" and A.wd) then
        if not (f == "y" and (A.m and B.m and A.m > B.m)) then A[f] = B[f] end
        if f == "y" and A.m and B.m and A.m > B.m then A.y = B.y - 1 end
      end
    end
    if A.rel == nil and B.rel ~= nil and B.rel.u == "Y" and A.y == nil then A.rel = B.rel end
    -- 11-16 tháng Giêng (năm Đinh Dậu): both ends lunar, of the year the end names
    if B.lunar and A.d and not A.lunar and A.m == B.m then A.lunar, A.cc_year = true, B.cc_year end
    if B.y == nil and B.yy == nil and A.y ~= nil and not B.rel then B.y = A.y end
    local va, ka, pa = point_value(A, ctx)
    local vb, kb = point_value(B, ctx)
    if not va or not vb then return nil end
    -- từ thứ hai đến thứ sáu: the end is the first such weekday from the start on
    if A.bare_wd and B.bare_wd and pa and pa.m and pa.d then
      local y = pa.y or ctx.guess_y or 2000
      local z = cal.days(y, pa.m, pa.d) + (B.wd - A.wd) % 7
      local by, bm, bd = cal.date(z)
      vb = (pa.y and tostring(by) or "XXXX") .. "-" .. pad(bm) .. "-" .. pad(bd)
    end
    return (x.approx and "~" or "") .. va .. "/" .. vb, "RANGE", ka and kb
  end
  local v, anchored = point_value(x, ctx)
  if not v then return nil end
  local typ = (x.hh and x.d ~= nil or (x.hh and (x.rel or x.wd))) and "TIME" or "DATE"
  if x.hh and v:find("T") then typ = "TIME" end
  return (x.approx and x.y and not x.d and "~" or "") .. v, typ, anchored and not v:find("X")
end

-- ---- the value as Vietnamese writes it -------------------------------------------------------

local roman = {"I", "II", "III", "IV"}
local function day_vi(v)
  local y, m, d = v:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if y then return string.format("%d/%d/%s", tonumber(d), tonumber(m), y) end
end

--- A TIMEX3 value as a Vietnamese reader writes it: 2023-Q2 -> Quý II/2023, 2023-H1 -> 6 tháng đầu năm 2023,
-- 2017-01-28 -> 28/1/2017, 198X -> thập niên 1980, ~2019 -> khoảng năm 2019, P3D -> 3 ngày.
function M.vietnamese(v)
  if type(v) ~= "string" then return tostring(v) end
  local approx = v:sub(1, 1) == "~"
  if approx then v = v:sub(2) end
  local function one(s)
    local y, m, d, hh, mi = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d)")
    if y then return string.format("%s:%s %d/%d/%s", hh, mi, tonumber(d), tonumber(m), y) end
    local dv = day_vi(s)
    if dv then return dv end
    y, m = s:match("^(%d%d%d%d)%-(%d%d)$")
    if y then return string.format("tháng %d/%s", tonumber(m), y) end
    local q
    y, q = s:match("^(%d%d%d%d)%-Q(%d)$")
    if y then return string.format("Quý %s/%s", roman[tonumber(q)], y) end
    local h
    y, h = s:match("^(%d%d%d%d)%-H(%d)$")
    if y then return string.format("6 tháng %s năm %s", h == "1" and "đầu" or "cuối", y) end
    local w, we
    y, w, we = s:match("^(%d%d%d%d)%-W(%d%d)(%-?W?E?)$")
    if y then return string.format("%stuần %d/%s", we ~= "" and "cuối " or "", tonumber(w), y) end
    local sn
    y, sn = s:match("^(%d%d%d%d)%-(%u%u)$")
    if y then
      local name = ({SP = "mùa xuân", SU = "mùa hè", FA = "mùa thu", WI = "mùa đông"})[sn]
      if name then return name .. " năm " .. y end
    end
    local dec = s:match("^(%d%d%d)X$")
    if dec then return "thập niên " .. dec .. "0" end
    local cen = s:match("^(%d%d)XX$")
    if cen then return "thế kỷ " .. (tonumber(cen) + 1) end
    if s:match("^%d%d%d%d$") then return "năm " .. s end
    local bcy = s:match("^BC(%d+)$")
    if bcy then return "năm " .. tonumber(bcy) .. " TCN" end
    local n, u = s:match("^PT?([%dX.]+)(%u+)$")
    if n then
      local tu = s:find("^PT") and {H = "giờ", M = "phút", S = "giây"} or
        {D = "ngày", W = "tuần", M = "tháng", Y = "năm", Q = "quý", DE = "thập niên", CE = "thế kỷ"}
      if tu[u] then return (n == "X" and "nhiều" or n) .. " " .. tu[u] end
    end
    local refs = {PAST_REF = "trước đây", PRESENT_REF = "hiện nay", FUTURE_REF = "sắp tới"}
    if refs[s] then return refs[s] end
    return s
  end
  local a, b = v:match("^(.-)/(.+)$")
  local out
  if a and not v:match("^P") then
    -- the parts the two ends share written once: năm 2021 – 2025, 12 – 14/10/2021, 30/4 – 2/5/2024
    local ya, yb = a:match("^(%d%d%d%d)$"), b:match("^(%d%d%d%d)$")
    local y1, m1, d1 = a:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
    local y2, m2, d2 = b:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
    if ya and yb then
      out = "năm " .. ya .. " – " .. yb
    elseif y1 and y2 and y1 == y2 and m1 == m2 then
      out = string.format("%d – %d/%d/%s", tonumber(d1), tonumber(d2), tonumber(m2), y2)
    elseif y1 and y2 and y1 == y2 then
      out = string.format("%d/%d – %d/%d/%s", tonumber(d1), tonumber(m1), tonumber(d2), tonumber(m2), y2)
    else
      out = one(a) .. " – " .. one(b)
    end
  else
    out = one(v)
  end
  if approx then out = "khoảng " .. out end
  return out
end

return M
