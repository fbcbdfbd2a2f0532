--- vnt.clean: article text apart from web debris, line by line, with reasons.
--
-- Scraped news keeps what the page showed around the article: captions
-- (ending in " |", or under an image file name, or ending in a photo
-- credit), the caption's duplicate from the image's alt text, photo credits,
-- share and navigation buttons, related links, bylines and timestamps,
-- source lines, footers.  clean(text) keeps the article and the title,
-- moves author, date and source into metadata, and says why each dropped
-- line went.  Every rule looks at one line and its neighbours; none drops a
-- line of ordinary prose (a long line that ends in a full stop and carries
-- no marker of its own).
-- @module vnt.clean
local vnt = require "vnt"

local string, table, ipairs, pairs, utf8, setmetatable, math = string, table, ipairs, pairs, utf8, setmetatable, math

local M = {}

-- The ends of long lines are looked at byte by byte from the end: a pattern
-- anchored only at "$" would be tried at every position of the paragraph.
local space = {[9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true}
local function rstrip_len(s, set)
  local j = #s
  while j > 0 and set[s:byte(j)] do j = j - 1 end
  return j
end

local function trim(s)
  local i = s:find("%S")
  if not i then return "" end
  local j = rstrip_len(s, space)
  if i == 1 and j == #s then return s end
  return s:sub(i, j)
end

local function ends_with(s, suffix) return #s >= #suffix and s:sub(-#suffix) == suffix end

local function words(s)
  local t = {}
  for w in s:gmatch("%S+") do t[#t + 1] = w end
  return t
end
-- how many words s has, counted up to `upto` (no table of them)
local function nwords(s, upto)
  local n = 0
  for _ in s:gmatch("%S+") do
    n = n + 1
    if upto and n >= upto then break end
  end
  return n
end

local function capitalized(w)
  local c = utf8.codepoint(w, 1)
  local first = utf8.char(c)
  return vnt.upper(first) == first and vnt.lower(first) ~= first
end

--- Does s look like a person's name: 2 to 5 capitalized syllables, nothing else?
local function name_like(s)
  if #s > 60 then return false end   -- five syllables are never this long: no need to split a paragraph
  local ws = words(s)
  if #ws < 2 or #ws > 5 then return false end
  for _, w in ipairs(ws) do
    if not capitalized(w) or w:find("[%d%p]") then return false end
  end
  return true
end
M.name_like = name_like

-- lines that are buttons, navigation or page furniture, whole
local furniture = {
  {"share", {"^chia sẻ", "^share", "^tweet", "^like$", "^thích$", "^bình luận", "^gửi bình luận", "^in bài",
             "^zalo$", "^facebook$", "^email$", "^copy link", "^sao chép liên kết", "^lưu bài"}},
  {"related-link", {"^bài liên quan", "^tin liên quan", "^xem thêm", "^đọc thêm", "^tin cùng chuyên mục",
                    "^tin khác", "^bài viết liên quan", "^có thể bạn quan tâm"}},
  {"navigation", {"^đừng bỏ lỡ$", "^nổi bật", "^tin nổi bật", "^xem nhiều", "^đọc nhiều", "^tin mới nhất",
                  "^mới nhất$", "^trang chủ", "^quay lại", "^lên đầu trang", "^về đầu trang"}},
  {"footer", {"^powered by", "^bản quyền", "^copyright", "^©", "^liên hệ quảng cáo", "^giấy phép", "^tổng biên tập:",
              "^ghi rõ nguồn"}},
  {"section-label", {"^từ khóa:", "^từ khoá:", "^tags?:", "^chủ đề:"}},
  {"source", {"^nguồn:", "^nguồn :", "^theo [%a%s]*%.%a%a%a?$"}},
}

local function furniture_of(lower)
  for _, group in ipairs(furniture) do
    for _, pat in ipairs(group[2]) do
      if lower:find(pat) then return group[1] end
    end
  end
end

local function is_image_name(s)
  return s:find("^%S+%.[Jj][Pp][Ee]?[Gg]$") or s:find("^%S+%.[Pp][Nn][Gg]$") or s:find("^%S+%.[Gg][Ii][Ff]$")
      or s:find("^%S+%.[Ww][Ee][Bb][Pp]$")
end

-- A date, maybe with a time and a weekday, and nothing else: a timestamp.
local function is_timestamp(s)
  local t = s:gsub("^[%a\128-\255]+%s*[%a\128-\255]*,%s*", "")   -- "Thứ hai, "
  t = t:gsub("%s*%(?GMT%s*[+-]%d+:?%d*%)?%s*$", "")   -- (GMT+7), GMT+7, GMT+07:00
  return t:find("^%d%d?/%d%d?/%d%d%d%d,?%s*%d%d?:%d%d$") or t:find("^%d%d?:%d%d,?%s*%d%d?/%d%d?/%d%d%d%d$")
      or t:find("^%d%d?/%d%d?/%d%d%d%d$")
end

-- "Hoàng Linh 12/06/2023 16:50": an author and a timestamp.
local function byline_with_date(s)
  local name, date = s:match("^(.-)%s+(%d%d?/%d%d?/%d%d%d%d.*)$")
  if name and name_like(name) and is_timestamp(date) then return name, date end
end

-- A photo credit at the end of a line: "... Ảnh: Minh Khoa", "... Ảnh Nhật Huy.",
-- "(Ảnh: TTXVN)".  Returns the credit, or nil.
local credit_tail = {[46] = true, [41] = true}   -- . )
for b in pairs(space) do credit_tail[b] = true end
local function credit_at_end(s)
  local body = s:sub(1, rstrip_len(s, credit_tail))
  for _, lead in ipairs {"Ảnh minh họa", "Ảnh minh hoạ", "Ảnh", "ảnh", "Nguồn ảnh", "Photo"} do
    -- the credit ends the line and is short: look only at the end (ảnh is
    -- also in "hình ảnh", "ảnh hưởng", all over a long paragraph)
    local pos = math.max(1, #body - 60 - #lead - 4)
    while true do
      local a, b = body:find(lead, pos, true)
      if not a then break end
      local before = a == 1 and "" or body:sub(a - 1, a - 1)
      local who = body:sub(b + 1):gsub("^%s*:?%s*", "")
      if (before == "" or before:find("[%s%.%(%-]")) and who ~= "" and #who <= 60 and
         (name_like(who) or (who:find("^[%u%d][%u%d]+$")) or (nwords(who, 2) == 1 and capitalized(who))) then
        return trim(body:sub(a))
      end
      pos = b + 1
    end
  end
end
M.credit_at_end = credit_at_end

-- "Tin tức - Thời sự", "Kinh tế > Thị trường": short capitalized items
-- joined by " - ", " > " or " » ", nothing else.
local function breadcrumb(s)
  if s:find("[%.,:;!?]") then return false end
  local items = 0
  for item in (s .. " - "):gsub(" [>»] ", " - "):gmatch("(.-) %- ") do
    local ws = words(item)
    if #ws == 0 or #ws > 3 or not capitalized(ws[1]) then return false end
    items = items + 1
  end
  return items >= 2 and items <= 5
end

local function is_prose(s)
  return #s > 200 or ((ends_with(s, ".") or ends_with(s, "!") or ends_with(s, "?") or ends_with(s, "…")) and
                      nwords(s, 12) >= 12)
end

--- Clean an article.  Returns a table:
--   text     the article (title first), dropped lines left out, blank lines kept
--   title    the headline, or nil
--   author, date, source   what bylines, timestamps and source lines said
--   dropped  {{line = N, text = "...", category = "caption", reason = "..."}, ...}
--   kept     the numbers of the lines kept
function M.clean(text)
  local lines = {}
  local i, len = 1, #text
  while i <= len do   -- (a plain search for each line end: no pattern tried at every byte)
    local j = text:find("\n", i, true) or len + 1
    local l = text:sub(i, j - 1)
    if l:byte(-1) == 13 then l = l:sub(1, -2) end   -- CRLF
    lines[#lines + 1] = l
    i = j + 1
  end
  local n = #lines
  local drop = {}   -- line -> {category, reason}
  local meta = {}
  local t = {}
  for i = 1, n do t[i] = trim(lines[i]) end

  local nonblank = {}
  for i = 1, n do if t[i] ~= "" then nonblank[#nonblank + 1] = i end end
  local function next_nb(i) for k = i + 1, n do if t[k] ~= "" then return k end end end
  local function prev_nb(i) for k = i - 1, 1, -1 do if t[k] ~= "" then return k end end end

  local function mark(i, cat, why)
    if not drop[i] then drop[i] = {cat, why} end
  end

  -- the title: the first line, unless it is a short section label before the headline
  local title_i = nonblank[1]
  if title_i and nonblank[2] and nwords(t[title_i], 4) <= 3 and not t[title_i]:find("[%p%d]") and
     #t[nonblank[2]] > #t[title_i] and not is_prose(t[nonblank[2]]) and not name_like(t[title_i]) then
    mark(title_i, "section-label", "a short section label before the headline")
    title_i = nonblank[2]
  end
  -- a first line of prose is the article itself: no headline
  if title_i and is_prose(t[title_i]) and #t[title_i] > 150 then title_i = nil end
  meta.title = title_i and t[title_i] or nil

  -- where the article proper starts: the first line of prose
  local first_prose
  for _, i in ipairs(nonblank) do
    if i ~= title_i and is_prose(t[i]) then first_prose = i break end
  end

  for _, i in ipairs(nonblank) do
    if i ~= title_i and not drop[i] then
      local s = t[i]
      -- buttons, bylines and timestamps are short lines: a paragraph is not lowered or taken apart
      local short = #s <= 200
      local cat = short and furniture_of(vnt.lower(s)) or nil
      local name, date
      if short then name, date = byline_with_date(s) end
      if is_image_name(s) then
        mark(i, "image-filename", "an image file name")
        local k = next_nb(i)
        if k and #t[k] < 250 and not is_image_name(t[k]) then mark(k, "caption", "the caption under an image file name") end
      elseif cat then
        mark(i, cat, cat == "source" and "the source of the page" or ("a " .. cat:gsub("%-", " ") .. " line of the page"))
        if cat == "source" then meta.source = meta.source or s:gsub("^[Nn]guồn%s*:%s*", "") end
      elseif name then
        mark(i, "byline", "author and timestamp")
        meta.author, meta.date = meta.author or name, meta.date or date
      elseif short and is_timestamp(s) then
        mark(i, "byline", "a timestamp")
        meta.date = meta.date or s
      elseif (ends_with(s, " |") or ends_with(s, "\t|") or s == "|") and #s < 400 then
        -- a long paragraph ending in " |" holds a caption inside real text: kept
        mark(i, "caption", "a photo caption (ends with ' |')")
      elseif s:find("^Ảnh%s*:") and nwords(s, 9) <= 8 then
        mark(i, "photo-credit", "a photo credit")
      elseif credit_at_end(s) then
        mark(i, "caption", "a line ending in a photo credit (" .. credit_at_end(s) .. ")")
      elseif (not first_prose or i < first_prose) and breadcrumb(s) then
        mark(i, "navigation", "a breadcrumb of the site's sections")
      elseif (not first_prose or i < first_prose) and s:find("^[%-•]%s") and #s < 200 then
        mark(i, "related-link", "a link to another article, above the article")
      elseif name_like(s) and (i == nonblank[#nonblank] or (not first_prose or i < first_prose)) then
        mark(i, "byline", "an author's name")
        meta.author = meta.author or s
      elseif (s == "Nhóm phóng viên" or s == "PV" or s:find("^Theo%s+[%u][%w]*$")) and i == nonblank[#nonblank] then
        mark(i, "byline", "an author")
        meta.author = meta.author or s
      end
    end
  end

  -- after a related-links header, the short lines to the end are links too
  for _, i in ipairs(nonblank) do
    if drop[i] and drop[i][1] == "related-link" and not t[i]:find("^[%-•]") then
      for _, k in ipairs(nonblank) do
        if k > i and not drop[k] then
          if is_prose(t[k]) or #t[k] >= 150 then break end
          mark(k, "related-link", "under the related-links header of line " .. i)
        end
      end
      break
    end
  end
  -- the headline again, below the article
  for _, i in ipairs(nonblank) do
    if title_i and i > title_i and t[i] == t[title_i] and not drop[i] then
      mark(i, "duplicate", "the headline again")
    end
  end

  -- repeats: a caption comes twice (image alt text, then the caption)
  for idx, i in ipairs(nonblank) do
    local k = nonblank[idx + 1]
    if k and i ~= title_i and t[i] == t[k] then
      if not drop[i] then mark(i, "caption", "a caption: the next line repeats it") end
      drop[k] = {drop[i][1] == "caption" and "caption-duplicate" or "duplicate", "an exact repeat of line " .. i}
    end
  end
  -- a lead repeated with the site's name in front: "Site - text" when "text" is a line too
  local seen = {}
  for _, i in ipairs(nonblank) do seen[t[i]] = seen[t[i]] or i end
  for _, i in ipairs(nonblank) do
    -- the site's name is short: look for its dash near the start only
    local site, rest = t[i]:sub(1, 48):match("^(.-)%s+%-%s")
    if not site then site = t[i]:sub(1, 48):match("^(.-)%s+–%s") end
    if site then
      rest = t[i]:sub(#site + 1)
      rest = rest:match("^%s+%-%s+(.*)$") or rest:match("^%s+–%s+(.*)$")
    end
    if rest and #site <= 30 and nwords(site, 4) <= 3 and seen[rest] and seen[rest] ~= i and not drop[i] then
      mark(i, "duplicate", "line " .. seen[rest] .. " with the site's name in front")
    end
  end

  local out, dropped, kept = {}, {}, {}
  for i = 1, n do
    if drop[i] then
      dropped[#dropped + 1] = {line = i, text = t[i], category = drop[i][1], reason = drop[i][2]}
    else
      out[#out + 1] = lines[i]
      kept[#kept + 1] = i
    end
  end
  -- blank lines left next to each other by the drops become one
  local squeezed = {}
  for _, l in ipairs(out) do
    if not (trim(l) == "" and squeezed[#squeezed] and trim(squeezed[#squeezed]) == "") then squeezed[#squeezed + 1] = l end
  end
  while squeezed[1] and trim(squeezed[1]) == "" do table.remove(squeezed, 1) end
  while squeezed[#squeezed] and trim(squeezed[#squeezed]) == "" do squeezed[#squeezed] = nil end
  local body = table.concat(squeezed, "\n")
  if body ~= "" then body = body .. "\n" end
  return {text = body, title = meta.title, author = meta.author, date = meta.date, source = meta.source,
          dropped = dropped, kept = kept}
end

-- vnt.clean(text) is M.clean(text)
return setmetatable(M, {__call = function(_, text) return M.clean(text) end})
