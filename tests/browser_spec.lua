-- The timeline page in a real browser: Debian's Chromium driven by
-- playwright-core (npm), at 5, 200 and 2,000 articles.  The articles of the
-- two larger sizes are made up by tests/browser/gen-articles.lua.  The
-- screenshots of the first screen are written to build/screenshots/.
local helper = require "helper"
local cjson = require "cjson"
local q = helper.q

local root = helper.root
local playwright = root .. "/build/browser/node_modules/playwright-core/index.mjs"
local chromium = os.getenv("CHROMIUM") or "/usr/bin/chromium"
local why
if helper.sanitized then
  why = "the sanitized run (the page is the same; checked in the other run)"
elseif not helper.exists(chromium) then
  why = chromium .. " is absent (Debian package chromium; make test installs it as root)"
elseif not helper.exists(playwright) then
  why = "playwright-core is not installed in build/browser (make test runs npm ci there)"
elseif not require("vnt.timeline_page").library() then
  why = "vis-timeline is not installed (make fetches it with npm)"
end

describe("the timeline page in Chromium", function()
  if why then pending("skipped: " .. why) return end
  local shots = root .. "/build/screenshots"
  os.execute("mkdir -p " .. q(shots))
  local tmp = os.tmpname()
  os.remove(tmp)
  os.execute("mkdir -p " .. q(tmp))
  teardown(function() os.execute("rm -rf " .. q(tmp)) end)

  local function page_of(n)
    local html = ("%s/t%d.html"):format(tmp, n)
    local out, err, code
    if n == 5 then
      out, err, code = helper.run { "timeline", "--format", "html", "--title", "Các bài mẫu", "examples/articles" }
    else
      local corpus = ("%s/a%d.txt"):format(tmp, n)
      helper.write(corpus, (helper.run { "run", "tests/browser/gen-articles.lua", tostring(n), "7" }))
      out, err, code = helper.run { "timeline", "--split", "blank", "--format", "html", "--title", n .. " bài", corpus }
    end
    assert.equal(0, code, err)
    helper.write(html, out)
    return html
  end

  local function drive(html, png, term)
    local p = io.popen(("PLAYWRIGHT=%s CHROMIUM=%s node %s %s %s %s 2>&1"):format(q(playwright), q(chromium),
      q(root .. "/tests/browser/timeline.mjs"), q(html), q(png), q(term)))
    local out = p:read("a")
    p:close()
    local last = out:match("([^\n]+)\n*$") or ""
    local ok, r = pcall(cjson.decode, last)
    assert(ok, out)
    return r
  end

  for _, case in ipairs {{5, "gạo", 5000}, {200, "cầu", 5000}, {2000, "cầu", 2000}} do
    local n, term, limit = case[1], case[2], case[3]
    it(("loads without errors at %d articles (in under %.0f s), zooms, filters, groups, and shows the sources on a click")
       :format(n, limit / 1000), function()
      local html = page_of(n)
      local png = ("%s/timeline-%d.png"):format(shots, n)
      local r = drive(html, png, term)
      assert.same({}, r.errors)
      assert.equal(0, r.final_errors)
      assert.is_true(r.load_ms < limit, ("loaded in %d ms (%s)"):format(r.load_ms, table.concat(r.loads, ", ")))
      -- the first screen shows the whole span: every entry lies inside the window
      assert.is_true(r.first.entries > 0)
      assert.equal(r.first.entries, r.first.shown)
      assert.is_true(r.first.items > 0)
      -- zooming in narrows the visible range
      assert.is_true(r.zoomed["end"] - r.zoomed.start < 0.75 * (r.first["end"] - r.first.start))
      -- a filter narrows the entries, on the axis and in the list alike
      assert.is_true(r.filtered.shown > 0 and r.filtered.shown < r.first.entries)
      assert.equal(r.filtered.shown, r.list_rows)
      -- a click shows the entry's sources: a document, its line and the sentence
      assert.matches(":%d+  «", r.panel)
      assert.truthy(r.panel:lower():find(term, 1, true) or r.panel:find(term, 1, true))
      -- grouping by document makes a lane for each document with a shown entry
      assert.is_true(r.groups >= 2)
      local img = helper.read(png)
      assert.equal("\137PNG", img:sub(1, 4))
      assert.is_true(#img > 30000)   -- a drawn page, not a blank one
    end)
  end
end)
