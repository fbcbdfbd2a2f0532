--- vnt.calendar: proleptic Gregorian calendar arithmetic on whole days.
--
--   local cal = require "vnt.calendar"
--   cal.add_days(2024, 2, 28, 2)   --> 2024, 3, 1
--   cal.weekday(2017, 2, 2)        --> 4 (ISO: Monday 1 ... Sunday 7)
--   cal.iso_week(2021, 1, 3)       --> 2020, 53
--
-- Days are counted from 1970-01-01 (day 0), by the civil-from-days method:
-- no os.time, so any year works and no time zone or daylight saving enters.
-- @module vnt.calendar
local M = {}

local floor = math.floor

--- Day number of a date (1970-01-01 is 0).
function M.days(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

--- The date of a day number: y, m, d.
function M.date(z)
  z = z + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

--- Is y a leap year of the Gregorian calendar?
function M.leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end

local mdays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
--- Days in month m of year y.
function M.month_days(y, m)
  if m == 2 and M.leap(y) then return 29 end
  return mdays[m]
end

--- Whether y-m-d is a date of the calendar.
function M.valid(y, m, d)
  return m >= 1 and m <= 12 and d >= 1 and d <= M.month_days(y, m)
end

--- The date n days after y-m-d (n may be negative): y, m, d.
function M.add_days(y, m, d, n) return M.date(M.days(y, m, d) + n) end

--- ISO weekday: Monday 1 ... Sunday 7.
function M.weekday(y, m, d) return (M.days(y, m, d) + 3) % 7 + 1 end

--- ISO week: the week's year and number (weeks start on Monday; week 1 holds the year's first Thursday).
function M.iso_week(y, m, d)
  local z = M.days(y, m, d)
  local thursday = z - (M.weekday(y, m, d) - 1) + 3
  local ty = M.date(thursday)
  return ty, floor((thursday - M.days(ty, 1, 1)) / 7) + 1
end

--- The Monday of ISO week w of year y, as y, m, d.
function M.week_monday(y, w)
  local jan4 = M.days(y, 1, 4)
  local monday = jan4 - (M.weekday(y, 1, 4) - 1) + (w - 1) * 7
  return M.date(monday)
end

--- y, m moved by n months.
function M.add_months(y, m, n)
  local k = y * 12 + (m - 1) + n
  return floor(k / 12), k % 12 + 1
end

--- The n-th (1-based; -1 the last) weekday wd (ISO) of month m of year y, as a day of the month.
function M.nth_weekday(y, m, wd, n)
  if n > 0 then
    local first = M.weekday(y, m, 1)
    return 1 + (wd - first) % 7 + (n - 1) * 7
  end
  local last = M.month_days(y, m)
  return last - (M.weekday(y, m, last) - wd) % 7
end

return M
