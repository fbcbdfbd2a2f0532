local vnt = require "vnt"
local vio = require "vnt.io"
local helper = require "helper"

local function tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p " .. helper.q(d)))
  return d
end

describe("vnt.io.documents()", function()
  it("walks directories in name order and decodes every encoding to NFC", function()
    local d = tmpdir()
    helper.write(d .. "/1.txt", vnt.nfd("Hoà Bình\n"))
    helper.write(d .. "/2.txt", vnt.encode("Thủy điện\n", "vni"))
    helper.write(d .. "/3.txt", "\xEF\xBB\xBFKhỏe\n")
    local got = {}
    for name, text, meta in vio.documents({d}) do
      got[#got + 1] = {name:sub(#d + 2), text, meta.encoding}
    end
    os.execute("rm -rf " .. helper.q(d))
    assert.same({{"1.txt", "Hoà Bình\n", "utf-8"}, {"2.txt", "Thủy điện\n", "vni"}, {"3.txt", "Khỏe\n", "utf-8"}}, got)
  end)

  it("yields a reason for what it cannot read, and goes on", function()
    local d = tmpdir()
    helper.write(d .. "/a.bin", "PK\3\4\0\0\0\0binary")
    helper.write(d .. "/b.txt", "dòng một\ndòng \xC3(\n")
    helper.write(d .. "/c.txt", "tốt\n")
    local got = {}
    for name, text, why in vio.documents({d, "/no/such"}) do got[#got + 1] = text and ("ok " .. text) or why end
    os.execute("rm -rf " .. helper.q(d))
    assert.same({
      "/no/such: No such file or directory",
      d .. "/a.bin: binary data (NUL or control bytes), not text",
      d .. "/b.txt:2: invalid UTF-8 at byte 19 (use --repair to replace it)",
      "ok tốt\n",
    }, got)
  end)

  it("repairs invalid UTF-8 when asked, counting the repairs", function()
    local text, meta = vio.decode("dòng \xC3(\n", "x", {repair = true})
    assert.equal("dòng \u{FFFD}(\n", text)
    assert.equal(1, meta.repairs)
  end)

  it("takes a forced encoding", function()
    local text, meta = vio.decode(vnt.encode("Việt", "tcvn3"), "x", {encoding = "tcvn3"})
    assert.equal("Việt", text)
    assert.equal("tcvn3", meta.encoding)
  end)

  it("reads an empty file as empty text", function()
    local p = os.tmpname()
    local text, meta = vio.read(p)
    os.remove(p)
    assert.equal("", text)
    assert.equal("utf-8", meta.encoding)
  end)
end)

describe("vnt.io.lines()", function()
  it("streams lines without their ends and names a bad line", function()
    local p = os.tmpname()
    helper.write(p, "một\r\nhai\nba")
    local got = {}
    for l in vio.lines(p) do got[#got + 1] = l end
    assert.same({"một", "hai", "ba"}, got)
    helper.write(p, "một\nh\xFFai\n")
    assert.has.error(function() for _ in vio.lines(p) do end end, p .. ":2: invalid UTF-8 at byte 2 of the line")
    os.remove(p)
  end)
end)

describe("reading into the output", function()
  it("skips the file that standard output writes to", function()
    local d = tmpdir()
    helper.write(d .. "/a.txt", "Hòa\n")
    local ok = os.execute(helper.q(helper.bin) .. " normalize " .. helper.q(d) .. " > " .. helper.q(d .. "/out.txt") ..
                          " 2> " .. helper.q(d .. "/.err"))
    local out, err = helper.read(d .. "/out.txt"), helper.read(d .. "/.err")
    os.execute("rm -rf " .. helper.q(d))
    assert.is_true(ok)
    assert.equal("Hòa\n", out)
    assert.equal("vnt: " .. d .. "/out.txt: is the output file; skipped\n", err)
  end)
end)
