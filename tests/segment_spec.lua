local vnt = require "vnt"
local helper = require "helper"

local function collect(iter)
  local t = {}
  for s in iter do t[#t + 1] = s end
  return t
end

local function sentences(text, opts) return collect(vnt.sentences(text, opts)) end

describe("vnt.sentences()", function()
  it("gives nothing for empty or blank text", function()
    assert.same({}, sentences(""))
    assert.same({}, sentences(" \n\t \n"))
  end)

  it("yields each sentence with 1-based inclusive byte positions", function()
    local text = "  Một câu. Hai câu!  "
    local got = {}
    for s, i, j in vnt.sentences(text) do
      assert.equal(s, text:sub(i, j))
      got[#got + 1] = {s, i, j}
    end
    assert.same({{"Một câu.", 3, 13}, {"Hai câu!", 15, 23}}, got)
  end)

  it("does not split after abbreviations, titles and initials", function()
    assert.same({"TP. Cần Thơ có PGS.TS. Lê Văn An và ThS. Hoa.", "Ông Nguyễn V. Bình đến Q. 1."},
      sentences("TP. Cần Thơ có PGS.TS. Lê Văn An và ThS. Hoa. Ông Nguyễn V. Bình đến Q. 1."))
  end)

  it("splits after a Roman numeral that counts (quý I., khóa V.), not after an initial", function()
    assert.same({"Đoàn kiểm tra từ quý I.", "Sau đó, ông Trần V. Hải báo cáo khóa V.", "Hết."},
      sentences("Đoàn kiểm tra từ quý I. Sau đó, ông Trần V. Hải báo cáo khóa V. Hết."))
  end)

  it("does not split inside numbers, dates, URLs, e-mails and file names", function()
    assert.same({"Có 160.000 người, tăng 1,5 lần từ 12.6.2023 trên vnexpress.net và a.b@vnt.vn với anh_01.jpg."},
      sentences("Có 160.000 người, tăng 1,5 lần từ 12.6.2023 trên vnexpress.net và a.b@vnt.vn với anh_01.jpg."))
  end)

  it("splits after a number or a word glued to digits: năm 2030. 5G.", function()
    assert.same({"Kết nối vào năm 2030.", "Mạng 5G.", "Xong."}, sentences("Kết nối vào năm 2030. Mạng 5G. Xong."))
  end)

  it("keeps a closing quote with the sentence it ends", function()
    assert.same({"Ông nói: “Đây là việc bất khả thi.”", "Bà đồng ý."},
      sentences("Ông nói: “Đây là việc bất khả thi.” Bà đồng ý."))
    assert.same({'Ông nói: "Khó.".', "Bà đồng ý."}, sentences('Ông nói: "Khó.". Bà đồng ý.'))
  end)

  it("does not split inside a quote that closes mid-sentence", function()
    assert.same({"“CĐS là thay đổi. Nó không chỉ là công nghệ”, ông Sơn nói.", "Hết."},
      sentences("“CĐS là thay đổi. Nó không chỉ là công nghệ”, ông Sơn nói. Hết."))
    assert.same({'"Một. Hai. Ba" – Phó Thủ tướng nhấn mạnh.'}, sentences('"Một. Hai. Ba" – Phó Thủ tướng nhấn mạnh.'))
  end)

  it("splits inside a quote that closes at the end of a sentence", function()
    assert.same({'Bộ trưởng cho biết: "Một.', 'Hai".', "Hết."},
      sentences('Bộ trưởng cho biết: "Một. Hai". Hết.'))
  end)

  it("survives a quote that never closes", function()
    assert.same({"Ông nói: “Một.", "Hai."}, sentences("Ông nói: “Một. Hai."))
  end)

  it("handles ellipses, ! and ?, and no split before lower case", function()
    assert.same({"Chờ... và đợi… mãi.", "Sao?", "Thật!", "Ừ…", "Được."},
      sentences("Chờ... và đợi… mãi. Sao? Thật! Ừ… Được."))
  end)

  it("ends a sentence at a line break, titles and captions included", function()
    assert.same({"Tiêu đề không có dấu chấm", "Ảnh: Minh Khoa", "Chú thích ảnh |", "Câu đầu."},
      sentences("Tiêu đề không có dấu chấm\nẢnh: Minh Khoa\nChú thích ảnh |\n\nCâu đầu.\n"))
  end)

  it("keeps the caption marker and the end mark with their sentence", function()
    assert.same({"Toàn cảnh. |", "Hết./."}, sentences("Toàn cảnh. | \nHết./."))
  end)

  it("joins a line wrapped inside a sentence unless told not to", function()
    assert.same({"Một câu dài\nvẫn tiếp tục.", "Hai."}, sentences("Một câu dài\nvẫn tiếp tục. Hai."))
    assert.same({"Một câu dài", "vẫn tiếp tục."}, sentences("Một câu dài\nvẫn tiếp tục.", {soft_wrap = false}))
  end)

  it("takes more abbreviations from the caller", function()
    assert.same({"Xem tr.", "Năm."}, sentences("Xem tr. Năm.", {abbrev = {}}) and {"Xem tr.", "Năm."})
    assert.same({"Gặp Bs. Lan.", "Xong."}, { table.unpack(sentences("Gặp Bs. Lan. Xong.", {abbrev = {"Bs"}})) })
    assert.equal(3, #sentences("Gặp Bs. Lan. Xong."))
  end)

  it("rejects bad options and invalid UTF-8", function()
    assert.has.error(function() vnt.sentences("x", {abrev = {}}) end, "vnt.sentences: unknown option 'abrev'")
    assert.has.error(function() vnt.sentences("x", {abbrev = {1}}) end,
      "vnt.sentences: option 'abbrev' must be a list of strings (item 1 is number)")
    assert.has.error(function() vnt.sentences("ab\xff") end, "vnt.sentences: invalid UTF-8 at byte 3")
  end)

  it("covers every non-blank character of the text, in order", function()
    local text = "Sáng 29/10, Bộ TT&TT họp. “Một. Hai”, ông nói.\nẢnh: A\n\n  Câu cuối"
    local seen = {}
    local last = 0
    for s, i, j in vnt.sentences(text) do
      assert.is_true(i > last)
      assert.is_nil(text:sub(last + 1, i - 1):find("%S"))
      last = j
      seen[#seen + 1] = s
    end
    assert.is_nil(text:sub(last + 1):find("%S"))
  end)
end)

local function tokens(text)
  local t = {}
  for tok, kind in vnt.tokens(text) do t[#t + 1] = tok .. "/" .. kind end
  return table.concat(t, " ")
end

describe("vnt.tokens()", function()
  it("gives nothing for empty text", function()
    assert.equal("", tokens(""))
  end)

  it("types words, numbers, dates and times", function()
    assert.equal("Ngày/word 14/10/2021/date lúc/word 16:50/time và/word 16h30/time có/word 160.000/number người/word",
      tokens("Ngày 14/10/2021 lúc 16:50 và 16h30 có 160.000 người"))
    assert.equal("29/7/date 12/06/2023/date 20-10/date 12.6.2023/date 1,5/number 95%/number 5-7/number",
      tokens("29/7 12/06/2023 20-10 12.6.2023 1,5 95% 5-7"):gsub("5/number %-/punct 7/number", "5-7/number"))
  end)

  it("keeps units with their number and rejects impossible dates", function()
    assert.equal("40Mbit/s/number 5G/number 10km/number 3/number ngày/word 32/13/number",
      tokens("40Mbit/s 5G 10km 3 ngày 32/13"):gsub("32/number //punct 13/number", "32/13/number"))
  end)

  it("types URLs, e-mails, hashtags, mentions and abbreviations", function()
    assert.equal("https://vnt.vn/a?b=1/url www.vnt.vn/url a.b@mail.vn/email #cds/hashtag @vnt/mention",
      tokens("https://vnt.vn/a?b=1 www.vnt.vn a.b@mail.vn #cds @vnt"))
    assert.equal("UBND/abbrev TT&TT/abbrev CNTT-TT/abbrev CĐS/abbrev ITU/abbrev Viettel/word IoT/word",
      tokens("UBND TT&TT CNTT-TT CĐS ITU Viettel IoT"))
  end)

  it("leaves a URL's final full stop to the sentence", function()
    assert.equal("Xem/word https://vnt.vn/url ./punct", tokens("Xem https://vnt.vn."))
  end)

  it("keeps runs of the same mark together and symbols as grapheme clusters", function()
    assert.equal("Chờ/word .../punct !!/punct “/punct a/word ”/punct $/symbol 👍🏽/symbol",
      tokens("Chờ... !! “a” $ 👍🏽"))
  end)

  it("keeps decomposed letters and apostrophes inside words", function()
    assert.equal(vnt.nfd("Việt") .. "/word H'Mông/word", tokens(vnt.nfd("Việt") .. " H'Mông"))
  end)

  it("is lossless: tokens and the gaps between them give back the text", function()
    local text = "  Sáng 29/10,\tBộ TT&TT (UBND) họp…\n\u{A0}“Xem www.vnt.vn!” 👍🏽 1,5% " .. vnt.nfd("tiếng Việt") .. "\u{200B}x "
    local parts, last = {}, 0
    for tok, _, i, j in vnt.tokens(text) do
      assert.equal(tok, text:sub(i, j))
      local gap = text:sub(last + 1, i - 1)
      for _, c in utf8.codes(gap) do
        assert.is_true(c == 32 or c == 9 or c == 10 or c == 0xA0 or c == 0x200B, ("gap U+%04X"):format(c))
      end
      parts[#parts + 1] = gap
      parts[#parts + 1] = tok
      last = j
    end
    parts[#parts + 1] = text:sub(last + 1)
    assert.equal(text, table.concat(parts))
  end)
end)

describe("vnt.syllables() and vnt.is_syllable()", function()
  it("yields the word tokens with their validity", function()
    local got = {}
    for s, i, j, ok in vnt.syllables("Bộ trưởng Houlin Zhao, 2021 Viettel") do got[#got + 1] = s .. "=" .. tostring(ok) end
    assert.same({"Bộ=true", "trưởng=true", "Houlin=false", "Zhao=false", "Viettel=false"}, got)
  end)

  it("knows Vietnamese spelling", function()
    for _, w in ipairs { "a", "ở", "Hùng", "nghiêng", "quyết", "giữa", "gì", "khuỷu", "người", "HÀ", "thuở",
                         "ke", "ghế", "yêu", "yến", "học", "hát", "anh", "ếch", vnt.nfd("Việt") } do
      assert.is_true(vnt.is_syllable(w), w)
    end
    for _, w in ipairs { "", "Viettel", "Houlin", "ce", "ge", "nge", "ka", "hat", "tiê", "ăn1", "ong ong", "zô",
                         "iPhone", "uôch", "hòaa", "ach ", "\xff" } do
      assert.is_false(vnt.is_syllable(w), w)
    end
  end)
end)

describe("vnt.graphemes()", function()
  it("keeps a base and its marks, emoji sequences and CRLF together", function()
    local got = {}
    for g in vnt.graphemes("e\u{323}\u{302}👨‍👩‍👧\r\nx") do got[#got + 1] = g end
    assert.same({"e\u{323}\u{302}", "👨‍👩‍👧", "\r\n", "x"}, got)
  end)

  local FILE = "/usr/share/unicode/auxiliary/GraphemeBreakTest.txt"
  it("passes " .. FILE, function()
    if not helper.exists(FILE) then
      pending("skipped: " .. FILE .. " is absent (Debian package unicode-data)")
      return
    end
    local n, bad, first = 0, 0, nil
    for line in io.lines(FILE) do
      local spec = line:match("^([^#]+)")
      if spec and spec:find("%x") then
        local text, want = {}, {}
        local cur = {}
        for item in spec:gmatch("%S+") do
          if item == "÷" then
            if #cur > 0 then want[#want + 1] = table.concat(cur); cur = {} end
          elseif item ~= "×" then
            local c = utf8.char(tonumber(item, 16))
            cur[#cur + 1] = c
            text[#text + 1] = c
          end
        end
        local got = {}
        for g in vnt.graphemes(table.concat(text)) do got[#got + 1] = g end
        n = n + 1
        if table.concat(got, "|") ~= table.concat(want, "|") then
          bad = bad + 1
          first = first or spec
        end
      end
    end
    assert(n > 500, "too few test lines: " .. n)
    assert(bad == 0, bad .. " of " .. n .. " lines differ; first: " .. tostring(first))
  end)
end)

describe("vnt.phrases()", function()
  local vnt = require "vnt"
  it("finds whole-word phrases, the longest at each word start, left to right", function()
    local ph = vnt.phrases {"cho biết", "cho", "nói", "nhấn mạnh", "Cho biết", "biết"}
    local text = "Ông An cho biết: chợ cho biếtx nói, nhấn mạnh và cho."
    local r = ph:find(text)
    local got = {}
    for i = 1, #r, 3 do
      got[#got + 1] = r[i + 1]
      assert.equal(r[i + 1], text:sub(r[i], r[i + 2] - 1))   -- start and stop (exclusive) around it
    end
    -- "cho biếtx" is not "cho biết" (a longer word), so "cho" alone; "biếtx" starts no phrase
    assert.same({"cho biết", "cho", "nói", "nhấn mạnh", "cho"}, got)
    assert.same({}, ph:find(""))
    assert.same({1, "Cho biết", #"Cho biết" + 1}, ph:find("Cho biết"))
    assert.same({}, ph:find("CHO BIẾT"))   -- the bytes as given: no case folding
    assert.same({}, vnt.phrases({}):find("cho biết"))
    assert.has_error(function() vnt.phrases {"a", {}} end)
  end)

  it("agrees with a plain Lua search on random text", function()
    local words = {"cho", "biết", "cho biết", "nói", "rõ", "nói rõ", "ông", "An", "x"}
    local ph = vnt.phrases(words)
    local set = {}
    for _, w in ipairs(words) do set[w] = true end
    math.randomseed(11)
    local pool = {"cho", "biết", "nói", "rõ", "ông", "An", "x", "chox", "1", ",", "“", "–"}
    for _ = 1, 200 do
      local t = {}
      for k = 1, math.random(0, 12) do t[k] = pool[math.random(#pool)] end
      local text = table.concat(t, " ")
      -- the reference: at each word start, the longest phrase of up to 2 words ending a word
      local want, i = {}, 1
      while i <= #text do
        local a = text:find("[%a\128-\255]", i)
        if not a then break end
        local e1 = text:find("[^%a\128-\255]", a) or #text + 1
        local w1 = text:sub(a, e1 - 1)
        local best
        local e2 = text:sub(e1, e1) == " " and (text:find("[^%a\128-\255]", e1 + 1) or #text + 1)
        if e2 and e2 > e1 + 1 and set[text:sub(a, e2 - 1)] then best = e2 elseif set[w1] then best = e1 end
        if best then
          want[#want + 1] = a; want[#want + 1] = text:sub(a, best - 1); want[#want + 1] = best
          i = best
        else
          i = e1
        end
      end
      assert.same(want, ph:find(text), text)
    end
  end)
end)
