local vnt = require "vnt"

describe("vnt.normalize()", function()
  it("returns the empty string for the empty string, with every option", function()
    assert.equal("", (vnt.normalize("")))
    assert.equal("", (vnt.normalize("", { form = "NFKD", tones = "old", case = "fold", strip = true,
                                          space = true, punct = true, repair = true })))
  end)

  it("composes NFD Vietnamese to NFC by default", function()
    local nfd = "Chuye\u{302}\u{309}n \u{111}o\u{302}\u{309}i so\u{302}\u{301}"
    assert.equal("Chuyển đổi số", (vnt.normalize(nfd)))
    assert.equal(nfd, vnt.nfd("Chuyển đổi số"))
  end)

  it("orders marks canonically: dot below before circumflex", function()
    assert.equal("ệ", vnt.nfc("e\u{302}\u{323}"))
    assert.equal("e\u{323}\u{302}", vnt.nfd("ệ"))
  end)

  it("applies compatibility mappings only in the K forms", function()
    assert.equal("ﬁ ①", vnt.nfc("ﬁ ①"))
    assert.equal("fi 1", vnt.nfkc("ﬁ ①"))
    assert.equal("fi 1", vnt.nfkd("ﬁ ①"))
  end)

  it("leaves the form alone with form = 'none'", function()
    local nfd = vnt.nfd("Việt")
    assert.equal(nfd, (vnt.normalize(nfd, { form = "none" })))
  end)

  it("lower- and upper-cases Vietnamese letters, Đ and Ư included", function()
    assert.equal("đường phố hà nội", vnt.lower("ĐƯỜNG PHỐ HÀ NỘI"))
    assert.equal("ĐƯỜNG PHỐ HÀ NỘI", vnt.upper("đường phố hà nội"))
    assert.equal("ư ơ ă â ê ô", vnt.lower("Ư Ơ Ă Â Ê Ô"))
    assert.equal("đường", (vnt.normalize("ĐƯỜNG", { case = "lower" })))
  end)

  it("case-folds for comparison, expanding where Unicode says so", function()
    assert.equal("strasse", vnt.casefold("Straße"))
    assert.equal(vnt.casefold("HOÀ BÌNH"), vnt.casefold("hoà bình"))
  end)

  it("lower-cases decomposed text without losing its marks", function()
    assert.equal("việt", vnt.nfc(vnt.lower(vnt.nfd("VIỆT"))))
  end)

  it("removes diacritics, đ included", function()
    assert.equal("Chuyen doi so", vnt.strip_diacritics("Chuyển đổi số"))
    assert.equal("DA NANG, Thua Thien Hue", vnt.strip_diacritics("ĐÀ NẴNG, Thừa Thiên Huế"))
    assert.equal("Chuyen doi so", vnt.strip_diacritics(vnt.nfd("Chuyển đổi số")))
    assert.equal("cafe", vnt.strip_diacritics("café"))
  end)

  it("normalizes spaces: NBSP, zero-width characters, runs and line ends", function()
    assert.equal("a b c\nd\n\ne", (vnt.normalize("  a\u{A0}\u{A0}b \u{200B}c\u{2003} \n\td \n \ne ", { space = true })))
    assert.equal("tiếng Việt", (vnt.normalize("tiếng\u{202F}Việt", { space = true })))
    assert.equal("ab", (vnt.normalize("a\u{FEFF}b", { space = true })))
  end)

  it("drops zero-width characters before it places tones: a word they split is one word", function()
    -- "g<soft hyphen>ịe" is the word "gịe" once the soft hyphen goes: gi + e, the tone on e
    local o = { tones = "new", case = "upper", space = true }
    local once = vnt.normalize("g\u{AD}ịe hoà\u{200B}", o)
    assert.equal("GIẸ HOÀ", once)
    assert.equal(once, (vnt.normalize(once, o)))   -- and again gives the same
    assert.equal(once, (vnt.normalize("gịe hoà", o)))
  end)

  it("places the tone after the case: a letter that becomes Vietnamese in the other case counts", function()
    -- dotless ı upper-cases to I: "Oı̀" is the syllable "OÌ", whose tone goes on the O in either style
    local o = { form = "NFKD", tones = "new", case = "upper" }
    local once = vnt.normalize("O\u{131}\u{300}", o)
    assert.equal(vnt.nfd("ÒI"), once)
    assert.equal(once, (vnt.normalize(once, o)))
    assert.equal("ÒI", (vnt.normalize("O\u{131}\u{300}", { tones = "old", case = "upper" })))
    -- and the usual way round is unchanged: case does not move a tone the style has placed
    assert.equal("HOÀ THUỶ", (vnt.normalize("hòa thủy", { tones = "new", case = "upper" })))
    assert.equal("hòa thủy", (vnt.normalize("HOÀ THUỶ", { tones = "old", case = "lower" })))
  end)

  it("keeps spaces as they are by default", function()
    assert.equal("a\u{A0} b", (vnt.normalize("a\u{A0} b")))
  end)

  it("normalizes typographic punctuation on request", function()
    assert.equal([["Hà Nội" - 'mùa thu'...]], (vnt.normalize("“Hà Nội” – ‘mùa thu’…", { punct = true })))
    assert.equal("“Hà Nội”", (vnt.normalize("“Hà Nội”")))
  end)

  it("combines options in one call", function()
    local s = vnt.normalize(vnt.nfd("  HÒA  BÌNH “Thủy”  "), { tones = "new", case = "lower", space = true, punct = true })
    assert.equal('hoà bình "thuỷ"', s)
    assert.equal('hoa binh "thuy"', (vnt.normalize("Hòa Bình “Thủy”", { case = "lower", strip = true, punct = true })))
  end)

  it("is idempotent", function()
    local text = "Ngày 12/10, Bộ trưởng cho biết: “Chuyển đổi số là hoà bình, khoẻ mạnh.”"
    for _, opts in ipairs { {}, { tones = "new" }, { tones = "old" }, { form = "NFD" }, { case = "fold" },
                            { strip = true }, { space = true, punct = true } } do
      local once = vnt.normalize(text, opts)
      assert.equal(once, (vnt.normalize(once, opts)))
    end
  end)

  it("returns the number of repairs as its second value", function()
    local s, n = vnt.normalize("Hà Nội")
    assert.equal("Hà Nội", s)
    assert.equal(0, n)
  end)

  it("names the byte offset of the first invalid sequence", function()
    assert.has.error(function() vnt.nfc("ab\xffc") end, "vnt.nfc: invalid UTF-8 at byte 3")
    assert.has.error(function() vnt.normalize("Việt\xC3") end, "vnt.normalize: invalid UTF-8 at byte 7")
    assert.has.error(function() vnt.lower("a\xED\xA0\x80") end, "vnt.lower: invalid UTF-8 at byte 2")
  end)

  it("rejects unknown options and bad values, naming them", function()
    assert.has.error(function() vnt.normalize("x", { from = "NFC" }) end, "vnt.normalize: unknown option 'from'")
    assert.has.error(function() vnt.normalize("x", { tones = "neww" }) end,
      'vnt.normalize: option \'tones\' must be "keep", "new" or "old" (got "neww")')
    assert.has.error(function() vnt.normalize("x", { form = "nfc" }) end,
      'vnt.normalize: option \'form\' must be "none", "NFC", "NFD", "NFKC" or "NFKD" (got "nfc")')
    assert.has.error(function() vnt.normalize("x", { case = 1 }) end,
      'vnt.normalize: option \'case\' must be "keep", "lower", "upper" or "fold" (got number)')
    assert.has.error(function() vnt.normalize("x", { strip = "yes" }) end,
      "vnt.normalize: option 'strip' must be a boolean (got string)")
    assert.has.error(function() vnt.normalize("x", "NFC") end)
    assert.has.error(function() vnt.normalize(nil) end)
  end)
end)

describe("vnt.is_normalized()", function()
  it("answers for each form", function()
    assert.is_true(vnt.is_normalized("Việt"))
    assert.is_false(vnt.is_normalized(vnt.nfd("Việt")))
    assert.is_true(vnt.is_normalized(vnt.nfd("Việt"), "NFD"))
    assert.is_false(vnt.is_normalized("ﬁ", "NFKC"))
  end)
end)

describe("vnt.safe_cut()", function()
  it("cuts after the last line break, else before the last blanks", function()
    assert.equal(3, vnt.safe_cut("ab\ncd"))
    assert.equal(3, vnt.safe_cut("ab\n"))
    assert.equal(2, vnt.safe_cut("ab  cd"))
    assert.equal(0, vnt.safe_cut("abcd"))
    assert.equal(0, vnt.safe_cut(""))
  end)

  it("gives pieces that normalize like the whole", function()
    local s = vnt.nfd("Hòa bình  thủy điện\nHoà Bình khoẻ quả")
    for _, opts in ipairs { {}, { tones = "new" }, { tones = "old", case = "upper" } } do
      local whole = vnt.normalize(s, opts)
      for _, piece in ipairs { s, s:sub(1, vnt.safe_cut(s) - 1) } do
        local n = vnt.safe_cut(piece)
        assert.is_true(n > 0)
        local rest = s:sub(n + 1)
        assert.equal(whole, vnt.normalize(s:sub(1, n), opts) .. vnt.normalize(rest, opts))
      end
    end
  end)
end)

describe("normalization: found by fuzzing (tests/fuzz)", function()
  it("leaves no space for a mark that is stripped away, so it is idempotent", function()
    local o = {form = "NFKC", case = "upper", strip = true, space = true}
    local x = vnt.normalize("gg\194\175\194\175@", o)   -- macrons: NFKC gives space + combining mark
    assert.equal("GG @", x)
    assert.equal(x, vnt.normalize(x, o))
    assert.equal("a", vnt.normalize("a\11\225\171\143", {form = "NFKD", case = "fold", strip = true, space = true}))
  end)
end)
