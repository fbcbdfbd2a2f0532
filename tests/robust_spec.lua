-- Hostile and extreme input: a correct result or a clear error, never a crash.
local vnt = require "vnt"
local helper = require "helper"

describe("extreme input", function()
  it("handles a 100 MB line of Vietnamese (fast path: the same string back)", function()
    local unit = "Chuyển đổi số quốc gia, hoà bình và thuỷ điện 2023 "
    local s = string.rep(unit, math.ceil(100e6 / #unit))
    assert.is_true(#s >= 100e6)
    assert.equal(s, vnt.nfc(s))
    assert.is_true(vnt.valid_utf8(s))
  end)

  it("handles a 16 MB line that needs composing all the way", function()
    local unit = vnt.nfd("Chuyển đổi số ")
    local s = string.rep(unit, math.ceil(16e6 / #unit))
    local want = string.rep("Chuyển đổi số ", math.ceil(16e6 / #unit))
    assert.equal(want, vnt.nfc(s))
    assert.equal(want, (vnt.normalize(s, { tones = "new", form = "NFC" })))
  end)

  it("composes a base followed by 100 000 identical combining marks", function()
    local s = "a" .. string.rep("\u{301}", 100000)
    assert.equal("á" .. string.rep("\u{301}", 99999), vnt.nfc(s))
    assert.equal(s, vnt.nfd(s))
  end)

  it("orders 1 000 000 combining marks of mixed classes", function()
    local s = "e" .. string.rep("\u{302}\u{323}", 500000)
    local d = vnt.nfd(s)
    assert.equal("e" .. string.rep("\u{323}", 500000) .. string.rep("\u{302}", 500000), d)
    local c = vnt.nfc(s)
    assert.equal("ệ" .. string.rep("\u{323}", 499999) .. string.rep("\u{302}", 499999), c)
  end)

  it("normalizes 100 000 marks with no base at all", function()
    local s = string.rep("\u{323}", 100000)
    assert.equal(s, vnt.nfc(s))
    assert.equal(s, (vnt.normalize(s, { tones = "new", case = "upper" })))
    assert.equal("", vnt.strip_diacritics(s))
  end)

  it("passes NUL bytes and control characters through", function()
    local s = "a\0b\1\127c"
    assert.equal(s, vnt.nfc(s))
    assert.equal(s, vnt.nfd(s))
  end)

  it("repairs a file of random bytes into valid UTF-8 of the right size", function()
    math.randomseed(42)
    local t = {}
    for i = 1, 200000 do t[i] = string.char(math.random(0, 255)) end
    local s = table.concat(t)
    local r, n = vnt.normalize(s, { repair = true, form = "none" })
    assert.is_true(vnt.valid_utf8(r))
    assert.is_true(n > 10000)
    local ok = pcall(vnt.nfc, s)
    assert.is_false(ok)
    -- every form of the repaired text is valid and idempotent
    for _, f in ipairs { vnt.nfc, vnt.nfd, vnt.nfkc, vnt.nfkd } do
      local once = f(r)
      assert.equal(once, f(once))
    end
  end)
end)
