local vnt = require "vnt"

describe("vnt.valid_utf8()", function()
  it("accepts the empty string and NUL bytes", function()
    assert.is_true(vnt.valid_utf8(""))
    assert.is_true(vnt.valid_utf8("a\0b"))
  end)

  it("accepts the first and last code point of every length", function()
    for _, s in ipairs { "\x00", "\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
                         "\xEE\x80\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF" } do
      assert.is_true(vnt.valid_utf8(s), ("%q"):format(s))
    end
  end)

  -- every class of malformation, with the 1-based position of the first bad byte
  local bad = {
    { "stray continuation byte", "ab\x80", 3 },
    { "overlong 2-byte (C0)", "a\xC0\xAF", 2 },
    { "overlong 2-byte (C1)", "\xC1\xBF", 1 },
    { "overlong 3-byte", "xy\xE0\x80\xAF", 3 },
    { "overlong 3-byte near the limit", "\xE0\x9F\xBF", 1 },
    { "overlong 4-byte", "\xF0\x8F\xBF\xBF", 1 },
    { "high surrogate", "Vi\xED\xA0\x80", 3 },
    { "low surrogate", "\xED\xBF\xBF", 1 },
    { "above U+10FFFF", "\xF4\x90\x80\x80", 1 },
    { "lead byte F5", "\xF5\x80\x80\x80", 1 },
    { "byte FF", "tiếng\xFF", 8 },
    { "byte FE", "\xFE", 1 },
    { "truncated 2-byte at the end", "Vi\xE1", 3 },
    { "truncated 3-byte at the end", "Vi\xE1\xBB", 3 },
    { "truncated 4-byte at the end", "\xF0\x9F\x98", 1 },
    { "continuation missing in the middle", "a\xC3" .. "b", 2 },
    { "bad byte after a long ASCII run", string.rep("a", 37) .. "\xFF", 38 },
  }
  for _, case in ipairs(bad) do
    it("rejects a " .. case[1] .. " at byte " .. case[3], function()
      local ok, pos = vnt.valid_utf8(case[2])
      assert.is_false(ok)
      assert.equal(case[3], pos)
    end)
  end
end)

describe("repair = true", function()
  it("replaces each maximal invalid subpart with one U+FFFD and counts them", function()
    local s, n = vnt.normalize("a\xF0\x9F\x98" .. "b\xFF\xFEc\xED\xA0\x80", { repair = true })
    -- F0 9F 98 is one truncated sequence; FF and FE are one each; ED A0 80 is three
    assert.equal("a\u{FFFD}b\u{FFFD}\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}", s)
    assert.equal(6, n)
  end)

  it("gives valid UTF-8 for every single byte and every byte pair", function()
    for a = 0, 255 do
      local s = vnt.normalize(string.char(a) .. "x", { repair = true })
      assert.is_true(vnt.valid_utf8(s))
      for b = 128, 255, 7 do
        assert.is_true(vnt.valid_utf8((vnt.normalize(string.char(a, b), { repair = true }))))
      end
    end
  end)

  it("counts nothing on valid text", function()
    local s, n = vnt.normalize("Hà Nội", { repair = true })
    assert.equal("Hà Nội", s)
    assert.equal(0, n)
  end)
end)

describe("vnt.count_lines()", function()
  it("counts the line breaks of a string or of a part of it, like string.gsub does", function()
    local s = "một\nhai\n\nba\r\nbốn"
    local function ref(t) return select(2, t:gsub("\n", "")) end
    assert.equal(ref(s), vnt.count_lines(s))
    for i = -3, #s + 2 do
      for j = -3, #s + 2 do
        assert.equal(ref(s:sub(i, j)), vnt.count_lines(s, i, j), i .. ", " .. j)
      end
    end
    assert.equal(0, vnt.count_lines(""))
  end)
end)
