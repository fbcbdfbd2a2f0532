-- The script-level adversarial suite, short: every script over hostile
-- documents of about 20 KB and 200 KB (tests/adversarial/run.lua; `make fuzz`
-- runs it at 200 KB and 2 MB).  Time at most 15x for 10x the input, peak
-- RSS under 600 MiB, valid output, clean errors.
local helper = require "helper"

describe("the adversarial suite (short)", function()
  if helper.sanitized then
    pending("skipped in the sanitized run: its time bounds are for the normal build (the sanitized one runs the specs)")
    return
  end
  it("passes every hostile document through every script within its bounds", function()
    local p = io.popen(("lua5.4 tests/adversarial/run.lua short %s 2>&1"):format(helper.q(helper.bin)))
    local out = p:read("a")
    p:close()
    local pass, fail = out:match("(%d+) passed, (%d+) failed\n*$")
    assert.truthy(pass, out)
    assert.equal("0", fail, out)
    assert.is_true(tonumber(pass) >= 150, out)
  end)
end)
