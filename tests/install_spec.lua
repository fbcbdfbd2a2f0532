-- make install puts a working vnt, module and scripts under PREFIX.
local helper = require "helper"

describe("make install", function()
  if helper.sanitized then
    pending("skipped in the sanitized run: it installs the normal build, tested in the other run")
    return
  end
  local prefix = os.tmpname()
  os.remove(prefix)

  it("installs vnt, the module and the scripts, and the installed vnt finds them", function()
    local ok = os.execute("make -s install PREFIX=" .. helper.q(prefix) .. " > /dev/null")
    assert.is_true(ok)
    local bin = prefix .. "/bin/vnt"
    local p = io.popen(helper.q(bin) .. " help")
    local out = p:read("a")
    p:close()
    assert.matches("\n  normalize ", out, 1, true)
    assert.matches(prefix .. "/bin/../share/vnt/scripts", out, 1, true)
    p = io.popen("printf 'Ho\\314\\200a' | " .. helper.q(bin) .. " normalize --tones new")
    assert.equal("hoà", (p:read("a"):gsub("^H", "h")))
    p:close()
    -- the headline job, with its library modules, from the installed tree
    p = io.popen("printf 'Sáng 29/10/2022, hội chợ khai mạc tại Huế.\n' | " .. helper.q(bin) ..
                 " run timeline --format jsonl")
    assert.matches('"value":"2022-10-29"', p:read("a"), 1, true)
    p:close()
    -- stock lua5.4 finds the installed module with the PREFIX paths
    p = io.popen(("LUA_CPATH=%s LUA_PATH=%s lua5.4 -e 'print(require(\"vnt\").nfc(\"Vie\\u{323}\\u{302}t\"), require(\"vnt.cli\") ~= nil)'"):format(
      helper.q(prefix .. "/lib/lua/5.4/?.so;;"), helper.q(prefix .. "/share/lua/5.4/?.lua;;")))
    assert.equal("Việt\ttrue\n", p:read("a"))
    p:close()
  end)

  it("uninstalls everything it installed", function()
    assert.is_true(os.execute("make -s uninstall PREFIX=" .. helper.q(prefix) .. " > /dev/null"))
    local p = io.popen("find " .. helper.q(prefix) .. " -type f | wc -l")
    assert.equal("0", p:read("a"):match("%d+"))
    p:close()
    os.execute("rm -rf " .. helper.q(prefix))
  end)
end)
