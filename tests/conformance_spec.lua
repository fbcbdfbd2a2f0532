-- The Unicode conformance suite for the four normalization forms, run
-- through vnt's own entry points (fast path and slow path), as utf8proc's
-- test/normtest.c runs it.  Debian package unicode-data provides the file.
local vnt = require "vnt"
local helper = require "helper"

-- Debian ships it compressed; a plain copy is used where one exists.
local FILE = "/usr/share/unicode/NormalizationTest.txt"
if not helper.exists(FILE) and helper.exists(FILE .. ".bz2") then FILE = FILE .. ".bz2" end

local function lines(path)
  if path:match("%.bz2$") then
    local p = assert(io.popen("bzcat " .. helper.q(path)))
    local t = {}
    for l in p:lines() do t[#t + 1] = l end
    p:close()
    local i = 0
    return function() i = i + 1 return t[i] end
  end
  return io.lines(path)
end

local function cps(field)
  local t = {}
  for hex in field:gmatch("%x+") do t[#t + 1] = utf8.char(tonumber(hex, 16)) end
  return table.concat(t)
end

local function load()
  local rows, part1 = {}, {}
  local part
  for line in lines(FILE) do
    local p = line:match("^@Part(%d)")
    if p then part = tonumber(p)
    elseif line ~= "" and line:sub(1, 1) ~= "#" then
      local f = {}
      for field in line:gmatch("([^;]*);") do f[#f + 1] = cps(field) end
      rows[#rows + 1] = f
      if part == 1 then part1[utf8.codepoint(f[1])] = true end
    end
  end
  return rows, part1
end

describe("NormalizationTest.txt", function()
  if not helper.exists(FILE) then
    pending("skipped: " .. FILE .. "(.bz2) is absent (Debian package unicode-data)")
    return
  end
  local rows, part1 = load()

  local function check(name, fn, want_of, from)
    local bad, first = 0, nil
    for i, r in ipairs(rows) do
      local want = r[want_of]
      for _, k in ipairs(from) do
        local got = fn(r[k])
        if got ~= want then
          bad = bad + 1
          first = first or ("line %d, c%d: want %q got %q"):format(i, k, want, got)
        end
      end
    end
    assert(bad == 0, name .. ": " .. bad .. " failures; first: " .. tostring(first))
  end

  it("has the rows of all four parts", function()
    assert.is_true(#rows > 19000)
  end)
  it("NFC: c2 == toNFC(c1) == toNFC(c2) == toNFC(c3), c4 == toNFC(c4) == toNFC(c5)", function()
    check("NFC", vnt.nfc, 2, { 1, 2, 3 })
    check("NFC", vnt.nfc, 4, { 4, 5 })
  end)
  it("NFD: c3 == toNFD(c1) == toNFD(c2) == toNFD(c3), c5 == toNFD(c4) == toNFD(c5)", function()
    check("NFD", vnt.nfd, 3, { 1, 2, 3 })
    check("NFD", vnt.nfd, 5, { 4, 5 })
  end)
  it("NFKC: c4 == toNFKC(c1..c5)", function()
    check("NFKC", vnt.nfkc, 4, { 1, 2, 3, 4, 5 })
  end)
  it("NFKD: c5 == toNFKD(c1..c5)", function()
    check("NFKD", vnt.nfkd, 5, { 1, 2, 3, 4, 5 })
  end)
  it("vnt.normalize with each form gives the same as the shortcut", function()
    for _, form in ipairs { "NFC", "NFD", "NFKC", "NFKD" } do
      check(form, function(s) return (vnt.normalize(s, { form = form })) end,
        ({ NFC = 2, NFD = 3, NFKC = 4, NFKD = 5 })[form], { 1 })
    end
  end)
  it("whole rows joined into one text normalize as the rows do (segments inside long text)", function()
    -- a line break never composes, so each row stays its own segment
    for _, form in ipairs { { vnt.nfc, 2 }, { vnt.nfd, 3 }, { vnt.nfkc, 4 }, { vnt.nfkd, 5 } } do
      local src, want = {}, {}
      for i, r in ipairs(rows) do
        src[i], want[i] = r[1], r[form[2]]
      end
      local got, i = form[1](table.concat(src, "\n")) .. "\n", 0
      for line in got:gmatch("(.-)\n") do
        i = i + 1
        if line ~= want[i] then
          error(("row %d: want %q got %q"):format(i, want[i], line))
        end
      end
      assert.equal(#want, i)
    end
  end)
  it("leaves every code point not in part 1 unchanged in all four forms", function()
    local bad, first = 0, nil
    for cp = 0, 0x10FFFF do
      if not part1[cp] and (cp < 0xD800 or cp > 0xDFFF) then
        local c = utf8.char(cp)
        if vnt.nfc(c) ~= c or vnt.nfd(c) ~= c or vnt.nfkc(c) ~= c or vnt.nfkd(c) ~= c then
          bad = bad + 1
          first = first or ("U+%04X"):format(cp)
        end
      end
    end
    assert(bad == 0, bad .. " code points changed; first: " .. tostring(first))
  end)
end)
