local helper = require "helper"
local timeline = require "vnt.timeline"
local cjson = require "cjson"

local function jsonl(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = cjson.decode(l) end
  return t
end

local function event(s, expr)
  local a = assert(s:find(expr, 1, true))
  return timeline.event(s, a, a + #expr - 1)
end

-- two reports of one festival, and a third article about something else
local doc_a = table.concat({
  "Lễ hội áo dài Huế khép lại",
  "Sau ba ngày diễn ra từ 5 - 7/4/2024, lễ hội áo dài Huế đã khép lại tối 7/4 với đêm trình diễn bên sông Hương.",
  "Ban tổ chức cho biết lễ hội năm nay thu hút hơn 20.000 lượt khách.",
}, "\n") .. "\n"
local doc_b = table.concat({
  "Huế: lễ hội áo dài thu hút du khách",
  "Huế, 8/4/2024 - Lễ hội áo dài Huế diễn ra 5 - 7/4/2024 đã khép lại thành công.",
  "Trong hai ngày cuối, các nhà thiết kế trẻ giới thiệu bộ sưu tập mới.",
}, "\n") .. "\n"
local doc_c = table.concat({
  "Cần Thơ khánh thành cầu mới",
  "Sáng 30/4/2024, thành phố Cần Thơ khánh thành cây cầu nối hai quận trung tâm.",
  "Cây cầu được khởi công từ tháng 3/2022 và hoàn thành vượt tiến độ 2 tháng.",
}, "\n") .. "\n"

describe("vnt.timeline.event()", function()
  it("takes the clause around the expression, without the words that tie it in", function()
    assert.equal("Trường khai giảng khóa học mới", event("Trường khai giảng khóa học mới vào ngày 5/9/2023.", "ngày 5/9/2023"))
  end)

  it("takes the clause after an expression that opens the sentence", function()
    assert.equal("Sở Y tế tổ chức lễ ra quân tiêm chủng",
      event("Sáng 29/10, Sở Y tế tổ chức lễ ra quân tiêm chủng.", "Sáng 29/10"))
    assert.equal("Hội nghị đã bế mạc tại Hà Nội",
      event("Sau hai ngày làm việc từ 3 - 4/5/2022, hội nghị đã bế mạc tại Hà Nội.", "3 - 4/5/2022"))
  end)

  it("leaves out asides in brackets, and does not cut numbers at their commas", function()
    assert.equal("Giá lúa tăng 12,5% so với cùng kỳ",
      event("Giá lúa (loại IR50404) tăng 12,5% so với cùng kỳ năm 2022.", "năm 2022"))
    assert.equal("Hơn 500 doanh nghiệp đã chuyển đổi",
      event("Trong giai đoạn đầu (từ tháng 1/2020 đến tháng 6/2021), hơn 500 doanh nghiệp đã chuyển đổi.",
        "từ tháng 1/2020 đến tháng 6/2021"))
  end)

  it("keeps events short", function()
    local long = "Ngày 1/6/2024, " .. ("công nhân và kỹ sư "):rep(10) .. "cùng tham gia."
    local e = event(long, "Ngày 1/6/2024")
    local n = select(2, e:gsub("%S+", ""))
    assert.is_true(n <= 16, e)
    assert.truthy(e:find("…$"))
  end)
end)

describe("vnt.timeline builder", function()
  it("sorts entries by where they start, coarser values first", function()
    assert.is_true(timeline.sort_key("2021") < timeline.sort_key("2021-01-05"))
    assert.is_true(timeline.sort_key("2021-10-12/2021-10-14") < timeline.sort_key("2021-10-13"))
    assert.is_true(timeline.sort_key("2023-Q2") < timeline.sort_key("2023-04-02"))
    assert.is_true(timeline.sort_key("2023-Q2") > timeline.sort_key("2023-03-31"))
    assert.is_true(timeline.sort_key("2024-H2") > timeline.sort_key("2024-06"))
    assert.is_true(timeline.sort_key("~2045/2050") > timeline.sort_key("2044-12-31"))
  end)

  it("merges one event reported by two documents, and keeps others apart", function()
    local b = timeline.new()
    assert.equal("2024-04-07", (b:add_document("a.txt", doc_a)))
    assert.equal("2024-04-08", (b:add_document("b.txt", doc_b)))
    b:add_document("c.txt", doc_c)
    local entries = b:entries()
    local festival
    for _, e in ipairs(entries) do
      if e.value == "2024-04-05/2024-04-07" then
        assert.is_nil(festival, "one entry for the festival")
        festival = e
      end
    end
    assert.truthy(festival)
    local docs = {}
    for _, r in ipairs(festival.records) do docs[#docs + 1] = r.doc end
    assert.same({"a.txt", "b.txt"}, docs)
    -- sorted
    for i = 2, #entries do assert.is_true(entries[i - 1].key <= entries[i].key) end
    -- the bridge: from March 2022, opened 30/4/2024
    local values = {}
    for _, e in ipairs(entries) do values[e.value] = e end
    assert.truthy(values["2022-03"])
    assert.truthy(values["2024-04-30"])
    assert.truthy(values["2024"])   -- "năm nay" of a.txt, resolved from its date
    -- durations are not on the calendar
    local un = {}
    for _, r in ipairs(b:unanchored()) do un[#un + 1] = r.value end
    assert.same({"P3D", "P2D", "P2M"}, un)
  end)

  it("writes values as Vietnamese does, holidays by their names", function()
    local cases = {
      {"2023-Q2", "Quý II/2023"}, {"2024-H1", "6 tháng đầu năm 2023"}, {"2021-10-12/2021-10-14", "12 – 14/10/2021"},
      {"2021/2025", "năm 2021 – 2025"}, {"2024-04-30/2024-05-02", "30/4 – 2/5/2024"}, {"2019-12", "tháng 12/2019"},
      {"~2019", "khoảng năm 2019"}, {"198X", "thập niên 1980"}, {"2023-06-12T16:50", "16:50 12/6/2023"},
      {"P3D", "3 ngày"}, {"2017-SU", "mùa hè năm 2017"},
    }
    cases[2][2] = "6 tháng đầu năm 2024"
    for _, c in ipairs(cases) do assert.equal(c[2], timeline.vietnamese {value = c[1], text = ""}, c[1]) end
    local b = timeline.new()
    b:add_document("t.txt", "Chợ hoa Tết\nTết Đinh Dậu năm nay, chợ hoa mở sớm. Ngày 2/2/2017, chợ đông khách.\n")
    local e = b:entries()[1]
    assert.equal("2017-01-28", e.value)
    assert.equal("Tết Đinh Dậu (28/1/2017)", timeline.vietnamese(e))
  end)

  it("keeps each record of a sentence too long to be one to the stretch around it, in whole words", function()
    local dates = {}
    for i = 1, 300 do dates[i] = ("%d/%d/20%02d"):format(i % 28 + 1, i % 12 + 1, 10 + i % 15) end
    local text = "Lịch nghỉ\nCác ngày " .. table.concat(dates, ", ") .. " là ngày nghỉ của nhà máy.\n"
    local b = timeline.new()
    b:add_document("d.txt", text)
    local n = 0
    for _, r in ipairs(b.records) do
      n = n + 1
      assert.is_true(#r.sentence <= 2 * 400 + #r.text + 2, r.text)
      assert.truthy(r.sentence:find(r.text, 1, true))
      assert.truthy(text:find(r.sentence, 1, true))   -- a stretch of the text
      assert.is_nil(r.sentence:find("^%S*%d/%d*$"))   -- not a cut number at its start
    end
    assert.equal(300, n)
  end)

  it("keeps comparison baselines off the calendar, with their role", function()
    local b = timeline.new()
    b:add_document("q.txt", "Xuất khẩu gạo tăng mạnh\nQuý II/2023, xuất khẩu gạo đạt 2,3 triệu tấn, tăng 18% so với cùng kỳ năm 2022.\n")
    local values = {}
    for _, e in ipairs(b:entries()) do values[#values + 1] = e.value end
    assert.same({"2023-Q2"}, values)
    local un = b:unanchored()
    assert.equal(1, #un)
    assert.equal("2022", un[1].value)
    assert.equal("baseline", un[1].role)
    assert.is_false(un[1].anchored)
  end)
end)

describe("vnt timeline", function()
  local dir = os.tmpname()
  os.remove(dir)
  os.execute("mkdir -p " .. helper.q(dir))
  helper.write(dir .. "/a.txt", doc_a)
  helper.write(dir .. "/b.txt", doc_b)
  helper.write(dir .. "/c.txt", doc_c)
  teardown(function() os.execute("rm -rf " .. helper.q(dir)) end)

  it("prints records whose offsets and lines point at the expression in its file", function()
    local out, err, code = helper.run({"timeline", "--all", "--format", "jsonl", dir})
    assert.equal(0, code, err)
    local recs = jsonl(out)
    assert.is_true(#recs >= 9)
    for _, r in ipairs(recs) do
      local text = helper.read(r.doc)
      assert.equal(r.text, text:sub(r.start + 1, r.stop))
      local line = select(2, text:sub(1, r.start):gsub("\n", "")) + 1
      assert.equal(line, r.line)
      assert.truthy(r.sentence:find(r.text, 1, true))
      for _, f in ipairs {"type", "value", "event"} do assert.equal("string", type(r[f])) end
      assert.equal("boolean", type(r.anchored))
      if r.anchored then assert.is_true(r.entry >= 1) end
      assert.equal(r.value:sub(1, 1) == "~" or nil, r.approx)
    end
    -- anchored first, in timeline order, then the others
    local seen_un = false
    for _, r in ipairs(recs) do
      if not r.anchored then seen_un = true else assert.is_false(seen_un) end
    end
  end)

  it("lists only calendar entries without --all, and says where each document's date came from", function()
    local out = helper.run({"timeline", "--format", "jsonl", dir})
    for _, r in ipairs(jsonl(out)) do assert.is_true(r.anchored) end
    local text, err, code = helper.run({"timeline", dir})
    assert.equal(0, code, err)
    assert.truthy(text:find("a.txt: dated 2024-04-07 (from its first full date)", 1, true))
    assert.truthy(text:find("2024-04-05 – 2024-04-07", 1, true))
    -- the merged festival lists both sources under one entry
    local block = text:match("2024%-04%-05 – 2024%-04%-07[^\n]*\n(.-)\n%S")
    assert.truthy(block and block:find("a.txt:2", 1, true) and block:find("b.txt:2", 1, true))
  end)

  it("resolves with --date, and leaves XXXX without a date", function()
    local src = "Tin ngắn\nChiều 13/11, nước sông dâng cao.\n"
    local out = helper.run({"timeline", "--all", "--format", "jsonl", "-"}, src)
    local r = jsonl(out)[1]
    assert.equal("XXXX-11-13", r.value)
    assert.is_false(r.anchored)
    out = helper.run({"timeline", "--all", "--format", "jsonl", "--date", "2020-11-14", "-"}, src)
    r = jsonl(out)[1]
    assert.equal("2020-11-13", r.value)
    assert.is_true(r.anchored)
    local _, err, code = helper.run({"timeline", "--date", "14/11/2020", "-"}, src)
    assert.equal(2, code)
    assert.truthy(err:find("YYYY-MM-DD", 1, true))
  end)

  it("cleans first: a byline's timestamp dates the article but is no event; --no-clean keeps it", function()
    local src = "Xã vùng cao có trường học mới khang trang\nBình Minh 09/05/2023 08:15 GMT+7\nHôm qua, xã khánh thành trường mới cho 300 học sinh.\n"
    local recs = jsonl((helper.run({"timeline", "--all", "--format", "jsonl", "-"}, src)))
    assert.equal(1, #recs)
    assert.equal("2023-05-08", recs[1].value)
    recs = jsonl((helper.run({"timeline", "--all", "--no-clean", "--format", "jsonl", "-"}, src)))
    assert.equal(2, #recs)
  end)

  it("writes CSV with a header and quoted fields", function()
    local out = helper.run({"timeline", "--format", "csv", dir})
    local lines = {}
    for l in out:gmatch("([^\r\n]*)\r\n") do lines[#lines + 1] = l end
    assert.equal("doc,line,start,stop,text,type,value,anchored,approx,mod,role,event,sentence,entry,doc_date", lines[1])
    local n = #jsonl((helper.run({"timeline", "--format", "jsonl", dir})))
    assert.equal(n + 1, #lines)
  end)

  it("splits a corpus file at blank lines with --split blank, lines counted in the file", function()
    local corpus = dir .. "/corpus.txt"
    helper.write(corpus, doc_a .. "\n" .. doc_c .. "\n\n" .. doc_b)
    local recs = jsonl((helper.run({"timeline", "--split", "blank", "--all", "--format", "jsonl", corpus})))
    local docs = {}
    local text = helper.read(corpus)
    for _, r in ipairs(recs) do
      docs[r.doc] = true
      assert.equal(r.text, text:sub(r.start + 1, r.stop))
      assert.equal(select(2, text:sub(1, r.start):gsub("\n", "")) + 1, r.line)
    end
    assert.truthy(docs[corpus .. "#1"] and docs[corpus .. "#2"] and docs[corpus .. "#3"])
    assert.falsy(docs[corpus .. "#4"])
    os.remove(corpus)
  end)

  it("splits at the same blank lines whatever the blocks it reads, a blank line across two of them too", function()
    local corpus = dir .. "/blocks.txt"
    local text = doc_a .. "\n" .. doc_c .. " \t\n\n" .. doc_b .. ("Dòng không có dòng trống sau nó, ngày 2/3/2024. "):rep(40)
    helper.write(corpus, text)
    local function docs_at(size)
      local p = io.popen("VNT_BLOCK_SIZE=" .. size .. " " .. helper.q(helper.bin) ..
                         " timeline --split blank --all --format jsonl " .. helper.q(corpus))
      local out = p:read("a")
      p:close()
      local got = {}
      for _, r in ipairs(jsonl(out)) do got[#got + 1] = r.doc .. ":" .. r.line .. ":" .. r.start .. ":" .. r.value end
      return got
    end
    local whole = docs_at(1 << 20)
    assert.is_true(#whole > 10)
    for _, size in ipairs {7, 64, 333} do assert.same(whole, docs_at(size), "blocks of " .. size) end
    os.remove(corpus)
  end)

  it("reports bad input with the file and goes on; an empty input is an empty timeline", function()
    local bad = dir .. "/bad.txt"
    helper.write(bad, "Ngày 1/1/2020 \255 hỏng\n")
    local out, err, code = helper.run({"timeline", "--format", "jsonl", bad, dir .. "/c.txt"})
    assert.equal(1, code)
    assert.truthy(err:find("bad.txt:1", 1, true), err)
    assert.truthy(out:find("c.txt", 1, true))
    os.remove(bad)
    out, err, code = helper.run({"timeline", "--format", "json", "-"}, "")
    assert.equal(0, code, err)
    assert.same({}, cjson.decode(out))
  end)

  it("draws a self-contained HTML page: vis-timeline inlined, a list of every entry, labels in Vietnamese", function()
    local page = require "vnt.timeline_page"
    local n = 0
    local ids = {}
    for _, r in ipairs(cjson.decode((helper.run({"timeline", "--format", "json", dir})))) do
      if not ids[r.entry] then ids[r.entry] = true n = n + 1 end
    end
    assert.is_true(n > 0)
    local function self_contained(out)
      assert.falsy(out:find("<script[^>]+src", 1))
      assert.falsy(out:find("<link", 1, true))
      assert.falsy(out:find("src=[\"']https?:"))
    end
    if page.library() then
      local out, err, code = helper.run({"timeline", "--format", "html", dir})
      assert.equal(0, code, err)
      assert.equal("", err)
      self_contained(out)
      assert.truthy(out:find("new vis.Timeline(", 1, true))
      assert.truthy(out:find("@version 8.5.4", 1, true))          -- the library itself, inlined
      assert.equal(n, select(2, out:gsub('<tr data%-id="', "")))  -- the list: one row an entry
      assert.truthy(out:find('<td class="v">5 – 7/4/2024</td>', 1, true))   -- as Vietnamese writes it
    end
    -- without the library: vnt's own drawing, and a note that says so
    local out, err, code = helper.run({"timeline", "--format", "html", dir}, nil, "VNT_VIS_JS=/nonexistent")
    assert.equal(0, code, err)
    assert.matches("vis-timeline is not installed", err, 1, true)
    assert.truthy(out:find("<svg", 1, true))
    self_contained(out)
  end)

  it("keeps an article's own markup out of the page's markup and script", function()
    local f = dir .. "/hostile.html.txt"
    helper.write(f, "Tin lạ <b>\nNgày 2/3/2024, trang đăng dòng <!--<script>alert(1)</script> gây lỗi.\n")
    local out, err, code = helper.run({"timeline", "--format", "html", f})
    os.remove(f)
    assert.equal(0, code, err)
    assert.falsy(out:find("<!--<script>", 1, true))
    assert.falsy(out:find("alert(1)</script>", 1, true))
    -- the page's own scripts are all there is: each <script> closes once
    local opens = select(2, out:gsub("<script", ""))
    local closes = select(2, out:gsub("</script>", ""))
    assert.equal(opens, closes)
    assert.truthy(out:find("\\u003c!--\\u003cscript>", 1, true))
  end)

  local chromium
  for _, c in ipairs {"chromium", "chromium-browser"} do
    if os.execute("command -v " .. c .. " >/dev/null 2>&1") then chromium = c break end
  end
  local it_browser = (chromium and not helper.sanitized) and it or pending
  it_browser((chromium and "" or "skipped: chromium is not installed; ") ..
             "renders its own drawing (no vis-timeline) in headless Chromium without script errors, one mark per entry", function()
    local tmp = os.tmpname()
    os.remove(tmp)
    os.execute("mkdir -p " .. helper.q(tmp))
    local html = tmp .. "/t.html"
    local out = helper.run({"timeline", "--format", "html", dir}, nil, "VNT_VIS_JS=/nonexistent")
    helper.write(html, out)
    local entries = 0
    local text = helper.run({"timeline", "--format", "json", dir})
    local ids = {}
    for _, r in ipairs(cjson.decode(text)) do ids[r.entry] = true end
    for _ in pairs(ids) do entries = entries + 1 end
    local flags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run " ..
      "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" ..
      helper.q(tmp .. "/profile")
    local p = io.popen(chromium .. " " .. flags .. " --dump-dom " .. helper.q("file://" .. html) .. " 2>/dev/null")
    local dom = p:read("a")
    p:close()
    local body = dom:match("<body[^>]*>")
    assert.truthy(body, "no DOM from chromium")
    assert.equal("0", body:match('data%-errors="(%d+)"'))
    assert.equal(tostring(entries), body:match('data%-marks="(%d+)"'))
    local png = tmp .. "/t.png"
    os.execute(chromium .. " " .. flags .. " --window-size=1400,900 --screenshot=" .. helper.q(png) .. " " ..
               helper.q("file://" .. html) .. " >/dev/null 2>&1")
    local img = helper.read(png)
    assert.equal("\137PNG", img:sub(1, 4))
    assert.is_true(#img > 10000)   -- a drawn page, not a blank one
    os.execute("rm -rf " .. helper.q(tmp))
  end)
end)

describe("timeline quality on ../shared/gold-dev", function()
  local gold = helper.shared .. "/gold-dev/timeline.jsonl"
  local have = helper.exists(gold) and os.execute("command -v python3 >/dev/null 2>&1")
  local run = have and it or pending
  run((have and "" or "skipped: " .. gold .. " or python3 is absent; ") ..
      "reaches span F1 >= 0.90 and value F1 >= 0.85 on the dev articles", function()
    local res = helper.score_gold(gold, "eval_timeline.py", {"timeline", "--all", "--format", "jsonl"})
    local span = tonumber(res:match("span F1 ([%d.]+)"))
    local value = tonumber(res:match("value F1 ([%d.]+)"))
    assert.truthy(span, res)
    assert.is_true(span >= 0.90, res)
    assert.is_true(value >= 0.85, res)
  end)
end)
