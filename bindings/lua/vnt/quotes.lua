--- vnt.quotes: who said what in Vietnamese news: direct quotes between
-- quote marks, indirect speech after a speech verb or "Theo X,", each with
-- its speaker resolved to the full name the article gives.
--
--   local quotes = require "vnt.quotes"
--   for _, q in ipairs(quotes.find(text)) do
--     print(q.kind, q.speaker, q.cue, q.quote, q.line, q.start, q.stop)
--   end
--
-- The lexicons (M.cues, M.titles, M.family_names, M.title_introducers) are
-- plain Lua lists a script can extend before calling find.
-- @module vnt.quotes
local vnt = require "vnt"
local lpeg = require "lpeg"
local T = require "vnt.text"
local names = require "vnt.names"

local ipairs, pairs, table, string, math, setmetatable, type = ipairs, pairs, table, string, math, setmetatable, type
local lower, trim, prefix, first_char_at, first_char, capitalized, split_words, starts_with_any, ends_with_any =
  T.lower, T.trim, T.prefix, T.first_char_at, T.first_char, T.capitalized, T.split_words, T.starts_with_any,
  T.ends_with_any

local M = {}

-- The lexicons of people and groups live in vnt.names; these are the same tables.
M.titles, M.actors, M.groups, M.family_names, M.places = names.titles, names.actors, names.groups,
  names.family_names, names.places

-- While M.find works on a document: mention -> name (false: none), so that a
-- mention looked at many times is taken apart once.
local name_memo
--- The person's name in a mention (vnt.names.name_in), remembered while a
-- document is searched.
function M.name_in(mention)
  if not name_memo then return names.name_in(mention) end
  local r = name_memo[mention]
  if r == nil then
    r = names.name_in(mention) or false
    name_memo[mention] = r
  end
  return r or nil
end
local function speaker_like(s) return names.speaker_like(s, M.name_in) end
local registry = names.people
local function resolve(mention, offset, people_of, last_speaker)
  return names.resolve(mention, offset, people_of, last_speaker, M.name_in)
end

-- ---- lexicons --------------------------------------------------------------------------------------

--- Speech verbs and cues, as written in news (lower case).
M.cues = {
  "cho biết", "cho biết thêm", "nói thêm", "chia sẻ thêm", "cho hay", "nói", "nhấn mạnh", "khẳng định", "cho rằng", "bày tỏ", "lưu ý", "chia sẻ", "phát biểu",
  "lý giải", "lí giải", "nêu quan điểm", "nhận định", "đề nghị", "yêu cầu", "kêu gọi", "thông tin", "trao đổi",
  "gợi mở", "nhận xét", "tuyên bố", "giải thích", "nhắc lại", "khuyến nghị", "đề xuất", "thừa nhận", "tiết lộ",
  "trả lời", "phân tích", "nêu rõ", "chỉ rõ", "chỉ đạo", "cảnh báo", "bộc bạch", "tâm sự", "kể", "thông báo",
  "nhắn nhủ", "khuyên", "đánh giá", "bình luận", "phản ánh", "cam kết", "hứa", "nêu", "viết", "dặn",
  -- more speech verbs of the news, and their common variants
  "khẳng định lại", "tái khẳng định", "nói rõ", "nói với", "cho hay thêm", "thông tin thêm", "chia sẻ với",
  "trả lời phỏng vấn", "khai", "khai nhận", "khai báo", "trình báo", "xác nhận", "xác định", "công bố", "giãi bày",
  "thổ lộ", "bật mí", "hé lộ", "lên tiếng", "phủ nhận", "bác bỏ", "lên án", "chỉ trích", "cáo buộc", "tố cáo",
  "báo cáo", "dẫn lời", "trích lời", "đưa tin", "loan tin", "nhắc nhở", "mong", "mong muốn", "mong rằng",
  "hy vọng", "hi vọng", "tin rằng", "dự đoán", "dự báo", "ước tính", "kết luận", "khuyến cáo", "kiến nghị",
  "hỏi", "đáp", "giải trình", "phân trần", "than", "than thở", "phàn nàn", "kể lại", "nhớ lại", "trải lòng",
  "khoe", "ví von", "quả quyết", "cam đoan", "trấn an", "nhấn mạnh thêm", "nhắc lại", "lặp lại", "bổ sung",
  "nêu ý kiến", "góp ý", "phản hồi", "phản bác", "đoán", "đoán rằng", "tường thuật", "thuật lại", "mô tả",
  "miêu tả", "ghi nhận", "thống nhất quan điểm", "nhận định thêm", "lưu ý thêm", "giải thích thêm", "nói tiếp",
  "tiếp lời", "chia sẻ thêm với", "tâm sự thêm", "bày tỏ thêm", "chỉ ra", "vạch rõ", "nhận thấy", "cho rằng thêm",
  "quan ngại", "lo ngại", "bày tỏ quan ngại", "nhận xét thêm", "đánh giá thêm", "thông tin với", "trả lời báo chí",
  "nói trong", "cho biết trong", "viết trên", "đăng tải", "chia sẻ trên", "nhắn tin", "gọi điện", "tuyên bố thêm",
  "nêu rõ thêm", "trình bày", "báo tin", "thú nhận", "thừa nhận thêm", "tự nhận", "khuyên nhủ", "căn dặn",
  "thông tin cho biết", "than phiền", "kêu", "xin", "nhờ", "đề nghị thêm",
}

--- Cues that are common words too: they speak only when a colon, a comma,
-- "rằng" or "với ... về" follows them.
M.weak_cues = {}
for _, w in ipairs {"thông tin", "nêu", "đánh giá", "chỉ đạo", "phản ánh", "kể", "viết", "hứa", "dặn", "khuyên",
                    "cam kết", "bình luận", "thông báo", "trao đổi", "nhận xét", "phân tích", "trả lời",
                    -- (common words too: a report only before a colon, a comma, rằng, là)
                    "khai", "xác định", "công bố", "báo cáo", "mong", "mong muốn", "hỏi", "đáp", "than", "khoe",
                    "mô tả", "miêu tả", "ghi nhận", "chỉ ra", "nhận thấy", "trình bày", "nhắn tin", "gọi điện",
                    "kêu", "xin", "nhờ", "đoán", "hy vọng", "hi vọng", "dự báo", "dự đoán", "ước tính", "kết luận",
                    "lên tiếng", "bổ sung", "lặp lại", "nhắc lại", "tiếp lời", "nói tiếp", "phản hồi", "đưa tin",
                    "đăng tải", "quan ngại", "lo ngại", "nhớ lại", "kể lại", "báo tin"} do
  M.weak_cues[w] = true
end
local weak_cues = M.weak_cues

--- Words that announce a title or a name in quote marks rather than a statement.
M.title_introducers = {
  "chủ đề", "hội thảo", "tọa đàm", "toạ đàm", "chương trình", "cuốn sách", "sách", "tác phẩm", "bộ phim", "phim",
  "bài hát", "ca khúc", "khẩu hiệu", "mang tên", "có tên", "tên là", "tên gọi", "giải thưởng", "cuộc thi", "dự án",
  "đề án", "chiến dịch", "phong trào", "diễn đàn", "hội nghị", "sự kiện", "triển lãm", "ứng dụng", "nền tảng",
  "danh hiệu", "thông điệp", "tiêu đề", "bài báo", "bài viết", "cụm từ", "từ khóa", "gọi là", "được gọi",
  "biệt danh", "chuyên mục", "series", "tựa đề", "với tên",
}

-- Adverbs and auxiliaries between a speaker and the speech verb.
local adverbs = {}
for w in ([[cũng đã còn thì lại muốn từng vừa mới đều luôn sẽ]]):gmatch("%S+") do adverbs[w] = true end
for w in ([[đều vẫn ngay chính_thức công_khai]]):gmatch("%S+") do adverbs[(w:gsub("_", " "))] = true end
for _, w in ipairs {"đặc biệt", "tiếp tục", "nhiều lần", "thẳng thắn", "liên tục", "một lần", "lần nữa", "cũng đã",
                    "đồng thời", "cũng đồng thời", "bước đầu", "một lần nữa", "sau đó", "trước đó", "cũng đều",
                    "nhanh chóng", "thẳng thừng", "đã từng", "từng"} do
  adverbs[w] = true
end

-- "Theo đó", "Theo kế hoạch": "theo" that attributes nothing.
local not_speakers = {}
for w in ([[đó này kế hoạch quy định số liệu thống kê dự báo dự kiến lộ trình hướng thông lệ truyền thống
            thời gian như tôi chúng]]):gmatch("%S+") do not_speakers[w] = true end

-- words that open a sentence that goes on with the report before it (in a body run into one line)
local goes_on = {}
for _, w in ipairs {"do vậy", "vì vậy", "vì thế", "do đó", "bởi vậy", "ngoài ra", "bên cạnh đó", "tuy nhiên", "nhưng",
                    "nếu", "như", "về", "theo đó", "đó là", "điều này", "mặt khác", "đặc biệt", "thậm chí", "chúng ta",
                    "chúng tôi", "tôi", "mình", "hiện", "hiện nay", "trong khi", "dù", "mặc dù", "vì", "bởi", "còn",
                    "hơn nữa", "thêm vào đó", "cùng với đó", "ví dụ", "chẳng hạn", "cụ thể", "quan trọng", "do", "họ"} do
  goes_on[w] = true
end

-- a paragraph longer than this (bytes) is an article body run into one line: a report in it ends
-- with its sentence
local LONG_PARAGRAPH = 1200

-- ---- cues ----------------------------------------------------------------------------------------

local cue_finder
local function build_cues()
  local list = {}
  for _, c in ipairs(M.cues) do
    local f = first_char(c)
    list[#list + 1] = c
    list[#list + 1] = vnt.upper(f) .. c:sub(#f + 1)
  end
  -- a cue: a whole word sequence, not the start of a longer word, the longest
  -- at each word start; a byte trie in C (vnt.phrases), other words passed over whole
  cue_finder = vnt.phrases(list)
end

-- all cues of `s`, flat: {start1, cue1, stop1, start2, ...} (1-based, stop exclusive)
local function cues_flat(s)
  if not cue_finder then build_cues() end
  return cue_finder:find(s)
end
local NONE = {}   -- (an empty list shared, never written)

-- all cues of `s`: {{start, cue, stop}...}
local function cues_in(s)
  local r = cues_flat(s)
  local out = {}
  for i = 1, #r, 3 do out[#out + 1] = {r[i], r[i + 1], r[i + 2]} end
  return out
end

--- Rebuild the cue finder after changing M.cues.
function M.reload() cue_finder = nil end

-- Words no speaker's name or title holds: auxiliaries and common verbs.
local verbish = {}
for w in ([[đã đang sẽ là được bị cũng có phải cần đưa làm rằng thì mà nếu khi]]):gmatch("%S+") do verbish[w] = true end

-- The mention before a cue: the last comma-separated part of `pre`, with
-- the appositives before it ("ông X, Tổng thư ký Y"; "Ông X, Ủy viên ...,
-- Phó Chủ tịch ..."), without adverbs at its end.
-- while M.find works on a document: whether a word or two is the given name of a person it names in
-- full (Hoàng Tiến Lộc ... Lộc thừa nhận), else nil
local known_given

-- the administrative units an address appositive starts with (các công dân thôn A, xã B, huyện C phản ánh)
local address_heads = {}
for w in ([[xã huyện thôn tỉnh phường quận thị tp thành ấp bản khu tổ]]):gmatch("%S+") do address_heads[w] = true end

local function mention_before(pre)
  if #pre > 240 then   -- a mention is shorter: look at the end only, from a blank
    pre = pre:sub(-240)
    pre = pre:match("^%S*%s(.*)$") or pre
  end
  pre = pre:match("^.*:%s*(.-)$") or pre   -- nothing before a colon belongs to the speaker
  -- an aside in brackets is no part of the mention (Đồn Biên phòng X (TP Móng Cái, tỉnh Quảng Ninh)),
  -- and a spaced dash sets off an appositive as a comma does (Ông X – Trưởng ban Y -)
  if pre:find("(", 1, true) then pre = pre:gsub("%s*%b()", "") end
  if pre:find(" -", 1, true) or pre:find("\226\128\147", 1, true) or pre:find("\226\128\148", 1, true) then
    pre = pre:gsub("%s+[%-\226\128\147\148]+%s+", ", "):gsub("%s+[%-\226\128\147]+%s*$", "")
  end
  local words = split_words(pre)
  while #words > 0 do
    local lw = lower(words[#words])
    if adverbs[lw] then words[#words] = nil
    elseif #words > 1 and adverbs[lower(words[#words - 1]) .. " " .. lw] then words[#words] = nil words[#words] = nil
    else break end
  end
  pre = table.concat(words, " "):gsub("[,%s]+$", "")   -- "Ông X, Giám đốc ..., chia sẻ:"
  local parts = {}
  for part in (pre .. ","):gmatch("(.-),") do parts[#parts + 1] = trim(part) end
  local k = #parts
  if k == 0 or parts[k] == "" then return nil end
  -- an address after the speaker (thôn A, xã B, huyện C): passed over, up to three parts
  do
    local back = 0
    while k > 1 and back < 3 and address_heads[lower(parts[k]:match("^(%S+)") or "")] do k, back = k - 1, back + 1 end
  end
  -- a given name alone, of a person the article names in full (Lộc thừa nhận)
  local lastw = parts[k]:match("(%S+)$") or ""
  if known_given and #parts[k] <= 40 and capitalized(lastw) and not parts[k]:find("%s%S+%s%S+%s")
     and not speaker_like(parts[k]) then
    local ws = split_words(parts[k])
    local tail = #ws >= 2 and (ws[#ws - 1] .. " " .. ws[#ws]) or ws[#ws]
    if ws[#ws] and capitalized(ws[#ws]) and (#ws >= 2 and capitalized(ws[#ws - 1]) and known_given(tail) and tail
                                            or known_given(ws[#ws]) and ws[#ws]) then
      return (#ws >= 2 and capitalized(ws[#ws - 1]) and known_given(tail)) and tail or ws[#ws]
    end
  end
  -- a caption or a source glued before it ("(Nguồn: TTXVN) Bộ Ngoại giao Đức", "... ma túy Phó Giám đốc X"):
  -- the longest end of the part that names a speaker, of at most twelve words
  if not speaker_like(parts[k]) then
    local ws = split_words((parts[k]:gsub("^.*[%)%]]%s*", "")))
    for i = math.max(1, #ws - 11), #ws do
      -- (from the start of a run of capitals only: a speaker's name or title starts with one)
      if capitalized(ws[i]) and (i == 1 or not capitalized(ws[i - 1])) then
        local tail = table.concat(ws, " ", i)
        if speaker_like(tail) then parts[k] = tail break end
      end
    end
  end
  -- "Em Phương Anh, thi tại điểm thi này, cho rằng": an appositive that names no one, between a
  -- person and the verb, is passed over (at most two parts of eight words)
  if k > 1 and not speaker_like(parts[k]) and select(2, parts[k]:gsub("%S+", "")) <= 8 then
    if M.name_in(parts[k - 1]) then k = k - 1
    elseif k > 2 and M.name_in(parts[k - 2]) and select(2, parts[k - 1]:gsub("%S+", "")) <= 8 then k = k - 2 end
  end
  local m = parts[k]
  -- walk back over appositives while the part so far has no name of its own
  -- (or over an affiliation after a person's name: Em Nguyễn Thúy Uyên, Trường THCS X, chia sẻ)
  while k > 1 and not M.name_in(m) and (starts_with_any(lower(parts[k]), M.titles) or M.name_in(parts[k - 1]))
        and speaker_like(parts[k - 1]) do
    k = k - 1
    m = parts[k] .. ", " .. m
    if M.name_in(parts[k]) then break end
  end
  if not speaker_like(m) or #m > 160 then return nil end
  -- a noun phrase: no verb or auxiliary, no speech verb of its own (but a group may have a relative
  -- clause: Một số người đã từng làm cùng với hắn)
  -- (capitalized words are names: Cần Thơ, Bộ Thông tin và Truyền thông)
  local group = starts_with_any(lower(m), M.groups)
  for w in m:gmatch("%S+") do
    if verbish[w] and not group then return nil end
  end
  for _, c in ipairs(cues_in(m)) do
    if not capitalized(c[2]) then return nil end
  end
  return m
end

-- ---- quote marks ---------------------------------------------------------------------------------

local OPEN = {["“"] = "”", ["«"] = "»", ["‘"] = "’"}
local CLOSE = {["”"] = true, ["»"] = true, ["’"] = true}

-- the quote spans of a paragraph: {a, b, inner_a, inner_b, unclosed, unopened} (1-based, inclusive)
local function quote_spans(p)
  local spans = {}
  local stack = {}
  local i, n = 1, #p
  local start
  while i <= n do
    i = p:find('["\226\194]', i)   -- only these bytes can start a quote mark
    if not i then break end
    local c = p:byte(i)
    local ch, len
    if c == 34 then ch, len = '"', 1
    elseif c == 226 and p:byte(i + 1) == 128 then
      local d = p:byte(i + 2)
      if d == 156 then ch = "“" elseif d == 157 then ch = "”" elseif d == 152 then ch = "‘" elseif d == 153 then ch = "’" end
      len = 3
    elseif c == 194 and (p:byte(i + 1) == 171 or p:byte(i + 1) == 187) then
      ch, len = p:byte(i + 1) == 171 and "«" or "»", 2
    end
    if ch then
      local prev, nxt = p:sub(i - 1, i - 1), p:sub(i + len, i + len)
      if (ch == "’" or ch == "‘") and prev:match("%w") and nxt:match("%w") then
        ch = nil   -- an apostrophe inside a word
      end
    end
    if ch then
      if ch == '"' then
        -- an opener stands after a blank or a bracket and before a letter; a
        -- closer after a letter or punctuation and before a blank or punctuation
        local prev_b, next_b = p:sub(i - 1, i - 1), p:sub(i + 1, i + 1)
        local opener = (prev_b == "" or prev_b:match("[%s%(%[]")) and next_b ~= "" and not next_b:match("%s")
        local closer = prev_b ~= "" and not prev_b:match("%s") and (next_b == "" or next_b:match("[%s%p]"))
        local before_end = p:sub(math.max(1, i - 4), i - 1):match("[%.!?…]%s+$")
        if opener and not closer and #stack == 1 and stack[1] == '"' and before_end then
          -- "A ... đi! "B ...": an opener after a sentence's end while a quote is open: that quote's
          -- closer was left out; it ends with its sentence, and a new one starts here
          local e = i - 1
          while e > start and p:sub(e, e):match("%s") do e = e - 1 end
          spans[#spans + 1] = {start, e, start + 1, e, true}
          start = i
        elseif opener and not closer and #stack > 0 and stack[#stack] == '"' then
          stack[#stack + 1] = '"'   -- a quote inside a quote
        elseif closer and not opener and #stack == 0 then
          if spans[#spans] and not p:sub(spans[#spans][2] + 1, i - 1):find('[%.!?]%s') and i - spans[#spans][2] < 200 then
            -- a stray closer soon after a quote: that quote ran on to here
            spans[#spans][2], spans[#spans][4] = i, i - 1
          else
            -- a closer whose opener is missing: from after the last colon, or the paragraph start
            local lastc = spans[#spans] and spans[#spans][2] + 1 or 1
            local colon = p:sub(lastc, i):match(".*():")
            local from = colon and lastc + colon or lastc
            while p:sub(from, from):match("%s") do from = from + 1 end
            spans[#spans + 1] = {from, i, from, i - 1, false, true}
          end
        elseif #stack > 0 and stack[#stack] == '"' then
          table.remove(stack)
          if #stack == 0 then spans[#spans + 1] = {start, i, start + 1, i - 1} end
        else
          if #stack == 0 then start = i end
          stack[#stack + 1] = '"'
        end
      elseif OPEN[ch] then
        if ch == "‘" and #stack == 0 then
          -- single quotes only inside others, or as a pair on their own
          if p:find("’", i + len, true) then start = i stack[#stack + 1] = ch end
        else
          if #stack == 0 then start = i end
          stack[#stack + 1] = ch
        end
      elseif CLOSE[ch] then
        if #stack > 0 then
          table.remove(stack)
          if #stack == 0 then spans[#spans + 1] = {start, i + len - 1, start + #first_char_at(p, start), i - 1} end
        elseif ch == "”" or ch == "»" then
          -- a closing mark without its opening: from after the last colon before it, or after the
          -- quote before it (the paragraph start if none): spans never overlap
          local lastc = spans[#spans] and spans[#spans][2] + 1 or 1
          local from = lastc
          local colon = p:sub(lastc, i):match(".*():")
          if colon then from = lastc + colon end
          while p:sub(from, from):match("%s") do from = from + 1 end
          spans[#spans + 1] = {from, i + len - 1, from, i - 1, false, true}
        end
      end
      i = i + len
    else
      i = i + 1
    end
  end
  if #stack > 0 then   -- never closed: to the end of the paragraph
    local open_len = #first_char_at(p, start)
    spans[#spans + 1] = {start, n, start + open_len, n, true}
  end
  return spans
end

-- ---- attribution -------------------------------------------------------------------------------

-- "SPEAKER [adverbs] CUE[:]" ending `pre` (text before a quote mark or a
-- colon): the mention and the cue, or nil.
local function attribution_before(pre)
  -- (the cue ends the text before the mark, and the mention is within 240 bytes before the cue: the
  -- last 600 bytes hold both, and a long paragraph costs no more per quote)
  if #pre > 600 then pre = pre:sub(-600):gsub("^[\128-\191]+", "") end
  local t = trim(pre):gsub(":$", "")
  t = trim(t)
  local cs = cues_in(t)
  local c = cs[#cs]
  if c then
    local after = trim(t:sub(c[3]))
    after = after:gsub("^rằng", "")
    after = trim(after)
    if after == "" or lower(after):match("^với ") then   -- cue at the end (trao đổi với các đại biểu:)
      local m = mention_before(t:sub(1, c[1] - 1))
      if m then return m, c[2] end
    end
  end
  -- "Bộ trưởng Nguyễn Mạnh Hùng:" -- a name and a colon
  if pre:match(":%s*$") then
    local m = mention_before(t)
    if m and M.name_in(m) then return m, ":" end
  end
end

-- ", SPEAKER [adverbs] CUE." or "– SPEAKER CUE" after a closing mark.
local function attribution_after(post)
  -- (what follows a mark is looked at for 200 bytes at most; the caller passes 400)
  if #post > 400 then post = post:sub(1, 400) end
  local t = post:match("^%s*[,%-]%s*(.-)%s*$") or post:match("^%s*–%s*(.-)%s*$")
  if t then
    repeat   -- final punctuation, whole characters
      local before = t
      t = t:gsub("[%.!?]$", ""):gsub("…$", "")
    until t == before
  end
  if not t or t == "" or #t > 200 then return nil end
  local cs = cues_in(t)
  local c = cs[1]
  if not c then return nil end
  local tail = trim(t:sub(c[3]))
  if #split_words(tail) > 6 then return nil end
  local m = mention_before(t:sub(1, c[1] - 1))
  if m then return m, c[2] end
end

-- ---- speakers ------------------------------------------------------------------------------------

-- ---- finding -----------------------------------------------------------------------------------

local function words_count(s) return select(2, s:gsub("%S+", "")) end

local function has_sentence_punct(s)
  return (s:find("[%.!?]%s") or s:find("[%.!?]$") or s:find("…", 1, true)) ~= nil
end

-- Is the quoted text a title or a term rather than a statement?
local function classify(p, span, pre)
  local inner = p:sub(span[3], span[4])
  if #pre > 240 then pre = pre:sub(-240):gsub("^[\128-\191]+", "") end   -- (only its end counts: the words before the mark)
  local lpre = lower(trim(pre))
  local n = words_count(inner)
  -- Hội thảo: “...”, chủ đề "...": a name in marks
  local intro = ends_with_any(trim((lpre:gsub(":$", ""))), M.title_introducers)
  if intro and n <= 20 and not inner:find("[%.!?]%s") then return "title" end
  if lpre:match(":$") then return "statement" end
  if n < 6 and not has_sentence_punct(inner) then return "term" end
  return "statement"
end

local find_in
--- The statements of `text`, an article (or a vnt.document), cleaned as `vnt quotes` cleans it:
-- the lines vnt.clean drops (captions, credits, bylines) are left out
-- (opts.clean = false keeps them; opts.skip: a set of line numbers to leave
-- out instead); opts.all: also the quoted terms and titles,
-- with kind "term" or "title".  Each record: {line, start, stop (0-based
-- bytes into text, stop exclusive), quote, kind ("direct"|"indirect"),
-- speaker, mention, cue, unclosed?, unopened?}.  Text that is not NFC is
-- read as its NFC form, and offsets point into that.
function M.find(text, opts)
  opts = opts or {}
  local doc
  if type(text) == "table" then doc, text = text, text.text end   -- a vnt.document
  if opts.skip or opts.clean == false then return find_in(text, opts) end
  local found = find_in(text, opts)
  -- cleaning is needed only where there is something to clean away from
  if #found == 0 then return found end
  if not vnt.is_normalized(text, "NFC") then text = vnt.nfc(text) end
  local dropped = doc and doc:clean().dropped or vnt.clean(text).dropped
  if #dropped == 0 then return found end
  local skip = doc and doc:dropped_lines() or {}
  if not doc then
    for _, d in ipairs(dropped) do skip[d.line] = true end
  end
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.skip = skip
  return find_in(text, o)
end

find_in = function(text, opts)
  name_memo = {}
  if not vnt.is_normalized(text, "NFC") then text = vnt.nfc(text) end   -- NFD input: offsets are into its NFC
  local paragraphs = {}
  local line, pos = 1, 1
  while pos <= #text do
    local nl = text:find("\n", pos, true) or #text + 1
    local s = text:sub(pos, nl - 1)
    if s:find("%S") and not (opts.skip and opts.skip[line]) then
      paragraphs[#paragraphs + 1] = {text = s, offset = pos - 1, line = line}
    end
    line, pos = line + 1, nl + 1
  end
  local people_list
  local function people()   -- the document's people, gathered when a mention first needs them
    people_list = people_list or registry(paragraphs)
    return people_list
  end
  local given_set
  known_given = function(w)
    if not given_set then
      given_set = {}
      for _, pe in ipairs(people()) do
        local ws = split_words(pe.name)
        if #ws >= 2 then
          given_set[ws[#ws]] = true
          given_set[ws[#ws - 1] .. " " .. ws[#ws]] = true
        end
      end
    end
    return given_set[w] == true
  end
  local out = {}
  local last_speaker          -- the speaker of the latest attributed statement
  local prev_para_speaker     -- the speaker the previous paragraph reported
  for _, para in ipairs(paragraphs) do
    -- the paragraph as analysed: no-break, thin and zero-width spaces become
    -- plain ones of the same byte length, so offsets hold; the text of a
    -- statement is taken from the original
    local orig, base = para.text, para.offset
    local p = orig
    if p:find("\194\160", 1, true) then p = p:gsub("\194\160", "  ") end
    if p:find("\226\128", 1, true) then p = p:gsub("\226\128[\128-\139\175]", "   ") end
    local para_speaker        -- set by an attribution in this paragraph
    local function add(a, b, kind, mention, cue, extra)
      local piece = p:sub(a, b)
      local i = piece:find("%S")
      if not i then return end
      local j = #piece
      while j > i and piece:byte(j) <= 32 do j = j - 1 end
      local qa = a + i - 1
      local q = orig:sub(qa, a + j - 1)
      if mention then   -- as written: the original bytes where it stands
        local ma = p:find(mention, 1, true)
        if ma then mention = orig:sub(ma, ma + #mention - 1) end
      end
      local speaker = resolve(mention, base + a, people, last_speaker)
      if mention or cue then para_speaker = speaker end
      last_speaker = speaker or last_speaker
      local r = {line = para.line, start = base + qa - 1, stop = base + qa - 1 + #q, quote = q, kind = kind,
                 speaker = speaker, mention = mention, cue = cue}
      for k, v in pairs(extra or {}) do r[k] = v end
      out[#out + 1] = r
      return r
    end
    -- nothing to find: no quote mark, no "theo", no speech verb
    local pcues = cues_flat(p)
    -- a weak cue (thông tin, mong, hỏi, ...) speaks only before a colon, a comma, rằng or với: the
    -- others are no cues at all, and a paragraph with no other is passed over whole
    do
      local kept, m = {}, 0
      for q = 1, #pcues, 3 do
        local keep = not weak_cues[lower(pcues[q + 1])]
        if not keep then
          local after = p:sub(pcues[q + 2], pcues[q + 2] + 12)
          keep = after:find("^%s*[:,]") or after:find("^%s+rằng") or after:find("^%s+với") or after:find("^%s+là")
        end
        if keep then kept[m + 1], kept[m + 2], kept[m + 3], m = pcues[q], pcues[q + 1], pcues[q + 2], m + 3 end
      end
      pcues = kept
    end
    local has_theo = p:find("[Tt]heo%s") ~= nil
    local has_mark = p:find('"', 1, true) or p:find("\226\128[\152\153\156\157]") or p:find("\194[\171\187]")
    local colon_at = p:find(":", 1, true)   -- (a heading's colon comes early: within its first 100 bytes)
    local has_head = colon_at ~= nil and colon_at <= 100 and p:find("^%s*[^:\n]+:%s") ~= nil
    if not has_theo and #pcues == 0 and not has_mark and not has_head then
      prev_para_speaker = nil
      goto next_paragraph
    end
    local spans = has_mark and quote_spans(p) or {}
    -- the index of the first span that starts after byte i (binary search: the spans are in order)
    local function first_span_after(i)
      local lo, hi = 1, #spans
      while lo <= hi do
        local mid = (lo + hi) // 2
        if spans[mid][1] <= i then lo = mid + 1 else hi = mid - 1 end
      end
      return lo
    end
    -- the sentences of the paragraph, to find what is around each quote
    local sents = {}
    for _, si, sj in vnt.sentences(p) do sents[#sents + 1] = {si, sj} end
    local function sentence_start(i)   -- (a binary search: a long paragraph has many sentences)
      local lo, hi, s0 = 1, #sents, 1
      while lo <= hi do
        local mid = (lo + hi) // 2
        if sents[mid][1] <= i then s0, lo = sents[mid][1], mid + 1 else hi = mid - 1 end
      end
      return s0
    end
    -- indirect speech: the parts of the paragraph outside quote marks
    local covered = {}
    for _, sp in ipairs(spans) do covered[#covered + 1] = {sp[1], sp[2]} end
    -- Where an indirect statement that starts at i ends: at the next quote that takes over (one that
    -- opens a sentence or follows a colon; a quoted word inside the clause is part of it), and at the
    -- end of its sentence where the paragraph is an article body run into one line (there a report is
    -- a sentence), else at the end of the paragraph (the sentences that go on with it are its own)
    local long_para = #p > LONG_PARAGRAPH
    local function statement_end(i)
      local stop = #p
      if long_para then
        local lo, hi, at = 1, #sents, nil
        while lo <= hi do
          local mid = (lo + hi) // 2
          local st = sents[mid]
          if st[2] < i then lo = mid + 1 elseif st[1] > i then hi = mid - 1 else stop, at = st[2], mid break end
        end
        -- on over the sentences that go on with the report: those that open with a connective or the
        -- speaker's own "tôi", "chúng ta" (Do vậy, ... Ngoài ra, ... Nếu ...), at most eight
        if at then
          for k = at + 1, math.min(#sents, at + 8) do
            local first2 = lower(prefix(trim(p:sub(sents[k][1], math.min(sents[k][2], sents[k][1] + 40))), 24))
            local w1 = first2:match("^[^%s,]+") or ""
            local w12 = first2:match("^[^%s,]+%s+[^%s,]+") or w1
            if goes_on[w12] or goes_on[w1] then stop = sents[k][2] else break end
          end
        end
      end
      for q = first_span_after(i), #spans do
        local sp = spans[q]
        if sp[1] > stop then break end
        if sp[1] > i then
          -- the last character before the mark, blanks aside (read backwards, not a pattern from the start)
          local k = sp[1] - 1
          while k >= 1 and p:byte(k) <= 32 do k = k - 1 end
          local before = k >= 1 and p:sub(k, k) or nil
          if sentence_start(sp[1]) >= sp[1] - 1 or before == ":" or before == "." or before == nil then
            return sp[1] - 1
          end
        end
      end
      return stop
    end
    -- the furthest end of the spans up to each (those whose opener is missing are guesses: they hide
    -- nothing), for inside_quote to answer with one search
    local reach_to = {}
    do
      local r = -1
      for q, sp in ipairs(spans) do
        if not sp[6] and sp[2] > r then r = sp[2] end
        reach_to[q] = r
      end
    end
    local function inside_quote(i)
      local q = first_span_after(i) - 1
      return q >= 1 and reach_to[q] >= i
    end
    local items = {}
    -- 1. "Theo X, ..." / "Cũng theo X, ..." / "Theo đánh giá của X, ..." / "..., theo X, ..."
    for _, sent in ipairs(has_theo and sents or {}) do
      local s = p:sub(sent[1], sent[2])
      local from = 1
      while true do
        local a, b = s:find("[Tt]heo%s", from)
        if not a then break end
        from = b + 1
        local before = s:sub(1, a - 1)
        local lead = trim(before)
        local ll = lower(lead)
        local at_start = lead == "" or ll == "cũng" or ll == "còn" or ll == "nhưng" or ll == "tuy nhiên" or
                         ll == "trong khi đó" or ll == "mặt khác" or ll == "và" or ll:match(",$")
        -- "... bên phải) Theo tờ Daily Mail, ...": a capital Theo after words is a sentence whose
        -- full stop the page lost (a caption glued before it)
        if not at_start and s:sub(a, a) == "T" and lead ~= "" and not lead:match("[,;:]$") then
          at_start, before, lead = true, "", ""
        end
        if at_start and not (a > 1 and s:sub(a - 1, a - 1):match("[%w\128-\255]")) and not inside_quote(sent[1] + a - 1) then
          local rest = s:sub(b + 1)
          local lrest = lower(rest)
          local intro = lrest:match("^(đánh giá của%s+)") or lrest:match("^(ý kiến của%s+)") or
                        lrest:match("^(quan điểm của%s+)") or lrest:match("^(lời khai nhận của%s+)") or
                        lrest:match("^(lời khai của%s+)") or lrest:match("^(lời%s+)") or
                        lrest:match("^(hồ sơ của%s+)") or lrest:match("^(thông tin từ phía%s+)") or
                        lrest:match("^(thông tin từ%s+)") or lrest:match("^(thông tin của%s+)") or
                        lrest:match("^(tuyên bố của%s+)") or lrest:match("^(báo cáo của%s+)") or
                        lrest:match("^(báo cáo từ%s+)") or lrest:match("^(giới thiệu của%s+)") or
                        lrest:match("^(nguồn tin từ%s+)") or lrest:match("^(nhận định của%s+)") or
                        lrest:match("^(kết luận của%s+)") or lrest:match("^(thông báo của%s+)") or
                        lrest:match("^(công bố của%s+)") or lrest:match("^(tổng hợp từ%s+)") or
                        lrest:match("^(tổng hợp của%s+)") or lrest:match("^(thông tin ban đầu từ%s+)") or
                        lrest:match("^(thông tin ban đầu của%s+)") or lrest:match("^(phía%s+)") or ""
          local who = rest:sub(#intro + 1):match("^([^,]+),")
          local first = who and lower(who:match("^(%S+)") or "")
          if who and not not_speakers[first] and speaker_like(who) and #split_words(who) <= 14 then
            local cue = s:sub((ll == "cũng" or ll == "còn") and 1 or a, b - 1)   -- Theo, Cũng theo, Còn theo
            if intro ~= "" then cue = cue .. " " .. trim(intro) end
            local qa
            if lead == "" or not ll:match(",$") then
              qa = sent[1] + b + #intro + #who + 1   -- after "Theo X,"
            else
              qa = sent[1]                          -- "Hội nghị lần này, theo X, ...": the whole sentence
            end
            local qb = statement_end(qa)
            items[#items + 1] = {qa, qb, "indirect", trim(who), cue, "theo"}
          end
        end
      end
    end
    -- 1b. a headline or a line "Name: statement" (Phó Thủ tướng Trịnh Đình Dũng: PV Power cần đẩy nhanh
    -- tiến độ): a speaker of a few words before the paragraph's first colon, no speech verb in it
    do
      local head, rest_at
      if has_head then head, rest_at = p:match("^%s*([^:\n]+):%s*()") end
      if head and #head <= 90 and not has_sentence_punct(head) and rest_at <= #p and not inside_quote(rest_at) then
        local mention = trim(head)
        local nw = select(2, mention:gsub("%S+", ""))
        -- (a name or a title ends it: "Ông X rỉ tai:" is a verb no list knows, not a heading)
        local last_word = mention:match("(%S+)$") or ""
        if nw >= 2 and nw <= 10 and capitalized(last_word) and speaker_like(mention) and #cues_flat(mention) == 0
           and (M.name_in(mention) or starts_with_any(lower(mention), M.titles) or starts_with_any(lower(mention), M.groups)) then
          local qb = statement_end(rest_at)
          if words_count(p:sub(rest_at, qb)) >= 3 then
            items[#items + 1] = {rest_at, qb, "indirect", mention, ":", "colon"}
          end
        end
      end
    end
    -- 2. "X cho biết: ..." / "X cho biết (rằng) ..." outside quote marks
    -- the cues of the paragraph, found once, dealt out to their sentences
    local k = 1
    for _, sent in ipairs(sents) do
      local scues
      while pcues[k] and pcues[k] <= sent[2] do
        if pcues[k] >= sent[1] then
          scues = scues or {}
          scues[#scues + 1] = {pcues[k] - sent[1] + 1, pcues[k + 1], pcues[k + 2] - sent[1] + 1}
        end
        k = k + 3
      end
      scues = scues or NONE
      local s = #scues > 0 and p:sub(sent[1], sent[2]) or ""
      local s_first = s:find("%S") or 1
      for _, c in ipairs(scues) do
        local abs = sent[1] + c[1] - 1
        -- "Bộ Thông tin và Truyền thông": a capitalized cue inside a sentence is a name
        local proper = c[1] > s_first and capitalized(c[2])
        if not inside_quote(abs) and not proper then
          local after = s:sub(c[3], c[3] + 40)   -- (what follows the cue: its first bytes are enough)
          local colon = after:match("^%s*:%s*()")
          local comma = after:match("^%s*,%s*()")
          local rang = after:match("^%s+rằng%s+()")
          -- what follows the cue: the statement, unless a quote mark opens it (a direct quote);
          -- the cheap tests first, the speaker last
          local start = colon or rang or comma or after:match("^%s+()")
          if start then
            local qa = sent[1] + c[3] - 1 + start - 1
            local head = lower(prefix(p:sub(qa, qa + 40), 24))
            local opens_quote = false
            local nsp = spans[first_span_after(qa) - 1]
            if nsp and nsp[1] == qa then opens_quote = true end
            local no_content = head:match("^tại ") or head:match("^ở ") or head:match("^trong ") or
                               head:match("^trước ") or head:match("^khi ") or head:match("^sau ")
            local ok = not opens_quote and not no_content
            -- a weak cue (thông tin, nêu, ...) speaks only with a colon, a comma, rằng or "với ... về"
            if ok and weak_cues[lower(c[2])] and not (colon or comma or rang or head:match("^với ")) then ok = false end
            if ok and not colon and not rang and not comma then
              -- "trao đổi với các đại biểu về X": the statement is what follows
              ok = words_count(p:sub(qa, math.min(statement_end(qa), qa + 120))) >= 6
            end
            local mention = ok and mention_before(s:sub(math.max(1, c[1] - 300), c[1] - 1))
            if mention then
              local qb = statement_end(qa)
              items[#items + 1] = {qa, qb, "indirect", mention, c[2], colon and "colon" or "verb", abs}
            end
          end
        end
      end
    end
    -- an indirect statement runs to the next quote mark or the next attribution;
    -- a speech verb inside what a colon introduced is part of the statement
    table.sort(items, function(x, y) return x[1] < y[1] end)
    do
      local kept_items, colon_end, last_sent = {}, 0, nil
      for _, it in ipairs(items) do
        local same_sentence = last_sent and sentence_start(it[7] or it[1]) == last_sent
        if not (it[6] == "verb" and (it[1] <= colon_end or same_sentence)) then
          kept_items[#kept_items + 1] = it
          if it[6] == "colon" then colon_end = it[2] end
          last_sent = sentence_start(it[7] or it[1])
        end
      end
      items = kept_items
    end
    for k, it in ipairs(items) do
      local nxt = items[k + 1]
      if nxt and nxt[1] <= it[2] then
        -- the next attribution starts a new statement: cut at the start of its sentence
        it[2] = math.max(it[1], sentence_start(nxt[1]) - 1)
      end
    end
    -- 3. direct quotes
    local directs = {}
    -- (items are in order and, cut as above, apart: the one that starts last at or before b, and the
    -- one before it, are all that can hold a..b -- a binary search, not a pass over them all)
    local function in_item(a, b)
      local lo, hi, k = 1, #items, 0
      while lo <= hi do
        local mid = (lo + hi) // 2
        if items[mid][1] <= b then k, lo = mid, mid + 1 else hi = mid - 1 end
      end
      for j = k, math.max(1, k - 1), -1 do
        local it = items[j]
        if a <= it[2] + 1 and b >= it[1] then return true end
      end
      return false
    end
    for _, sp in ipairs(spans) do
      local s0 = sentence_start(sp[1])
      if sp[6] and in_item(sp[1], sp[2]) then goto next_span end   -- a stray closing mark inside reported speech
      -- (what the attribution and the class read of the text before the mark: its last 600 bytes)
      local pre = p:sub(math.max(s0, sp[1] - 600), sp[1] - 1)
      if s0 < sp[1] - 600 then pre = pre:gsub("^[\128-\191]+", "") end
      local class = classify(p, sp, pre)
      if class == "statement" then
        local mention, cue = attribution_before(pre)
        if not mention then
          -- the sentence the closing mark is in (sentences in order: a binary search)
          local se = #p
          local lo, hi, k = 1, #sents, 0
          while lo <= hi do
            local mid = (lo + hi) // 2
            if sents[mid][1] <= sp[2] then k, lo = mid, mid + 1 else hi = mid - 1 end
          end
          if k > 0 and sents[k][2] >= sp[2] then se = sents[k][2] end
          mention, cue = attribution_after(p:sub(sp[2] + 1, math.min(se, sp[2] + 400)))   -- (it reads 400 bytes)
        end
        directs[#directs + 1] = {sp = sp, mention = mention, cue = cue}
      elseif opts.all then
        directs[#directs + 1] = {sp = sp, class = class}
      end
      ::next_span::
    end
    -- in paragraph order; a quote without attribution takes this paragraph's, else the previous one's
    local all = {}
    for _, it in ipairs(items) do all[#all + 1] = {at = it[1], item = it} end
    for _, d in ipairs(directs) do all[#all + 1] = {at = d.sp[1], direct = d} end
    table.sort(all, function(x, y) return x.at < y.at end)
    for _, e in ipairs(all) do
      if e.item then
        local it = e.item
        if it[2] >= it[1] then add(it[1], it[2], it[3], it[4], it[5]) end
      else
        local d = e.direct
        local sp = d.sp
        if d.class then
          local r = add(sp[3], sp[4], d.class, nil, nil)
          if r then r.speaker = nil end
        else
          local extra = {unclosed = sp[5] or nil, unopened = sp[6] or nil}
          if d.mention then
            add(sp[3], sp[4], "direct", d.mention, d.cue, extra)
          else
            local saved = last_speaker
            last_speaker = para_speaker or prev_para_speaker
            local r = add(sp[3], sp[4], "direct", nil, nil, extra)
            if not (r and r.speaker) then last_speaker = saved end
          end
        end
      end
    end
    prev_para_speaker = para_speaker
    ::next_paragraph::
  end
  -- quotes inside quotes are part of the outer one: drop statements inside another's span
  -- (only statements of the same line can hold each other: compare within a line, not all pairs)
  -- (a sweep in order of start, the longer first: a statement is inner when a direct quote that
  -- starts before it, or at it and is longer, ends at or after its end)
  local order = {}
  for i = 1, #out do order[i] = i end
  table.sort(order, function(x, y)
    local a, b = out[x], out[y]
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    return x < y
  end)
  local inner = {}
  local reach = -1          -- the furthest end of the direct quotes that start before the current start
  local k = 1
  while k <= #order do
    local g = k             -- the statements that start at one byte, the longest first
    while g + 1 <= #order and out[order[g + 1]].start == out[order[k]].start do g = g + 1 end
    local group_reach = -1
    for q = k, g do
      local r = out[order[q]]
      if reach >= r.stop or group_reach > r.stop then inner[order[q]] = true end
      if r.kind == "direct" and r.stop > group_reach then group_reach = r.stop end
    end
    if group_reach > reach then reach = group_reach end
    k = g + 1
  end
  local kept = {}
  for i, r in ipairs(out) do if not inner[i] then kept[#kept + 1] = r end end
  name_memo = nil
  known_given = nil
  return kept
end

return M
