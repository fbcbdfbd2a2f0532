-- Text in other encodings, to and from UTF-8.  The iconv encodings are
-- checked against the iconv command (independent of vnt); VNI-Windows and
-- VIQR against bytes written by hand from their tables.
local vnt = require "vnt"
local helper = require "helper"

local text = helper.read("tests/fixtures/encodings.txt")

local function iconv(data, from, to)
  local tmp = os.tmpname()
  helper.write(tmp, data)
  local p = io.popen(("iconv -f %s -t %s %s"):format(from, to, helper.q(tmp)))
  local out = p:read("a")
  p:close()
  os.remove(tmp)
  return out
end

describe("vnt.decode() and vnt.encode()", function()
  for _, c in ipairs { {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"}, {"cp1258", "CP1258"},
                       {"tcvn3", "TCVN5712-1"}, {"viscii", "VISCII"} } do
    it(c[1] .. ": decodes what iconv encodes, and encodes to what iconv decodes", function()
      local bytes = iconv(text, "UTF-8", c[2])
      assert.is_true(#bytes > 0)
      assert.equal(text, vnt.decode(bytes, c[1]))
      assert.equal(text, vnt.nfc(iconv(vnt.encode(text, c[1]), c[2], "UTF-8")))
    end)
  end

  it("vni: decodes VNI-Windows bytes written from its table", function()
    -- chào = cha + ø; các = ca + ù; bạn = ba + ï; Việt = Vie + ä; đâu = ñ a â u;
    -- người = ng ö ô ø i; ĐẰNG = Ñ A È N G; ỉ = æ; ỵ = î
    local vni = "Xin cha\xF8o ca\xF9c ba\xEFn, Vie\xE4t Nam, \xF1a\xE2u, ng\xF6\xF4\xF8i, \xD1A\xC8NG, \xE6 \xEE"
    assert.equal("Xin chào các bạn, Việt Nam, đâu, người, ĐẰNG, ỉ ỵ", vnt.decode(vni, "vni"))
    assert.equal(vni, vnt.encode("Xin chào các bạn, Việt Nam, đâu, người, ĐẰNG, ỉ ỵ", "vni"))
  end)

  it("vni: round-trips the whole fixture, and Windows-1252 quotes", function()
    assert.equal(text, vnt.decode(vnt.encode(text, "vni"), "vni"))
    assert.equal("“Có”", vnt.decode("\x93Co\xF9\x94", "vni"))
  end)

  it("viqr: decodes VIQR written by hand, RFC 1456 style", function()
    assert.equal("Hà Nội. Việt Nam, đầu? Ca. Tôi đi học.",
      vnt.decode("Ha` No^.i. Vie^.t Nam, dda^`u? Ca\\. To^i ddi ho.c.", "viqr"))
    assert.equal("Vie^.t Nam: thuy?, ngu+o+`i, dda(.c bie^.t", vnt.encode("Việt Nam: thuỷ, người, đặc biệt", "viqr"))
  end)

  it("viqr: round-trips the fixture, escaping marks meant literally", function()
    local t = text .. "Cà. Nội? e.g. a\\b (x)\n"
    assert.equal(t, vnt.decode(vnt.encode(t, "viqr"), "viqr"))
  end)

  it("drops a byte order mark and gives NFC", function()
    assert.equal("Việt", vnt.decode("\xEF\xBB\xBFVi\xC3\xAA\xCC\xA3t", "utf-8"))
    assert.equal("Việt", vnt.decode("\xFF\xFE" .. iconv("Việt", "UTF-8", "UTF-16LE"), "utf-16le"))
  end)

  it("names the byte an encoding cannot read or write", function()
    assert.has.error(function() vnt.decode("ab\xFF", "utf-8") end, "vnt.decode: not valid utf-8 at byte 3")
    assert.has.error(function() vnt.encode("a “b”", "viqr") end, "vnt.encode: viqr cannot hold the character at byte 3")
    assert.has.error(function() vnt.decode("x", "latin9") end)
  end)
end)

describe("vnt.detect()", function()
  for _, c in ipairs { {"cp1258", "CP1258"}, {"tcvn3", "TCVN5712-1"}, {"viscii", "VISCII"},
                       {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"} } do
    it("recognizes " .. c[1], function()
      local e, conf = vnt.detect(iconv(text, "UTF-8", c[2]))
      assert.equal(c[1], e)
      assert.is_true(conf >= 60)
    end)
  end

  it("recognizes UTF-8, VNI and VIQR", function()
    assert.equal("utf-8", (vnt.detect(text)))
    assert.equal("vni", (vnt.detect(vnt.encode(text, "vni"))))
    assert.equal("viqr", (vnt.detect(vnt.encode(text, "viqr"))))
    assert.equal("utf-8", (vnt.detect("plain ASCII, no Vietnamese at all.\n")))
  end)

  it("recognizes byte order marks with full confidence", function()
    assert.same({"utf-8", 100}, {vnt.detect("\xEF\xBB\xBFabc")})
    assert.same({"utf-16le", 100}, {vnt.detect("\xFF\xFEa\0")})
  end)

  it("calls NUL-ridden data binary and says when it cannot tell", function()
    assert.equal("binary", (vnt.detect("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\1\0")))
    local e, conf = vnt.detect("\xA0\xA1\xA2 \xA3\xA4 \xA5\xA6\xA7")
    assert.is_true(e == "unknown" or conf < 60)
  end)
end)

describe("encodings: found by fuzzing (tests/fuzz)", function()
  it("refuses to write in VNI a mark on a consonant, which VNI cannot hold", function()
    local ok, err = pcall(vnt.encode, "fṭ", "vni")
    assert.is_false(ok)
    assert.truthy(tostring(err):find("vni cannot hold the character at byte 2", 1, true))
  end)

  it("passes NUL bytes through the VNI decoder as the others do", function()
    assert.equal("Vi\0\0t", vnt.decode("Vi\0\0t", "vni"))
  end)

  it("drops a byte order mark when decoding UTF-16, so it does not come back", function()
    assert.equal("Vi", vnt.decode(vnt.encode("\239\187\191Vi", "utf-16le"), "utf-16le"))
  end)
end)

describe("VIQR: found by fuzzing", function()
  it("refuses a mark on a consonant, and writes Vietnamese syllables it reads back", function()
    assert.is_false((pcall(vnt.encode, "fṭ", "viqr")))
    local text = "Việt Nam đẹp lắm những ngày thu"
    assert.equal(text, vnt.decode(vnt.encode(text, "viqr"), "viqr"))
  end)
end)
