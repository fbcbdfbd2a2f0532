-- The real articles in ../shared/corpus/seeds (evaluation only; never copied
-- into the project).  Skipped, with a message, where ../shared is absent.
local vnt = require "vnt"
local helper = require "helper"

local dir = helper.shared .. "/corpus/seeds"

describe("normalization of the seed corpus", function()
  local files = helper.dir(dir)
  if not files then
    pending("skipped: " .. dir .. " is absent")
    return
  end
  for _, name in ipairs(files) do
    local text = helper.read(dir .. "/" .. name)
    it(name .. ": NFC output is valid, NFC and idempotent", function()
      local n = vnt.normalize(text)
      assert.is_true(vnt.valid_utf8(n))
      assert.is_true(vnt.is_normalized(n, "NFC"))
      assert.equal(n, (vnt.normalize(n)))
      assert.equal(n, vnt.nfc(vnt.nfd(text)))
    end)
    it(name .. ": tone conversion is stable both ways", function()
      local new = vnt.normalize(text, { tones = "new" })
      local old = vnt.normalize(text, { tones = "old" })
      assert.equal(old, (vnt.normalize(new, { tones = "old" })))
      assert.equal(new, (vnt.normalize(old, { tones = "new" })))
      assert.equal(new, (vnt.normalize(new, { tones = "new" })))
      -- only the placement moves: the text without marks is the same
      assert.equal(vnt.strip_diacritics(old), vnt.strip_diacritics(new))
    end)
    it(name .. ": the command line gives what the library gives", function()
      local out, err, code = helper.run { "normalize", "--tones", "new", "--space", dir .. "/" .. name }
      assert.equal(0, code)
      assert.equal("", err)
      assert.equal((vnt.normalize(text, { tones = "new", space = true })), out)
    end)
  end
end)
