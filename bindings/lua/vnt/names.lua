--- vnt.names: people, groups and actors in Vietnamese news text: the
-- lexicons of titles, family names, groups and countries; the person's name
-- in a mention (Vietnamese by its family name, foreign by its form); whether
-- a phrase names a speaker; the people of a document and which of them a
-- later mention (ông Sơn, Bộ trưởng, bà này) refers to.
--
--   local names = require "vnt.names"
--   names.name_in("Bộ trưởng Bộ TT&TT Nguyễn Mạnh Hùng")   --> "Nguyễn Mạnh Hùng"
--   names.name_in("Thủ tướng Anh Theresa May")             --> "Theresa May"
--   names.speaker_like("các chuyên gia")                   --> true
--
-- The lexicons are plain Lua lists and sets a script can extend.
-- @module vnt.names
local vnt = require "vnt"
local lpeg = require "lpeg"
local T = require "vnt.text"

local ipairs, pairs, table, math = ipairs, pairs, table, math
local lower, trim, first_char, capitalized, all_caps, starts_with_any =
  T.lower, T.trim, T.first_char, T.capitalized, T.all_caps, T.starts_with_any
local literal_trie = T.literal_trie

local M = {}

--- Titles and words that name a person by role (lower case; matched at word starts).
M.titles = {
  "phó thủ tướng", "thủ tướng", "chủ tịch nước", "phó chủ tịch", "chủ tịch", "tổng bí thư", "bí thư",
  "bộ trưởng", "thứ trưởng", "tổng thư ký", "thư ký", "tổng giám đốc", "phó tổng giám đốc", "giám đốc",
  "phó giám đốc", "tổng biên tập", "phó tổng biên tập", "nhà báo", "trưởng ban", "phó trưởng ban", "trưởng phòng",
  "cục trưởng", "phó cục trưởng", "vụ trưởng", "viện trưởng", "hiệu trưởng", "đại sứ", "ủy viên", "uỷ viên",
  "chánh văn phòng", "người phát ngôn", "phát ngôn viên", "giáo sư", "phó giáo sư", "gs.", "pgs.", "ts.", "ths.",
  "bác sĩ", "kỹ sư", "luật sư", "chuyên gia", "đại biểu", "tổng cục trưởng", "chủ nhiệm", "trưởng đoàn", "đại tá",
  "thiếu tướng", "trung tướng", "đại tướng", "ông", "bà", "anh", "chị", "người đứng đầu", "lãnh đạo", "đại diện",
  "nhà nghiên cứu", "nhà sáng lập", "ceo", "founder", "tổng thống", "thủ hiến",
  -- offices, ranks and callings that name a person in the news
  "chánh thanh tra", "phó chánh thanh tra", "chánh án", "phó chánh án", "viện trưởng viện kiểm sát", "kiểm sát viên",
  "thẩm phán", "điều tra viên", "trưởng công an", "phó trưởng công an", "chỉ huy trưởng", "chính ủy", "chính uỷ",
  "trưởng phòng", "phó trưởng phòng", "trưởng khoa", "phó trưởng khoa", "trưởng đồn", "đồn trưởng", "trưởng thôn",
  "trưởng ấp", "trưởng bản", "tổ trưởng", "thiếu tá", "trung tá", "thượng tá", "đại úy", "đại uý", "thiếu úy",
  "trung úy", "thượng úy", "thiếu tướng", "chuẩn đô đốc", "phó đô đốc", "đô đốc", "tư lệnh", "phó tư lệnh",
  "ngoại trưởng", "quốc vương", "nhà vua", "hoàng tử", "công chúa", "giáo hoàng", "đức giáo hoàng", "thị trưởng",
  "thống đốc", "nghị sĩ", "thượng nghị sĩ", "hạ nghị sĩ", "bộ trưởng ngoại giao", "người phát ngôn bộ",
  "huấn luyện viên", "hlv", "trợ lý", "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "đội trưởng",
  "vận động viên", "võ sĩ", "ca sĩ", "diễn viên", "người mẫu", "nghệ sĩ", "nsnd", "nsưt", "nhạc sĩ", "đạo diễn",
  "nhà văn", "nhà thơ", "họa sĩ", "hoạ sĩ", "nhà thiết kế", "doanh nhân", "ông chủ", "bầu", "phóng viên",
  "biên tập viên", "giáo viên", "thầy giáo", "cô giáo", "học sinh", "sinh viên", "nghiên cứu sinh", "nhà khoa học",
  "nhà sử học", "nhà kinh tế", "chuyên viên", "cán bộ", "công nhân", "nông dân", "ngư dân", "tiểu thương",
  "tài xế", "lái xe", "phi công", "hành khách", "du khách", "bệnh nhân", "nạn nhân", "nhân chứng", "nghi phạm",
  "nghi can", "bị can", "bị cáo", "đối tượng", "cựu", "người dân", "người thân", "người nhà", "người cha", "người mẹ",
  "người vợ", "người chồng", "người con", "cha", "mẹ", "vợ", "chồng", "cụ", "em", "cháu", "chủ", "nhân viên",
  "viên", "ngài", "người đăng", "người này", "ông này", "bà này", "vị này", "nhà lãnh đạo", "lãnh đạo",
  "hs", "sv", "thí sinh", "phụ huynh",
}

--- Countries, capitals and blocs that speak as actors in the news (lower case).
M.actors = {}
for _, w in ipairs {"mỹ", "hoa kỳ", "nga", "trung quốc", "nhật bản", "nhật", "hàn quốc", "triều tiên", "anh", "pháp",
  "đức", "ý", "italy", "tây ban nha", "ấn độ", "iran", "iraq", "israel", "palestine", "ukraine", "thổ nhĩ kỳ",
  "syria", "ai cập", "saudi arabia", "ả rập xê út", "australia", "úc", "canada", "brazil", "mexico", "philippines",
  "indonesia", "malaysia", "singapore", "thái lan", "campuchia", "lào", "myanmar", "đài loan", "hồng kông",
  "việt nam", "eu", "liên minh châu âu", "nato", "asean", "liên hợp quốc", "washington", "moskva", "moscow",
  "bắc kinh", "tokyo", "seoul", "bình nhưỡng", "london", "paris", "berlin", "kiev", "kyiv", "ankara", "tehran",
  "hà nội", "nhà trắng", "điện kremlin", "lầu năm góc", "bộ ngoại giao", "chính phủ", "quốc hội"} do
  M.actors[w] = true
end

--- Heads of a phrase that names a group, a body, an outlet or an unnamed source (lower case):
-- nhiều ý kiến, các chuyên gia, người dân, giới chức Ankara, phía cảnh sát, báo chí, hãng tin RT.
M.groups = {
  "người dân", "nhiều người", "một số người", "mọi người", "nhiều ý kiến", "các ý kiến", "ý kiến", "một số ý kiến",
  "các chuyên gia", "nhiều chuyên gia", "giới chuyên gia", "giới chức", "giới thạo tin", "giới quan sát",
  "giới phân tích", "giới", "phía", "gia đình", "cảnh sát", "công an", "nhà chức trách", "chính quyền",
  "cơ quan", "cơ quan chức năng", "lực lượng chức năng", "báo chí", "truyền thông", "dư luận", "hãng tin",
  "hãng thông tấn", "thông tấn xã", "tờ", "báo", "tạp chí", "đài", "kênh", "trang", "hãng", "công ty", "tập đoàn",
  "clb", "câu lạc bộ", "đội", "đồn", "ban", "trường", "bệnh viện", "tòa án", "toà án", "viện kiểm sát",
  "chính phủ", "quốc hội", "nhà trắng", "điện kremlin", "lầu năm góc", "liên hợp quốc", "hội đồng", "ủy ban",
  "uỷ ban", "trung tâm", "văn phòng", "đại sứ quán", "lãnh sự quán", "nguồn tin", "một nguồn tin", "các nguồn tin",
  "nhiều nguồn tin", "các nhà khoa học", "các nhà nghiên cứu", "các bác sĩ", "nhiều bác sĩ", "các đại biểu",
  "nhiều đại biểu", "đại diện", "người phát ngôn", "các nhân chứng", "nhân chứng", "hàng xóm", "người quen",
  "bạn bè", "đồng nghiệp", "cư dân", "cử tri", "người hâm mộ", "cổ động viên", "ngân hàng", "quân đội",
  "hộ dân", "các hộ dân", "nhiều hộ dân", "công dân", "các công dân", "bà con", "nhân dân", "phụ huynh", "các phụ huynh",
}


--- Vietnamese family names: a capitalized run starting with one is a person's name.
M.family_names = {}
for w in ([[Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lí Đinh Đoàn Lâm Mai Trịnh Đào
            Cao Lương Hà Tạ Tô Chu Châu Triệu Thái Kiều Khúc Âu Quách Văn Thân Lưu Giang Trương Vương Tăng Mạc Kim
            Hứa Lã Lại Nông Phùng Tôn Từ Viên Ninh Thạch Phí Đàm Diệp Hầu Ông Quan Bạch Tống Lò Lục Mã Ma Khổng]]):gmatch("%S+") do
  M.family_names[w] = true
end

--- Places that start with a family name (Hà Nội, Lâm Đồng): no person's name.
M.places = {}
for _, w in ipairs {"Hà Nội", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Hà Đông", "Hà Tiên", "Lâm Đồng", "Cao Bằng",
                    "Thái Bình", "Thái Nguyên", "Thái Lan", "Cao Lãnh", "Hồ Tây", "Phú Quốc", "Giang Nam",
                    "Mai Châu", "Kim Bôi", "Hồ Gươm", "Đồng Nai", "Đồng Tháp", "Lào Cai", "Lai Châu"} do
  M.places[w] = true
end


-- Could `s` hold a name at all: a family name or ông/bà as a word?  One
-- LPeg search, before taking the words apart.
local name_hint, name_hits


local function build_hints()
  local words = {"ông ", "bà ", "Ông ", "Bà "}
  for w in pairs(M.family_names) do words[#words + 1] = w .. " " end
  -- (the first words of some titles a foreign name follows: Thủ tướng Theresa May, chuyên gia David
  -- Videcette; not the common ones -- bộ, nhà, đại, chủ -- or every part of a text would be looked at)
  local seen = {}
  for _, w in ipairs(words) do seen[w] = true end
  for f in ([[ngoại chuyên hlv huấn cựu ngài Thủ Tổng Tướng Nghị Thống Tiến]]):gmatch("%S+") do
    local c = first_char(f)
    local up = vnt.upper(c) .. f:sub(#c + 1)
    for _, v in ipairs(f == up and {f .. " "} or {f .. " ", up .. " "}) do   -- (a capitalized one as it is)
      if not seen[v] then seen[v] = true words[#words + 1] = v end
    end
  end
  table.sort(words)   -- (the same pattern whatever the order of the table)
  local first = ""
  for _, w in ipairs(words) do
    if not first:find(w:sub(1, 1), 1, true) then first = first .. w:sub(1, 1) end
  end
  local alt = literal_trie(words)   -- (each ends with its space: none is a prefix of another)
  local boundary = lpeg.B(lpeg.S " \t,;:(") + -lpeg.B(1)
  local hit = boundary * alt
  -- bytes that start none of the words are passed over a run at a time
  local other = (1 - lpeg.S(first)) ^ 1
  name_hint = (other + (1 - hit)) ^ 0 * hit
  name_hits = lpeg.Ct((other + lpeg.Cp() * hit + 1) ^ 0)   -- where they are
end
local function may_have_name(s)
  if not name_hint then build_hints() end
  return name_hint:match(s) ~= nil
end


local name_in_raw
-- a family name right after the word for a school or a street is part of its name: Trường THCS
-- Huỳnh Văn Nghệ, đường Lê Lợi
local org_heads = {}
-- (schools, streets and works are named after people; the units of government before a name are
-- part of a title: Chủ tịch xã Đỗ Minh Quân)
for w in ([[trường thcs thpt thcs-thpt th tiểu đường phố viện cầu lăng đền]]):gmatch("%S+") do org_heads[w] = true end
-- the last words of titles that a person's one-word name may follow (Tổng thống Putin, HLV Conte),
-- not those an organisation follows (Tổng giám đốc Viettel)
local person_title_last = {}
for w in ([[thống tướng trưởng vương hoàng hlv viên thủ đạo sĩ ngài sứ tá úy uý]]):gmatch("%S+") do
  person_title_last[w] = true
end
person_title_last["trưởng"] = nil   -- (Bộ trưởng X, Viện trưởng X: an organisation follows as often)
person_title_last["ngoại trưởng"], person_title_last["tổng trưởng"] = true, true

local function org_before(words, k)
  local w = words[k - 1]
  return w ~= nil and org_heads[lower(w)] ~= nil
end

-- the words of a mention and "," for each break between its segments, in one pass (LPeg)
local split_segments
do
  local brk = lpeg.S ",;:()" + lpeg.P "–"
  local blank = lpeg.S " \t\r\n"
  split_segments = lpeg.Ct((blank ^ 1 + brk * lpeg.Cc "," + lpeg.C((1 - blank - brk) ^ 1)) ^ 0)
end

-- whether a word may be part of a name: capitalized, not in capitals, no digit, & or dot
-- (remembered: the same words come again and again; the memory is emptied when it grows large)
local namelike_of, namelike_n = {}, 0
local function word_namelike(w)
  local r = namelike_of[w]
  if r == nil then
    r = capitalized(w) and not all_caps(w) and not w:find("[%d&%.]")
    if namelike_n > 8000 then namelike_of, namelike_n = {}, 0 end
    namelike_of[w], namelike_n = r, namelike_n + 1
  end
  return r
end

name_in_raw = function(mention)
  if not may_have_name(mention) then return nil end
  -- the words, with the segments they are in (a comma, semicolon, colon, bracket or dash ends a
  -- segment: a name never spans one), whether each may be part of a name, and the runs of those
  local words, segof, nl, n, seg = {}, {}, {}, 0, 1
  local toks = split_segments:match(mention)
  for t = 1, #toks do
    local w = toks[t]
    if w == "," then seg = seg + 1 else n = n + 1 words[n], segof[n], nl[n] = w, seg, word_namelike(w) end
  end
  -- a run of capitalized words after ông/bà (at most four)
  for i = 1, n - 1 do
    local w = words[i]
    if (w == "ông" or w == "bà" or w == "Ông" or w == "Bà") and segof[i + 1] == segof[i] and nl[i + 1] then
      local j = i + 1
      while j + 1 <= n and j - i < 4 and segof[j + 1] == segof[i] and nl[j + 1] do j = j + 1 end
      return table.concat(words, " ", i + 1, j)
    end
  end
  local runs = {}
  local i = 1
  while i <= n do
    if nl[i] then
      local j = i
      while j + 1 <= n and segof[j + 1] == segof[i] and nl[j + 1] do j = j + 1 end
      runs[#runs + 1] = i
      runs[#runs + 1] = j
      i = j + 1
    else
      i = i + 1
    end
  end
  -- a family name opening 2 to 4 capitalized words that end a run of them:
  -- "Sở Nông nghiệp Hà Tĩnh Nguyễn Văn Bình" -> Nguyễn Văn Bình
  for r = 1, #runs, 2 do
    local a, j = runs[r], runs[r + 1]
    -- (a run that is the name of a school or a street, or follows the word for one, holds no person)
    local org = org_before(words, a)
    for k = a, j - 1 do
      if org_heads[lower(words[k])] then org = true end
      if M.family_names[words[k]] and j - k + 1 <= 4 and not org then
        local name = table.concat(words, " ", k, j)
        if not M.places[name] then return name end
      end
    end
  end
  -- a foreign name: the end of a run of capitalized words from the first that is no Vietnamese
  -- syllable, one to four words ("chuyên gia David Videcette", "Thủ tướng Anh Theresa May",
  -- "Tổng thống Putin"); a single word only after a title
  for r = 1, #runs, 2 do
    local a, j = runs[r], runs[r + 1]
    for k = a, j do
      local w = words[k]:gsub("%-.*$", "")
      if not vnt.is_syllable(w) and w:find("^%u%l") and j - k + 1 <= 4 then
        if j > k or (k > 1 and person_title_last[lower(words[k - 1])])
           or (k > 2 and person_title_last[lower(words[k - 2] .. " " .. words[k - 1])]) then
          return table.concat(words, " ", k, j)
        end
        break
      end
    end
  end
end


--- The person's name in a mention: a run of capitalized words after
-- ông/bà, or starting with a family name (Vietnamese), or of foreign form
-- (one word only after a person's title); nil if there is none.
M.name_in = name_in_raw

-- Is `s` a phrase that names a speaker: a title, ông/bà, a name, a role?
local function speaker_like(s, name_in)
  name_in = name_in or M.name_in
  s = trim(s)
  if s == "" or #s > 200 then return false end
  local l = lower(s)
  if starts_with_any(l, M.titles) then return true end
  -- (the cheap tests before the names: a mention is looked at often)
  -- an organisation: Bộ TT&TT, UBND tỉnh, Hiệp hội ..., Tập đoàn ...
  if l:match("^bộ ") or l:match("^ubnd") or l:match("^hiệp hội") or l:match("^tập đoàn") or l:match("^ngân hàng")
     or l:match("^tổng cục") or l:match("^cục ") or l:match("^sở ") or l:match("^viện ") then
    if capitalized(s) then return true end
  end
  -- a country, a capital or a body by its acronym as an actor (Nga, Trung Quốc, Washington, WHO, NATO)
  if M.actors[l] then return true end
  -- a group, a body, an outlet, an unnamed source: its head noun starts it (at most 12 words)
  if starts_with_any(l, M.groups) and select(2, s:gsub("%S+", "")) <= 12 then return true end
  if name_in(s) then return true end
  -- a company, an outlet or a body by a name of foreign form (Bloomberg, Apple, BAE Systems, Ford Việt
  -- Nam): one to four capitalized words, one of them no Vietnamese syllable
  if #s <= 60 and not s:find("%s%S+%s%S+%s%S+%s") then   -- (four words at most, told without splitting)
    local all, foreign = true, false
    for w in s:gmatch("%S+") do
      if not capitalized(w) or w:find("[%d%p]") then all = false break end
      if not vnt.is_syllable(w) then foreign = true end
    end
    if all and foreign then return true end
  end
  if not s:find("%s") and all_caps(s) and #s >= 2 and #s <= 8 and not s:find("%d") then return true end
  return false
end


--- Is `s` a phrase that names a speaker: a title, ông/bà, a name, a role, a
-- group, an outlet, a country?  name_in: the name finder to use (default
-- M.name_in; a caller may pass one that remembers).
M.speaker_like = speaker_like

-- The people of a document: every name with the words around it, in order.
local function registry(paragraphs)
  if not name_hits then build_hints() end
  local people = {}
  for _, para in ipairs(paragraphs) do
    local t = para.text:gsub("\226\128[\147\148\156\157]", ",")   -- – — “ ” split like commas
    local done = 0
    local hits = name_hits:match(t)
    -- the breaks of the paragraph (, ; : . ( ) "), found going forward as the hits need them
    local prev_break, scan = 0, 1
    local found, found_from = nil, nil   -- the last break found, and where that search started
    for _, at in ipairs(hits) do
      if at > done then
        -- the part around the hit: from after the last break before it to the next one (each search
        -- remembered: a tail of the paragraph without breaks is searched once, not once a hit)
        local nb
        while true do
          if found_from ~= scan then found, found_from = t:find('[,;:%.%(%)"]', scan), scan end
          nb = found
          if not nb or nb >= at then break end
          prev_break, scan = nb, nb + 1
        end
        local a = prev_break + 1
        local b = nb or #t + 1
        local part = t:sub(a, b - 1)
        done = b
        -- (the name is near its hint: a stretch of the part from 48 bytes before it to 96 after, cut at
        -- blanks, is looked at, not a whole long clause)
        local win = part
        if #part > 160 then
          local wa, wb = math.max(a, at - 48), math.min(b - 1, at + 96)
          while wa > a and t:byte(wa - 1) ~= 32 do wa = wa - 1 end
          while wb < b - 1 and t:byte(wb + 1) ~= 32 do wb = wb + 1 end
          win = t:sub(wa, wb)
        end
        local name = name_in_raw(win)   -- (parts are many and seldom repeat: not remembered)
        if name then
          -- the part after it, when it is an appositive: "ông X, Tổng thư ký Y"
          local ctx = part
          local nxt = t:match("^%s*([^,;:%.%(%)\"]+)", b + 1)
          if nxt and starts_with_any(lower(trim(nxt)), M.titles) then ctx = ctx .. ", " .. trim(nxt) end
          people[#people + 1] = {name = name, context = lower(ctx), offset = para.offset}
        end
      end
    end
  end
  return people
end

local function given_name(name) return name:match("(%S+)$") end

-- How far back a mention looks for the person it names: the nearest
-- earlier mentions (a news article's people are few; a corpus given as one
-- document must not make every lookup walk all of them).
local WINDOW = 400

-- the index of the last person mentioned at or before offset (0: none);
-- people are in text order
local function last_before(people, offset)
  local lo, hi = 1, #people
  local r = 0
  while lo <= hi do
    local mid = (lo + hi) // 2
    if people[mid].offset <= offset then r, lo = mid, mid + 1 else hi = mid - 1 end
  end
  return r
end

-- The canonical speaker of `mention` at `offset`: the name in it; else the
-- latest person before it whose name ends with the given name (ông Sơn),
-- or whose mentions contain all its words (Bộ trưởng, Tổng giám đốc
-- Viettel); else the last speaker (a role: "người đứng đầu ..."); else the
-- mention itself.
local function resolve(mention, offset, people_of, last_speaker, name_in)
  if not mention then return last_speaker end
  local name = (name_in or M.name_in)(mention)
  if name and name:find(" ") then return name end
  if name then   -- a given name (ông Sơn): the latest person before it with that name
    local best
    local people = people_of()
    local last = last_before(people, offset)
    for k = last, math.max(1, last - WINDOW + 1), -1 do
      local pe = people[k]
      if pe.name:find(" ") and given_name(pe.name) == name then best = pe.name break end
    end
    return best or name
  end
  local l = lower(mention)
  -- an organisation (Theo Bộ TT&TT, ...) speaks for itself
  if not starts_with_any(l, M.titles) and (l:match("^bộ ") or l:match("^ubnd") or l:match("^hiệp hội") or l:match("^tập đoàn") or l:match("^sở ") or
      l:match("^cục ") or l:match("^tổng cục") or l:match("^viện ") or l:match("^ngân hàng")) then
    return mention
  end
  local ws = {}
  for w in l:gmatch("[^%s,]+") do
    if w ~= "ông" and w ~= "bà" then ws[#ws + 1] = w end
  end
  -- ông, bà, ông ấy, bà này, em này, vị này, người này: the speaker before, else the latest person
  -- named before it
  local demo = {["ấy"] = true, ["này"] = true, ["ta"] = true, ["đó"] = true}
  local pron = {["anh"] = true, ["chị"] = true, ["em"] = true, ["cô"] = true, ["chú"] = true, ["bác"] = true,
                ["cậu"] = true, ["cụ"] = true, ["vị"] = true, ["người"] = true, ["nhân vật"] = true, ["hắn"] = true,
                ["y"] = true, ["thị"] = true, ["nữ"] = true, ["nam"] = true}
  local bare = #ws == 0 or (#ws == 1 and (demo[ws[1]] or ws[1] == "hắn"))
    or (#ws == 2 and pron[ws[1]] and demo[ws[2]])
  if bare then
    if last_speaker then return last_speaker end
    local people = people_of()
    local last = last_before(people, offset)
    if people[last] then return people[last].name end
    return mention
  end
  local single = #ws == 1 and capitalized(mention:match("(%S+)$"))
  -- the latest person before the mention: from the end, the first that fits
  local best
  local given = single and (l:match("^ông ") or l:match("^bà "))
  local people = people_of()
  local last = last_before(people, offset)
  for k = last, math.max(1, last - WINDOW + 1), -1 do
    local pe = people[k]
    do
      if given then
        if lower(given_name(pe.name)) == ws[1] then best = pe.name end
      else
        local all = #ws > 0
        for _, w in ipairs(ws) do
          if not pe.context:find(w, 1, true) then all = false break end
        end
        if all then best = pe.name end
      end
      if best then break end
    end
  end
  if best then return best end
  if l:match("^người ") or l:match("^vị ") then return last_speaker or mention end
  -- an organisation speaks for itself; an unresolved title stays as it is
  return mention
end


--- The people of a document: its paragraphs ({text, offset}, ...) give every
-- name with the words around it, {name, context, offset}, in text order.
M.people = registry

--- The canonical speaker of `mention` at byte `offset`: the name in it;
-- else the latest person before it (people_of() gives M.people of the
-- document) whose name ends with the given name, or whose mentions hold
-- all its words; else last_speaker for a bare pronoun or role; else the
-- mention itself.  name_in as for M.speaker_like.
M.resolve = resolve

return M
