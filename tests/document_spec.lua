-- vnt.document: an article read once for every analysis.
local vnt = require "vnt"
local document = require "vnt.document"
local timeline = require "vnt.timeline"
local quotes = require "vnt.quotes"
local summary = require "vnt.summary"
local helper = require "helper"

describe("vnt.document", function()
  local text = helper.read("examples/articles/01-can-tho-hoi-thao.txt")

  it("gives timeline, quotes and summary what the text gives them, cleaning the article once", function()
    local calls = 0
    local clean = vnt.clean
    vnt.clean = function(...) calls = calls + 1 return clean(...) end
    local ok, err = pcall(function()
      local d = document.new(text, {name = "a.txt"})
      local b1, b2 = timeline.new(), timeline.new()
      b1:add_document(d)
      local q1 = quotes.find(d)
      local s1 = summary.summarize(d)
      assert.equal(1, calls)
      b2:add_document("a.txt", text)
      local q2 = quotes.find(text)
      local s2 = summary.summarize(text)
      assert.is_true(calls > 1)
      local function values(b)
        local t = {}
        for _, e in ipairs(b:entries()) do t[#t + 1] = e.value .. " " .. e.event end
        return t
      end
      assert.same(values(b2), values(b1))
      assert.is_true(#values(b1) >= 3)
      assert.same(q2, q1)
      assert.is_true(#q1 >= 3)
      assert.same(s2, s1)
    end)
    vnt.clean = clean
    assert(ok, err)
  end)

  it("reads NFD text as NFC, once", function()
    local nfd = vnt.nfd("Hà Nội, ngày 5/6/2024. Ông Lý Văn Tâm nói: “Mưa lớn kéo dài suốt đêm qua.”\n")
    local d = document.new(nfd)
    assert.equal(vnt.nfc(nfd), d.text)
    assert.equal("Lý Văn Tâm", quotes.find(d)[1].speaker)
  end)

  it("knows its own date and where it comes from", function()
    local d = document.new(text)
    assert.same({"2023-06-12", "byline"}, {d:date()})
    assert.same({"2024-03-01", "given"}, {document.new(text, {date = "2024-03-01"}):date()})
    local d2 = document.new("Sáng 14/2/2025, chợ hoa khai mạc tại Huế.\nHôm sau trời mưa.\n")
    assert.same({"2025-02-14", "text"}, {d2:date()})
    assert.is_nil((document.new("Trời đẹp.\n"):date()))
  end)

  it("keeps the cleaning, the dropped lines and the sentences", function()
    local d = document.new(text)
    assert.equal(d:clean(), d:clean())
    assert.is_true(d:dropped_lines()[2])          -- the byline under the headline
    local sents = d:sentences()
    assert.equal(sents, d:sentences())
    assert.is_true(#sents > 5)
    assert.is_nil(sents[1]:find("Cần Thơ tổ chức hội thảo", 1, true))   -- the headline is no sentence
    assert.is_true(document.is(d))
    assert.is_false(document.is({}))
    assert.has_error(function() document.new(nil) end)
  end)
end)
