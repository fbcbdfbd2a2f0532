-- The documentation says what the code is: generated parts up to date,
-- every script and every public function of the library documented.
local helper = require "helper"
local q = helper.q

local function sh(cmd)
  local p = io.popen("(" .. cmd .. ") 2>&1")
  local out = p:read("a")
  local ok = p:close()
  return out, ok
end

local function scripts()
  local t = {}
  for _, f in ipairs(helper.dir(helper.root .. "/scripts")) do
    local n = f:match("^(.-)%.lua$")
    if n then t[#t + 1] = n end
  end
  return t
end

describe("the documentation", function()
  it("docs/options.md is what tools/gen-docs.lua makes from the scripts now", function()
    local dir = os.tmpname()
    os.remove(dir)
    local out, ok = sh(q(helper.bin) .. " run tools/gen-docs.lua " .. q(dir) .. " scripts")
    assert(ok, out)
    assert.equal(helper.read(dir .. "/options.md"), helper.read(helper.root .. "/docs/options.md"),
      "docs/options.md is stale: make man && cp build/man/options.md docs/options.md")
    -- a man page per script, each with every option of its --help
    for _, n in ipairs(scripts()) do
      local page = helper.read(dir .. "/man1/vnt-" .. n .. ".1")
      local help = sh(q(helper.bin) .. " " .. n .. " --help")
      for opt in help:gmatch("\n%s+(%-%-[%w%-]+)") do
        assert.matches("\\fB" .. opt:gsub("%-", "\\-"), page, 1, true)
      end
    end
    os.execute("rm -rf " .. q(dir))
  end)

  it("docs/cli.md has a section for every script, and the README points at every page of docs/", function()
    local cli = helper.read(helper.root .. "/docs/cli.md")
    local readme = helper.read(helper.root .. "/README.md")
    for _, n in ipairs(scripts()) do
      assert.truthy(cli:find("\n###[^\n]*`vnt " .. n:gsub("%-", "%%-") .. "`"), "docs/cli.md: no section for " .. n)
    end
    for _, f in ipairs(helper.dir(helper.root .. "/docs")) do
      if f:match("%.md$") and f ~= "README.md" then
        assert.truthy(readme:find("docs/" .. f, 1, true), "README.md does not point at docs/" .. f)
      end
    end
    -- the README stays short, and keeps the two set-up commands
    assert.is_true(select(2, readme:gsub("\n", "")) < 200)
    assert.truthy(readme:find("\nmake demo\n", 1, true))
    assert.truthy(readme:find("\nmake deps test\n", 1, true))
    assert.matches("make deps test", helper.read(helper.root .. "/.ci/run"), 1, true)
  end)

  it("documents every public function of the Lua library with a doc comment", function()
    local missing = {}
    for _, f in ipairs(helper.dir(helper.root .. "/bindings/lua/vnt")) do
      if f:match("%.lua$") then
        local prev = ""
        for line in io.lines(helper.root .. "/bindings/lua/vnt/" .. f) do
          if line:match("^function M[%.:]") or line:match("^function Builder:") then
            if not prev:match("^%-%-") then missing[#missing + 1] = f .. ": " .. line end
          end
          if line:match("%S") then prev = line end
        end
      end
    end
    assert.same({}, missing)
  end)

  it("builds the LDoc reference of the Lua library without a warning", function()
    if helper.sanitized then
      pending("skipped in the sanitized run: LDoc is Lua and reads files; checked in the other run")
      return
    end
    if select(2, sh("command -v ldoc >/dev/null")) ~= true then
      pending("skipped: ldoc is not installed (Debian package lua-ldoc; make test installs it as root)")
      return
    end
    local dir = os.tmpname()
    os.remove(dir)
    local out, ok = sh("cd docs && ldoc -c config.ld -d " .. q(dir) .. " .")
    assert(ok, out)
    local warnings = {}
    for line in out:gmatch("[^\n]+") do
      if not (line:match("^reading configuration") or line:match("^changing to directory") or
              line:match("^format: ") or line:match("^output written")) then
        warnings[#warnings + 1] = line
      end
    end
    assert.same({}, warnings)
    for _, m in ipairs {"vnt.timeline", "vnt.timex", "vnt.quotes", "vnt.summary", "vnt.clean", "vnt.stats", "vnt.io",
                        "vnt.names", "vnt.document", "vnt.text"} do
      local page = helper.read(dir .. "/modules/" .. m .. ".html")
      assert.matches(m, page, 1, true)
    end
    assert.matches("find", helper.read(dir .. "/modules/vnt.quotes.html"), 1, true)
    os.execute("rm -rf " .. q(dir))
  end)
end)
