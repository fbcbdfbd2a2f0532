-- vnt.wordset: words looked up in any case, and where they start in a text
local vnt = require "vnt"

describe("vnt.wordset()", function()
  it("looks words up in any case, with their marks", function()
    local ws = vnt.wordset {"tháng", "Đêm"}
    assert.is_true(ws:has("THÁNG"))
    assert.is_true(ws:has("đÊM"))
    assert.is_false(ws:has("thang"))
    assert.is_false(ws:has("thán"))
    assert.equal(2, #ws)
  end)

  it("finds the starts of its words, 1-based, and of numbers", function()
    local ws = vnt.wordset {"tháng", "sáng"}
    local t = "Sáng 5, “Tháng ba” và x3 tháng"
    local st = ws:starts(t)
    assert.same({"Sáng", "5", "Tháng", "tháng"}, (function()
      local out = {}
      for i, p in ipairs(st) do out[i] = t:match("^[^%s%p”“]+", p) end
      return out
    end)())
    assert.equal(4, #ws:starts(t) - 0)
    assert.equal(3, #ws:starts(t, false))
  end)

  it("takes a word that starts only before some next words or a number", function()
    local ws = vnt.wordset {{"trong", "#", "vòng"}}
    assert.is_false(ws:has("trong"))
    local t = "trong nhà, Trong 3 ngày, TRONG VÒNG, trong\tvòng"
    local words = {}
    for _, p in ipairs(ws:starts(t, false)) do words[#words + 1] = t:sub(p, p + 4) end
    assert.same({"Trong", "TRONG", "trong"}, words)
  end)

  it("refuses what is not a word, naming the entry", function()
    assert.has_error(function() vnt.wordset {"hai từ"} end, "vnt.wordset: entry 1: 'hai từ' is more than one word")
    assert.has_error(function() vnt.wordset {"a", ""} end, "vnt.wordset: entry 2 (''): a word is 1 to 48 bytes")
    assert.has_error(function() vnt.wordset {"a", 5} end, "vnt.wordset: entry 2 holds a number, not a word")
    assert.has_error(function() vnt.wordset {{"trong"}} end, "vnt.wordset: entry 1 ('trong') names no next word")
    assert.has_error(function() vnt.wordset {("x"):rep(49)} end)
  end)

  it("reads a text of any bytes to its end", function()
    local ws = vnt.wordset {"năm"}
    local t = "\255\254 năm \192 " .. ("\204\129"):rep(1000) .. " năm"
    assert.equal(2, #ws:starts(t))
  end)
end)
