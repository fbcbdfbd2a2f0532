-- Tone-mark placement: every vowel cluster x every tone, in both directions.
local vnt = require "vnt"

local TONES = {
  { "huyền", "\u{300}" }, { "sắc", "\u{301}" }, { "hỏi", "\u{309}" },
  { "ngã", "\u{303}" }, { "nặng", "\u{323}" },
}

-- Put combining mark `m` after the i-th character of s (characters, not bytes), NFC.
local function mark(s, i, m)
  local out, k = {}, 0
  for _, c in utf8.codes(s) do
    out[#out + 1] = utf8.char(c)
    k = k + 1
    if k == i then out[#out + 1] = m end
  end
  return vnt.nfc(table.concat(out))
end

-- syllable without tone, position of the tone in the old style, in the new style
local CASES = {
  -- open oa, oe, uy: the only places where the two styles differ
  { "hoa", 2, 3 }, { "xoa", 2, 3 }, { "khoe", 3, 4 }, { "loe", 2, 3 }, { "thuy", 3, 4 },
  { "tuy", 2, 3 }, { "nguy", 3, 4 }, { "hoe", 2, 3 }, { "HOA", 2, 3 }, { "Thuy", 3, 4 },
  -- with a final consonant both put it on the last vowel
  { "hoan", 3, 3 }, { "toan", 3, 3 }, { "khoen", 4, 4 }, { "huynh", 3, 3 }, { "xoong", 3, 3 },
  { "hoach", 3, 3 },
  -- a vowel with a quality mark takes the tone
  { "ngươi", 4, 4 }, { "chuyên", 5, 5 }, { "khuây", 4, 4 }, { "muôn", 3, 3 }, { "tuân", 3, 3 },
  { "thuê", 4, 4 }, { "thuơ", 4, 4 }, { "rươu", 3, 3 }, { "cưu", 2, 2 }, { "mưa", 2, 2 },
  { "yêu", 2, 2 }, { "tiên", 3, 3 }, { "xoăn", 3, 3 }, { "đâu", 2, 2 }, { "mây", 2, 2 },
  { "tôi", 2, 2 }, { "mơi", 2, 2 }, { "gưi", 2, 2 }, { "Việt", 3, 3 }, { "ĐƯƠNG", 3, 3 },
  -- three vowels without quality: the middle one
  { "ngoai", 4, 4 }, { "xoay", 3, 3 }, { "khuya", 4, 4 }, { "khuyu", 4, 4 }, { "ngoeo", 4, 4 },
  -- other open pairs: the first vowel in both styles
  { "mua", 2, 2 }, { "tai", 2, 2 }, { "cao", 2, 2 }, { "sau", 2, 2 }, { "may", 2, 2 },
  { "keo", 2, 2 }, { "mia", 2, 2 }, { "liu", 2, 2 }, { "toi", 2, 2 }, { "tui", 2, 2 },
  -- qu and gi are consonants when a vowel follows
  { "qua", 3, 3 }, { "quy", 3, 3 }, { "quyên", 5, 5 }, { "quynh", 3, 3 }, { "gia", 3, 3 },
  { "giưa", 3, 3 }, { "gi", 2, 2 }, { "gin", 2, 2 }, { "giêng", 4, 4 }, { "Quy", 3, 3 },
}

describe("vnt.normalize() with tones", function()
  for _, c in ipairs(CASES) do
    local base, o, n = c[1], c[2], c[3]
    it(("places every tone of '%s' in both directions"):format(base), function()
      for _, t in ipairs(TONES) do
        local old, new = mark(base, o, t[2]), mark(base, n, t[2])
        assert.equal(new, (vnt.normalize(old, { tones = "new" })), t[1])
        assert.equal(old, (vnt.normalize(new, { tones = "old" })), t[1])
        assert.equal(new, (vnt.normalize(new, { tones = "new" })), t[1])
        assert.equal(old, (vnt.normalize(old, { tones = "old" })), t[1])
        -- decomposed input comes out composed and placed
        assert.equal(new, (vnt.normalize(vnt.nfd(old), { tones = "new" })), t[1])
        assert.equal(vnt.nfd(old), (vnt.normalize(new, { tones = "old", form = "NFD" })), t[1])
      end
    end)
  end

  it("puts the tone on the second vowel of 'oa' with tones = 'new'", function()
    assert.equal("hoà", (vnt.normalize("hòa", { tones = "new" })))
    assert.equal("thuỷ điện Hoà Bình", (vnt.normalize("thủy điện Hòa Bình", { tones = "new" })))
  end)

  it("makes both spellings of a word the same", function()
    local a = vnt.normalize("hiện đại hoá", { tones = "new" })
    local b = vnt.normalize("hiện đại hóa", { tones = "new" })
    assert.equal(a, b)
    assert.equal(vnt.normalize("hiện đại hoá", { tones = "old" }), (vnt.normalize("hiện đại hóa", { tones = "old" })))
  end)

  it("fixes a misplaced mark to where the style puts it", function()
    assert.equal("hoàn", (vnt.normalize("hòan", { tones = "new" })))
    assert.equal("hoàn", (vnt.normalize("hòan", { tones = "old" })))
    assert.equal("già", (vnt.normalize("gìa", { tones = "old" })))
  end)

  it("never moves the mark of qu-, gi- words or words that are not Vietnamese", function()
    for _, w in ipairs { "quả", "giữa", "quốc", "gì", "giặc", "Viettel", "Houlin", "iPhone",
                         "café", "naïve", "Zürich", "hôm", "ok", "ạ", "Nguyễn", "Dũng" } do
      assert.equal(w, (vnt.normalize(w, { tones = "new" })), w)
      assert.equal(w, (vnt.normalize(w, { tones = "old" })), w)
    end
  end)

  it("keeps the text's own placement by default", function()
    assert.equal("hòa hoà", (vnt.normalize("hòa hoà")))
    assert.equal("hòa hoà", (vnt.normalize("hòa hoà", { tones = "keep" })))
  end)

  it("keeps case letter by letter", function()
    assert.equal("HOÀ", (vnt.normalize("HÒA", { tones = "new" })))
    assert.equal("KhOẺ", (vnt.normalize("KhỎE", { tones = "new" })))
  end)

  it("leaves a syllable with two tone marks alone", function()
    local s = vnt.nfc("ho\u{300}a\u{301}")
    assert.equal(s, (vnt.normalize(s, { tones = "new" })))
  end)
end)
