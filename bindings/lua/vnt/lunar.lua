--- vnt.lunar: the Vietnamese lunisolar calendar (âm lịch), and with a time
-- zone of UTC+8 the Chinese one, computed from the sun and the moon.
--
--   local lunar = require "vnt.lunar"
--   lunar.to_lunar(2017, 1, 28)          --> 2017, 1, 1, false   (Tết Đinh Dậu)
--   lunar.to_solar(2017, 6, 1, true)     --> 2017, 7, 23          (the leap 6th month)
--   lunar.tet(1985)                      --> 1985, 1, 21          (UTC+7; 1985, 2, 20 at tz 8)
--   lunar.can_chi(2024)                  --> "Giáp Thìn"
--   lunar.year_of_can_chi("giáp thìn", 2000) --> 2024
--
-- How it is computed (the rules of the calendar as both countries publish
-- it, GB/T 33661-2017 for China):
--
--  * A month begins on the civil day, in the time zone `tz` (hours east of
--    Greenwich: 7 for Vietnam, the default; 8 for China), that holds the
--    instant of a new moon.  New moons come from Meeus, "Astronomical
--    Algorithms" (2nd ed.), ch. 49: the mean lunation, the 25 periodic terms
--    of the true new moon and the 14 planetary terms.
--  * The major solar terms (zhongqi) are the instants when the sun's
--    apparent longitude is a multiple of 30°.  The longitude is the Earth's
--    heliocentric one from Meeus's abridged VSOP87 (Appendix III), turned
--    geocentric, moved to the FK5 frame and to the IAU 2000 precession
--    rate, with nutation in longitude (the 34 largest IAU 1980 terms,
--    ch. 22) and aberration (ch. 25); each term is solved for by Newton's
--    method.
--  * Both instants are in Dynamical Time; ΔT (TT - UT) is the Espenak-Meeus
--    polynomial fit (NASA, 2006) of the observed and extrapolated values.
--  * The month holding the winter solstice is month 11.  When 13 months
--    begin between one month 11 and the next, the first of them that holds
--    no major solar term is a leap month (tháng nhuận) and takes the number
--    of the month before it.  The lunar year begins with month 1; months 11
--    and 12 belong to the year before the next month 1.
--
-- Against JPL's DE431 ephemeris, 1929-2100, new moons come within 17 s
-- (4.6 s rms) and major solar terms within 17 s (4 s rms); what is left
-- uncertain is mostly ΔT decades ahead.  With tz = 8 this is the Chinese
-- calendar as published from 1929 (when China began reckoning it at
-- UTC+8) to 2099: the spec checks it day by day against the table of
-- python3-lunardate, which it matches except for four known typos of that
-- table (months beginning in 1933, 1954, 1956 and 1978).  With tz = 7 it is
-- Vietnam's official calendar, reckoned at UTC+7 since 1968 (in the North;
-- the South joined in 1975); before that Vietnam used the UTC+8 calendar,
-- so pass tz = 8 for earlier dates.  Tết differs between the two in 1968,
-- 1969, 1985, 2007, 2030 and 2053 (e.g. 1985-01-21 in Vietnam,
-- 1985-02-20 in China).
--
-- All dates are proleptic Gregorian (y, m, d) integers.  Functions given a
-- date that does not exist return nil and a message.
-- @module vnt.lunar

local math, string, table, utf8, type, tostring, tonumber, os, ipairs = math, string, table, utf8, type, tostring,
                                                                                 tonumber, os, ipairs
local floor, sin, cos, rad, abs = math.floor, math.sin, math.cos, math.rad, math.abs

local M = {}

M.VIETNAM, M.CHINA = 7, 8

-- ---- days ----------------------------------------------------------------------------

--- The Julian Day Number of Gregorian date y-m-d (the JD at its noon).
function M.jdn(y, m, d)
  local a = (14 - m) // 12
  local yy, mm = y + 4800 - a, m + 12 * a - 3
  return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045
end

--- The Gregorian date y, m, d of Julian Day Number j.
function M.from_jdn(j)
  local a = j + 32044
  local b = (4 * a + 3) // 146097
  local c = a - 146097 * b // 4
  local d = (4 * c + 3) // 1461
  local e = c - 1461 * d // 4
  local m = (5 * e + 2) // 153
  return 100 * b + d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1
end

local jdn, from_jdn = M.jdn, M.from_jdn

local function is_int(x) return math.type(x) == "integer" or (type(x) == "number" and x == floor(x)) end

local function valid_solar(y, m, d)
  if not (is_int(y) and is_int(m) and is_int(d)) then return false end
  if m < 1 or m > 12 or d < 1 or d > 31 then return false end
  local y2, m2, d2 = from_jdn(jdn(y, m, d))
  return y2 == y and m2 == m and d2 == d
end

local function check_tz(tz)
  tz = tz or M.VIETNAM
  if type(tz) ~= "number" or tz < -12 or tz > 14 then error("vnt.lunar: tz must be hours east of UTC (-12..14)", 3) end
  return tz
end

-- ---- ΔT = TT - UT, in seconds (Espenak & Meeus polynomials) ---------------------------

local function delta_t(year)
  local y = year
  if y < 1860 then
    local u = (y - 1820) / 100
    return -20 + 32 * u * u
  elseif y < 1900 then
    local t = y - 1860
    return 7.62 + 0.5737 * t - 0.251754 * t ^ 2 + 0.01680668 * t ^ 3 - 0.0004473624 * t ^ 4 + t ^ 5 / 233174
  elseif y < 1920 then
    local t = y - 1900
    return -2.79 + 1.494119 * t - 0.0598939 * t ^ 2 + 0.0061966 * t ^ 3 - 0.000197 * t ^ 4
  elseif y < 1941 then
    local t = y - 1920
    return 21.20 + 0.84493 * t - 0.076100 * t ^ 2 + 0.0020936 * t ^ 3
  elseif y < 1961 then
    local t = y - 1950
    return 29.07 + 0.407 * t - t ^ 2 / 233 + t ^ 3 / 2547
  elseif y < 1986 then
    local t = y - 1975
    return 45.45 + 1.067 * t - t ^ 2 / 260 - t ^ 3 / 718
  elseif y < 2005 then
    local t = y - 2000
    return 63.86 + 0.3345 * t - 0.060374 * t ^ 2 + 0.0017275 * t ^ 3 + 0.000651814 * t ^ 4 + 0.00002373599 * t ^ 5
  elseif y < 2050 then
    local t = y - 2000
    return 62.92 + 0.32217 * t + 0.005589 * t ^ 2
  elseif y < 2150 then
    local u = (y - 1820) / 100
    return -20 + 32 * u * u - 0.5628 * (2150 - y)
  end
  local u = (y - 1820) / 100
  return -20 + 32 * u * u
end

--- ΔT = TT - UT in seconds for the (fractional) year `year`.
M.delta_t = delta_t

-- the civil day number, in zone tz, of the Dynamical-Time instant jde
local function local_day(jde, tz)
  local year = 2000 + (jde - 2451545) / 365.25
  local jd_ut = jde - delta_t(year) / 86400
  return floor(jd_ut + 0.5 + tz / 24)
end

-- ---- new moons (Meeus ch. 49) ---------------------------------------------------------

-- periodic terms of the true new moon: coefficient, power of E, and the
-- multiples of M (sun's anomaly), M' (moon's anomaly), F (argument of
-- latitude), Omega (ascending node)
local moon_terms = {
  {-0.40720, 0, 0, 1, 0, 0}, {0.17241, 1, 1, 0, 0, 0}, {0.01608, 0, 0, 2, 0, 0},
  {0.01039, 0, 0, 0, 2, 0}, {0.00739, 1, -1, 1, 0, 0}, {-0.00514, 1, 1, 1, 0, 0},
  {0.00208, 2, 2, 0, 0, 0}, {-0.00111, 0, 0, 1, -2, 0}, {-0.00057, 0, 0, 1, 2, 0},
  {0.00056, 1, 1, 2, 0, 0}, {-0.00042, 0, 0, 3, 0, 0}, {0.00042, 1, 1, 0, 2, 0},
  {0.00038, 1, 1, 0, -2, 0}, {-0.00024, 1, -1, 2, 0, 0}, {-0.00017, 0, 0, 0, 0, 1},
  {-0.00007, 0, 2, 1, 0, 0}, {0.00004, 0, 0, 2, -2, 0}, {0.00004, 0, 3, 0, 0, 0},
  {0.00003, 0, 1, 1, -2, 0}, {0.00003, 0, 0, 2, 2, 0}, {-0.00003, 0, 1, 1, 2, 0},
  {0.00003, 0, -1, 1, 2, 0}, {-0.00002, 0, -1, 1, -2, 0}, {-0.00002, 0, 1, 3, 0, 0},
  {0.00002, 0, 0, 4, 0, 0},
}

-- the planetary arguments A1..A14: constant, rate per lunation, coefficient
local planet_terms = {
  {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
  {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
  {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
  {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
  {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
}

--- The instant (JDE, Dynamical Time) of new moon number k; k = 0 is the new
-- moon of 2000-01-06.
function M.new_moon(k)
  local T = k / 1236.85
  local T2, T3, T4 = T * T, T * T * T, T * T * T * T
  local jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4
  local E = 1 - 0.002516 * T - 0.0000074 * T2
  local Ms = rad(2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3)
  local Mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4)
  local F = rad(160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4)
  local Om = rad(124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3)
  local sum = 0
  for i = 1, #moon_terms do
    local t = moon_terms[i]
    local c = t[1]
    if t[2] == 1 then c = c * E elseif t[2] == 2 then c = c * E * E end
    sum = sum + c * sin(t[3] * Ms + t[4] * Mm + t[5] * F + t[6] * Om)
  end
  for i = 1, #planet_terms do
    local p = planet_terms[i]
    local a = p[1] + p[2] * k
    if i == 1 then a = a - 0.009173 * T2 end
    sum = sum + p[3] * sin(rad(a))
  end
  return jde + sum
end

-- ---- the sun's apparent longitude ----------------------------------------------------

-- The Earth's heliocentric longitude, VSOP87 as abridged in Meeus's
-- Appendix III: series L0..L5 of {A, B, C}, each A cos(B + C tau), tau in
-- Julian millennia from J2000.0, in 1e-8 radians.
local L_series = {
  { -- L0
    {175347046, 0, 0}, {3341656, 4.6692568, 6283.0758500}, {34894, 4.62610, 12566.15170},
    {3497, 2.7441, 5753.3849}, {3418, 2.8289, 3.5231}, {3136, 3.6277, 77713.7715},
    {2676, 4.4181, 7860.4194}, {2343, 6.1352, 3930.2097}, {1324, 0.7425, 11506.7698},
    {1273, 2.0371, 529.6910}, {1199, 1.1096, 1577.3435}, {990, 5.233, 5884.927},
    {902, 2.045, 26.298}, {857, 3.508, 398.149}, {780, 1.179, 5223.694},
    {753, 2.533, 5507.553}, {505, 4.583, 18849.228}, {492, 4.205, 775.523},
    {357, 2.920, 0.067}, {317, 5.849, 11790.629}, {284, 1.899, 796.298},
    {271, 0.315, 10977.079}, {243, 0.345, 5486.778}, {206, 4.806, 2544.314},
    {205, 1.869, 5573.143}, {202, 2.458, 6069.777}, {156, 0.833, 213.299},
    {132, 3.411, 2942.463}, {126, 1.083, 20.775}, {115, 0.645, 0.980},
    {103, 0.636, 4694.003}, {102, 0.976, 15720.839}, {102, 4.267, 7.114},
    {99, 6.21, 2146.17}, {98, 0.68, 155.42}, {86, 5.98, 161000.69},
    {85, 1.30, 6275.96}, {85, 3.67, 71430.70}, {80, 1.81, 17260.15},
    {79, 3.04, 12036.46}, {75, 1.76, 5088.63}, {74, 3.50, 3154.69},
    {74, 4.68, 801.82}, {70, 0.83, 9437.76}, {62, 3.98, 8827.39},
    {61, 1.82, 7084.90}, {57, 2.78, 6286.60}, {56, 4.39, 14143.50},
    {56, 3.47, 6279.55}, {52, 0.19, 12139.55}, {52, 1.33, 1748.02},
    {51, 0.28, 5856.48}, {49, 0.49, 1194.45}, {41, 5.37, 8429.24},
    {41, 2.40, 19651.05}, {39, 6.17, 10447.39}, {37, 6.04, 10213.29},
    {37, 2.57, 1059.38}, {36, 1.71, 2352.87}, {36, 1.78, 6812.77},
    {33, 0.59, 17789.85}, {30, 0.44, 83996.85}, {30, 2.74, 1349.87},
    {25, 3.16, 4690.48},
  },
  { -- L1
    {628331966747, 0, 0}, {206059, 2.678235, 6283.075850}, {4303, 2.6351, 12566.1517},
    {425, 1.590, 3.523}, {119, 5.796, 26.298}, {109, 2.966, 1577.344},
    {93, 2.59, 18849.23}, {72, 1.14, 529.69}, {68, 1.87, 398.15},
    {67, 4.41, 5507.55}, {59, 2.89, 5223.69}, {56, 2.17, 155.42},
    {45, 0.40, 796.30}, {36, 0.47, 775.52}, {29, 2.65, 7.11},
    {21, 5.34, 0.98}, {19, 1.85, 5486.78}, {19, 4.97, 213.30},
    {17, 2.99, 6275.96}, {16, 0.03, 2544.31}, {16, 1.43, 2146.17},
    {15, 1.21, 10977.08}, {12, 2.83, 1748.02}, {12, 3.26, 5088.63},
    {12, 5.27, 1194.45}, {12, 2.08, 4694.00}, {11, 0.77, 553.57},
    {10, 1.30, 6286.60}, {10, 4.24, 1349.87}, {9, 2.70, 242.73},
    {9, 5.64, 951.72}, {8, 5.30, 2352.87}, {6, 2.65, 9437.76},
    {6, 4.67, 4690.48},
  },
  { -- L2
    {52919, 0, 0}, {8720, 1.0721, 6283.0758}, {309, 0.867, 12566.152},
    {27, 0.05, 3.52}, {16, 5.19, 26.30}, {16, 3.68, 155.42},
    {10, 0.76, 18849.23}, {9, 2.06, 77713.77}, {7, 0.83, 775.52},
    {5, 4.66, 1577.34}, {4, 1.03, 7.11}, {4, 3.44, 5573.14},
    {3, 5.14, 796.30}, {3, 6.05, 5507.55}, {3, 1.19, 242.73},
    {3, 6.12, 529.69}, {3, 0.31, 398.15}, {3, 2.28, 553.57},
    {2, 4.38, 5223.69}, {2, 3.75, 0.98},
  },
  { -- L3
    {289, 5.844, 6283.076}, {35, 0, 0}, {17, 5.49, 12566.15},
    {3, 5.20, 155.42}, {1, 4.72, 3.52}, {1, 5.30, 18849.23},
    {1, 5.97, 242.73},
  },
  { -- L4
    {114, 3.142, 0}, {8, 4.13, 6283.08}, {1, 3.84, 12566.15},
  },
  { -- L5
    {1, 3.14, 0},
  },
}

-- The Earth's radius vector, the main terms of R0 and R1 (AU; for aberration only).
local R_series = {
  {{100013989, 0, 0}, {1670700, 3.0984635, 6283.0758500}, {13956, 3.05525, 12566.15170},
   {3084, 5.1985, 77713.7715}, {1628, 1.1739, 5753.3849}, {1576, 2.8469, 7860.4194}},
  {{103019, 1.107490, 6283.075850}, {1721, 1.0644, 12566.1517}},
}

local function series(list, tau)
  local total, power = 0, 1
  for i = 1, #list do
    local s = 0
    local terms = list[i]
    for j = 1, #terms do
      local t = terms[j]
      s = s + t[1] * cos(t[2] + t[3] * tau)
    end
    total = total + s * power
    power = power * tau
  end
  return total * 1e-8
end

-- Nutation in longitude: the largest terms of the IAU 1980 series (Meeus
-- Table 22.A), to about 0.003".  Each term: multiples of D, M, M', F, Omega,
-- then the coefficient and its rate per century, in 0.0001".
local nutation_terms = {
  {0, 0, 0, 0, 1, -171996, -174.2}, {-2, 0, 0, 2, 2, -13187, -1.6}, {0, 0, 0, 2, 2, -2274, -0.2},
  {0, 0, 0, 0, 2, 2062, 0.2}, {0, 1, 0, 0, 0, 1426, -3.4}, {0, 0, 1, 0, 0, 712, 0.1},
  {-2, 1, 0, 2, 2, -517, 1.2}, {0, 0, 0, 2, 1, -386, -0.4}, {0, 0, 1, 2, 2, -301, 0},
  {-2, -1, 0, 2, 2, 217, -0.5}, {-2, 0, 1, 0, 0, -158, 0}, {-2, 0, 0, 2, 1, 129, 0.1},
  {0, 0, -1, 2, 2, 123, 0}, {2, 0, 0, 0, 0, 63, 0}, {0, 0, 1, 0, 1, 63, 0.1},
  {2, 0, -1, 2, 2, -59, 0}, {0, 0, -1, 0, 1, -58, -0.1}, {0, 0, 1, 2, 1, -51, 0},
  {-2, 0, 2, 0, 0, 48, 0}, {0, 0, -2, 2, 1, 46, 0}, {2, 0, 0, 2, 2, -38, 0},
  {0, 0, 2, 2, 2, -31, 0}, {0, 0, 2, 0, 0, 29, 0}, {-2, 0, 1, 2, 2, 29, 0},
  {0, 0, 0, 2, 0, 26, 0}, {-2, 0, 0, 2, 0, -22, 0}, {0, 0, -1, 2, 1, 21, 0},
  {0, 2, 0, 0, 0, 17, -0.1}, {2, 0, -1, 0, 1, 16, 0}, {-2, 2, 0, 2, 2, -16, 0.1},
  {0, 1, 0, 0, 1, -15, 0}, {-2, 0, 1, 0, 1, -13, 0}, {0, -1, 0, 0, 1, -12, 0},
  {0, 0, 2, -2, 0, 11, 0},
}

-- Δψ in arcseconds, T in Julian centuries from J2000.0
local function nutation_longitude(T)
  local T2, T3 = T * T, T * T * T
  local D = rad(297.85036 + 445267.111480 * T - 0.0019142 * T2 + T3 / 189474)
  local Ms = rad(357.52772 + 35999.050340 * T - 0.0001603 * T2 - T3 / 300000)
  local Mm = rad(134.96298 + 477198.867398 * T + 0.0086972 * T2 + T3 / 56250)
  local F = rad(93.27191 + 483202.017538 * T - 0.0036825 * T2 + T3 / 327270)
  local Om = rad(125.04452 - 1934.136261 * T + 0.0020708 * T2 + T3 / 450000)
  local sum = 0
  for i = 1, #nutation_terms do
    local t = nutation_terms[i]
    sum = sum + (t[6] + t[7] * T) * sin(t[1] * D + t[2] * Ms + t[3] * Mm + t[4] * F + t[5] * Om)
  end
  return sum * 1e-4
end

--- The sun's apparent geocentric longitude, in degrees [0, 360), at the
-- Dynamical-Time instant jde.
function M.sun_longitude(jde)
  local tau = (jde - 2451545) / 365250
  local T = tau * 10
  local L = series(L_series, tau)   -- radians, heliocentric, of date
  local R = series(R_series, tau)
  local theta = math.deg(L) + 180   -- geocentric
  -- to FK5, and from the IAU 1976 precession of VSOP87's equinox of date to
  -- the IAU 2000 rate (0.29965" a century less)
  theta = theta - (0.09033 + 0.29965 * T) / 3600
  local dpsi = nutation_longitude(T)
  -- aberration
  local lambda = theta + (dpsi - 20.4898 / R) / 3600
  return lambda % 360
end

--- The instant (JDE) when the sun's apparent longitude is `lon` degrees,
-- the one nearest to the instant `guess`.
function M.solar_term(lon, guess)
  local jde = guess
  for _ = 1, 20 do
    local d = (lon - M.sun_longitude(jde) + 180) % 360 - 180
    jde = jde + d * (365.2422 / 360)
    if abs(d) < 1e-7 then break end
  end
  return jde
end

-- ---- month starts and major solar terms, as local day numbers, cached -------------------

local caches = {}   -- caches[tz] = {moon = {[k] = day}, term = {[n] = day}, sui = {[year] = ...}}
local function cache_for(tz)
  local c = caches[tz]
  if not c then
    c = {moon = {}, term = {}, sui = {}}
    caches[tz] = c
  end
  return c
end

local function moon_day(c, k, tz)
  local d = c.moon[k]
  if not d then
    d = local_day(M.new_moon(k), tz)
    c.moon[k] = d
  end
  return d
end

-- Major solar term number n: n = 0 is the winter solstice of 2000, n = 12 (Y - 2000)
-- that of year Y, and n + 1 comes 30° of solar longitude after n.
local function term_day(c, n, tz)
  local d = c.term[n]
  if not d then
    local lon = (270 + 30 * n) % 360
    d = local_day(M.solar_term(lon, 2451900.06 + n * (365.242189 / 12)), tz)
    c.term[n] = d
  end
  return d
end

-- the number k of the new moon that begins month 11 of Gregorian year y (the month
-- holding the winter solstice)
local function month11_k(c, y, tz)
  local ws = term_day(c, 12 * (y - 2000), tz)
  local k = floor((ws - 2451550.1) / 29.530588861)
  while moon_day(c, k, tz) > ws do k = k - 1 end
  while moon_day(c, k + 1, tz) <= ws do k = k + 1 end
  return k
end

-- The months from month 11 of year a to month 11 of a + 1 (a suì): a list of
-- {start = day, len = days, month = 1..12, leap = bool, year = lunar year}.
local function sui(c, a, tz)
  local s = c.sui[a]
  if s then return s end
  local k1, k2 = month11_k(c, a, tz), month11_k(c, a + 1, tz)
  local n = k2 - k1
  local starts = {}
  for i = 0, n do starts[i] = moon_day(c, k1 + i, tz) end
  local leap_index
  if n == 13 then
    -- the major terms of the suì: the solstice of a (n0) to that of a + 1 (n0 + 12)
    local n0 = 12 * (a - 2000)
    local t, ti = {}, 0
    for j = 0, 12 do t[j] = term_day(c, n0 + j, tz) end
    for i = 1, 12 do
      while ti < 12 and t[ti] < starts[i] do ti = ti + 1 end
      if not (t[ti] >= starts[i] and t[ti] < starts[i + 1]) then
        leap_index = i
        break
      end
    end
  end
  s = {}
  local month, year = 11, a
  for i = 0, n - 1 do
    local leap = (i == leap_index)
    if i > 0 and not leap then
      month = month % 12 + 1
      if month == 1 then year = a + 1 end
    end
    s[i + 1] = {start = starts[i], len = starts[i + 1] - starts[i], month = month, leap = leap, year = year}
  end
  c.sui[a] = s
  return s
end

-- ---- the conversions -----------------------------------------------------------------

--- The lunar date of Gregorian date y-m-d in time zone tz (hours east of
-- UTC; default 7, Vietnam): lunar year, month (1-12), day (1-30), and
-- whether the month is a leap month.  nil and a message for a date that
-- does not exist.
function M.to_lunar(y, m, d, tz)
  tz = check_tz(tz)
  if not valid_solar(y, m, d) then
    return nil, string.format("no such date: %s-%s-%s", tostring(y), tostring(m), tostring(d))
  end
  y, m, d = floor(y), floor(m), floor(d)
  local c = cache_for(tz)
  local j = jdn(y, m, d)
  local a = y
  if j < moon_day(c, month11_k(c, y, tz), tz) then a = y - 1 end
  local s = sui(c, a, tz)
  for i = #s, 1, -1 do
    local mo = s[i]
    if j >= mo.start then return mo.year, mo.month, j - mo.start + 1, mo.leap end
  end
  error("vnt.lunar: internal error: day " .. j .. " outside its suì")   -- not reached
end

--- The Gregorian date of lunar date ly/lm/ld (leap: true for the leap month)
-- in time zone tz (default 7).  nil and a message when the lunar date does
-- not exist: day 30 of a 29-day month, a leap month the year does not have.
function M.to_solar(ly, lm, ld, leap, tz)
  tz = check_tz(tz)
  if not (is_int(ly) and is_int(lm) and is_int(ld)) or lm < 1 or lm > 12 or ld < 1 or ld > 30 then
    return nil, string.format("no such lunar date: %s/%s/%s", tostring(ld), tostring(lm), tostring(ly))
  end
  ly, lm, ld = floor(ly), floor(lm), floor(ld)
  leap = leap and true or false
  local c = cache_for(tz)
  local s = sui(c, lm >= 11 and ly or ly - 1, tz)
  for _, mo in ipairs(s) do
    if mo.year == ly and mo.month == lm and mo.leap == leap then
      if ld > mo.len then
        return nil, string.format("month %d%s of lunar year %d has %d days, not %d", lm, leap and " (leap)" or "",
                                  ly, mo.len, ld)
      end
      return from_jdn(mo.start + ld - 1)
    end
  end
  return nil, string.format("lunar year %d has no leap month %d", ly, lm)
end

--- The Gregorian date of Tết (lunar 1/1) of lunar year y, in time zone tz (default 7).
function M.tet(y, tz)
  return M.to_solar(y, 1, 1, false, tz)
end

--- The months of lunar year ly in order: a list of {month, leap, days,
-- y, m, d (the first day)}.
function M.months(ly, tz)
  tz = check_tz(tz)
  local c = cache_for(tz)
  local list = {}
  for _, a in ipairs {ly - 1, ly} do
    for _, mo in ipairs(sui(c, a, tz)) do
      if mo.year == ly then
        local y, m, d = from_jdn(mo.start)
        list[#list + 1] = {month = mo.month, leap = mo.leap, days = mo.len, y = y, m = m, d = d}
      end
    end
  end
  return list
end

-- ---- the sexagenary cycle --------------------------------------------------------------

M.CAN = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
M.CHI = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}

--- The name of lunar year ly in the sexagenary cycle, e.g. 2024 -> "Giáp Thìn".
function M.can_chi(ly)
  if not is_int(ly) then return nil, "not a year: " .. tostring(ly) end
  ly = floor(ly)
  return M.CAN[(ly + 6) % 10 + 1] .. " " .. M.CHI[(ly + 8) % 12 + 1]
end

-- Names are compared in a canonical decomposed lower-case form, so that NFC,
-- NFD and mixed input, in any case, compare alike.  The decompositions of the
-- precomposed letters the names use (both cases):
local decomp = {}
do
  local list = {
    -- codepoint (lower), base, marks...
    {0xE1, "a", 0x301}, {0xE2, "a", 0x302}, {0xE3, "a", 0x303}, {0xEC, "i", 0x300}, {0xED, "i", 0x301},
    {0xF9, "u", 0x300}, {0xFD, "y", 0x301}, {0x1EA5, "a", 0x302, 0x301}, {0x1EA7, "a", 0x302, 0x300},
    {0x1EAD, "a", 0x323, 0x302}, {0x1EC9, "i", 0x309}, {0x1ECB, "i", 0x323}, {0x1ECD, "o", 0x323},
    {0x1EE3, "o", 0x31B, 0x323}, {0x1EED, "u", 0x31B, 0x309}, {0x1EF5, "y", 0x323}, {0x1EF7, "y", 0x309},
    {0x1A1, "o", 0x31B}, {0x1B0, "u", 0x31B}, {0xF3, "o", 0x301}, {0xF2, "o", 0x300}, {0xE0, "a", 0x300},
  }
  for _, e in ipairs(list) do
    local v = {e[2], table.unpack(e, 3)}
    decomp[e[1]] = v
    -- the capital: Latin-1 letters are 0x20 below, Latin Extended Additional and
    -- Latin Extended-B (ơ, ư) 1 below
    decomp[e[1] < 0x100 and e[1] - 0x20 or e[1] - 1] = v
  end
  decomp[0x110] = {"đ"}
  decomp[0x111] = {"đ"}
  decomp[0xD0] = {"đ"}   -- Ð (eth), a common stand-in for Đ
end
-- canonical combining classes of the marks (dot below 220, horn 216, the rest 230)
local ccc = {[0x323] = 220, [0x31B] = 216}

local function name_key(s)
  if type(s) ~= "string" or not utf8.len(s) then return nil end
  local out = {}
  local base, marks = nil, {}
  local function flush()
    if base then
      -- canonical order: a stable sort of the marks by combining class
      for i = 2, #marks do
        local m, j = marks[i], i - 1
        while j >= 1 and (ccc[marks[j]] or 230) > (ccc[m] or 230) do
          marks[j + 1] = marks[j]
          j = j - 1
        end
        marks[j + 1] = m
      end
      out[#out + 1] = base
      for _, m in ipairs(marks) do out[#out + 1] = utf8.char(m) end
    end
    base, marks = nil, {}
  end
  for _, cp in utf8.codes(s) do
    if cp >= 0x300 and cp <= 0x36F then
      if not base then return nil end
      marks[#marks + 1] = cp
    else
      flush()
      local d = decomp[cp]
      if d then
        base = d[1]
        for i = 2, #d do marks[#marks + 1] = d[i] end
      elseif cp < 0x80 then
        local ch = string.char(cp):lower()
        if ch:match("[%s%-_]") then
          if #out > 0 and out[#out] ~= " " then out[#out + 1] = " " end
        else
          base = ch
        end
      else
        base = utf8.char(cp)
      end
    end
  end
  flush()
  if out[#out] == " " then out[#out] = nil end
  return table.concat(out)
end

-- key -> index 0..9 (can) and 0..11 (chi); Tị (and the old Tí, Kỉ, Quí) too
local can_index, chi_index = {}, {}
for i, n in ipairs(M.CAN) do can_index[name_key(n)] = i - 1 end
for i, n in ipairs(M.CHI) do chi_index[name_key(n)] = i - 1 end
chi_index[name_key("Tị")] = 5
chi_index[name_key("Tí")] = 0
can_index[name_key("Kỉ")] = 5
can_index[name_key("Quí")] = 9

--- The lunar year named `name` in the sexagenary cycle ("Giáp Thìn", in
-- any case, NFC or not; Tỵ and Tị both accepted) nearest to near_year
-- (default: the current year; on a tie, the earlier one).  nil for an
-- unknown name or a can and chi that never go together.
function M.year_of_can_chi(name, near_year)
  local key = name_key(name)
  if not key then return nil end
  local a, b = key:match("^(%S+) (%S+)$")
  if not a then return nil end
  local ci, zi = can_index[a], chi_index[b]
  if not ci or not zi or ci % 2 ~= zi % 2 then return nil end
  near_year = near_year or tonumber(os.date("%Y"))
  if not is_int(near_year) then return nil end
  near_year = floor(near_year)
  -- position in the 60-year cycle, 0 = Giáp Tý (1984)
  local pos = (6 * ci - 5 * zi) % 60
  local below = near_year - (near_year - 4 - pos) % 60
  local above = below + 60
  if near_year - below <= above - near_year then return below end
  return above
end

return M
