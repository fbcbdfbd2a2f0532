local vnt = require "vnt"
local helper = require "helper"

local function dropped(text)
  local t = {}
  for _, d in ipairs(vnt.clean(text).dropped) do t[#t + 1] = d.line .. ":" .. d.category end
  return t
end

describe("vnt.clean()", function()
  it("keeps an article without debris as it is", function()
    local text = "Tiêu đề bài báo\n\nĐoạn thứ nhất của bài viết, đủ dài để là văn xuôi và kết thúc bằng dấu chấm câu.\n"
    local r = vnt.clean(text)
    assert.equal(text, r.text)
    assert.equal("Tiêu đề bài báo", r.title)
    assert.same({}, r.dropped)
  end)

  it("gives empty text for empty input", function()
    local r = vnt.clean("")
    assert.equal("", r.text)
    assert.is_nil(r.title)
  end)

  it("drops captions, credits, image names, share and related lines, with reasons", function()
    local text = table.concat({
      "Hội thảo chuyển đổi số tại Cần Thơ",
      "hoi-thao-01.jpg",
      "Các đại biểu tham quan gian trưng bày",
      "Ảnh: Minh Khoa",
      "Ông Lộc nói rằng nông dân trẻ học công nghệ rất nhanh và cần dữ liệu thời tiết mỗi ngày để canh tác.",
      "Toàn cảnh hội thảo. Ảnh Nhật Huy.",
      "Đoàn đại biểu tại hội thảo |",
      "Chia sẻ Zalo Facebook",
      "Bài liên quan",
      "Một bài báo khác",
      "POWERED BY CMS",
    }, "\n") .. "\n"
    assert.same({"2:image-filename", "3:caption", "4:photo-credit", "6:caption", "7:caption", "8:share",
                 "9:related-link", "10:related-link", "11:footer"}, dropped(text))
    local r = vnt.clean(text)
    assert.equal("Hội thảo chuyển đổi số tại Cần Thơ\nÔng Lộc nói rằng nông dân trẻ học công nghệ rất nhanh và " ..
                 "cần dữ liệu thời tiết mỗi ngày để canh tác.\n", r.text)
    assert.matches("photo credit", r.dropped[4].reason, 1, true)
  end)

  it("drops a repeated caption and a lead repeated with the site's name", function()
    local text = "Tiêu đề\nTrang Tin - Sáng 29/10, hội thảo khai mạc tại Cần Thơ với nhiều đại biểu từ các tỉnh trong vùng.\n" ..
                 "Toàn cảnh hội thảo\nToàn cảnh hội thảo\n" ..
                 "Sáng 29/10, hội thảo khai mạc tại Cần Thơ với nhiều đại biểu từ các tỉnh trong vùng.\n"
    assert.same({"2:duplicate", "3:caption", "4:caption-duplicate"}, dropped(text))
  end)

  it("turns bylines, timestamps and sources into metadata", function()
    local text = "Diễn đàn\nTiêu đề của bài\nHoàng Linh 12/06/2023 16:50\n" ..
                 "Nội dung chính của bài báo này đủ dài để được coi là một đoạn văn thực sự của bài viết.\nNguồn: vnt.vn\n"
    local r = vnt.clean(text)
    assert.equal("Tiêu đề của bài", r.title)
    assert.equal("Hoàng Linh", r.author)
    assert.equal("12/06/2023 16:50", r.date)
    assert.equal("vnt.vn", r.source)
    assert.same({"1:section-label", "3:byline", "5:source"}, dropped(text))
  end)

  it("keeps a long paragraph that merely ends in ' |', and an article with no headline", function()
    local long = string.rep("Đây là một câu dài của bài báo viết về chuyển đổi số ở địa phương. ", 8) .. "|"
    local r = vnt.clean(long .. "\n")
    assert.same({}, r.dropped)
    assert.is_nil(r.title)
  end)

  it("cleans the bundled examples without dropping their prose", function()
    for _, name in ipairs(helper.dir("examples/articles")) do
      local text = helper.read("examples/articles/" .. name)
      local r = vnt.clean(vnt.nfc(text))
      for _, d in ipairs(r.dropped) do
        assert.is_true(#d.text < 250, name .. ":" .. d.line .. " dropped a long line")
      end
      assert.is_true(#r.dropped >= 1, name)
    end
  end)
end)

describe("vnt clean (the script)", function()
  it("prints the text, explains what it drops, and gives JSON with metadata", function()
    local out, _, code = helper.run { "clean", "examples/articles/01-can-tho-hoi-thao.txt" }
    assert.equal(0, code)
    assert.is_nil(out:find("Chia sẻ", 1, true))
    assert.is_nil(out:find(".jpg", 1, true))
    local ex = helper.run { "clean", "--explain", "examples/articles/01-can-tho-hoi-thao.txt" }
    assert.matches("examples/articles/01%-can%-tho%-hoi%-thao.txt:4\timage%-filename\t", ex)
    local js = helper.run { "clean", "--format", "jsonl", "examples/articles/01-can-tho-hoi-thao.txt" }
    assert.matches('^{"doc":"examples/articles/01%-can%-tho%-hoi%-thao.txt","title":"Cần Thơ tổ chức', js)
    assert.matches('"date":"12/06/2023 16:50"', js)
    assert.matches('"dropped":%[{"line":2,"category":"byline"', js)
  end)
end)

describe("boilerplate against gold-dev/boilerplate.jsonl", function()
  local gold_file = helper.shared .. "/gold-dev/boilerplate.jsonl"
  if not helper.exists(gold_file) then
    pending("skipped: " .. gold_file .. " is absent")
    return
  end
  it("drops the gold's lines with precision and recall >= 0.95", function()
    local cjson = require "cjson"
    local gold, docs = {}, {}
    for l in io.lines(gold_file) do
      local r = cjson.decode(l)
      if r.scope == "line" then gold[r.doc .. ":" .. math.tointeger(r.line)] = true end
      docs[r.doc] = true
    end
    local tp, fp, fn = 0, 0, 0
    for doc in pairs(docs) do
      local r = vnt.clean(helper.read(helper.shared .. "/corpus/seeds/" .. doc))
      local pred = {}
      for _, d in ipairs(r.dropped) do pred[doc .. ":" .. d.line] = true end
      for k in pairs(pred) do if gold[k] then tp = tp + 1 else fp = fp + 1 end end
      for k in pairs(gold) do if k:find(doc, 1, true) == 1 and not pred[k] then fn = fn + 1 end end
    end
    local P, R = tp / (tp + fp), tp / (tp + fn)
    print(("\n# boilerplate lines: P %.3f R %.3f (tp %d fp %d fn %d)"):format(P, R, tp, fp, fn))
    assert.is_true(P >= 0.95 and R >= 0.95)
  end)
end)
