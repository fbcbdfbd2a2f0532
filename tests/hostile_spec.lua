-- Hostile input at the script level: one clean message and no traceback for
-- what inputs and outputs do wrong, nothing silently lost or corrupted, and
-- output encoders that hostile text cannot break.
local helper = require "helper"
local cjson = require "cjson"
local q = helper.q

local function sh(cmd)
  local p = io.popen("(" .. cmd .. ") 2>&1")
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, code or (ok and 0 or 1)
end

local tmp = os.tmpname()
os.remove(tmp)
os.execute("mkdir -p " .. q(tmp))
local article = "examples/articles/01-can-tho-hoi-thao.txt"

describe("hostile input", function()
  teardown(function() os.execute("rm -rf " .. q(tmp)) end)

  it("a full output device: every script says 'cannot write the output' once, exit 1, no traceback", function()
    for _, s in ipairs {"normalize", "sentences", "tokens", "words", "clean", "count", "stats", "keywords",
                        "collocations", "timeline", "quotes", "summary"} do
      local out, code = sh(("%s %s %s > /dev/full"):format(q(helper.bin), s, article))
      assert.equal(1, code, s)
      assert.matches("vnt: cannot write the output: No space left on device\n$", out)
      assert.equal(1, select(2, out:gsub("cannot write the output", "")), s)   -- once
      assert.is_nil(out:find("traceback", 1, true), s)
    end
  end)

  it("more than 4 Mi combining marks in one file: that file is reported with its byte, the others go on", function()
    local marks = tmp .. "/marks.txt"
    helper.write(marks, "Một dòng.\na" .. ("\204\129"):rep((4 << 20) + 10) .. "\n")
    for _, s in ipairs {"words", "stats", "keywords", "collocations", "timeline", "quotes", "summary"} do
      local out, err, code = helper.run { s, marks, article }
      assert.equal(1, code, s)
      assert.matches("^vnt: " .. marks:gsub("%p", "%%%0") .. ": run of combining marks too long at byte %d+", err)
      local byte = tonumber(err:match("at byte (%d+)"))
      assert.is_true(byte >= 1 and byte <= 16, s .. ": byte " .. byte)   -- in the file, at the run (byte 14: its base)
      assert.is_nil(err:find("traceback", 1, true), s)
      assert.is_true(#out > 0, s .. " went on with the next file")
    end
    local _, err, code = helper.run { "count", "--lower", marks, article }
    assert.equal(1, code)
    assert.matches("run of combining marks too long at byte", err, 1, true)
  end)

  it("vnt words --dict DIR: an error naming it, not a traceback", function()
    local _, err, code = helper.run { "words", "--dict", "examples", article }
    assert.equal(2, code)
    assert.equal("vnt: examples: is a directory, not a word list\n", err)
  end)

  it("counts never wrap: a merge past INT64_MAX is an error, and prints nothing", function()
    local a, b = tmp .. "/a.counts", tmp .. "/b.counts"
    helper.write(a, "hà\t9000000000000000000\n")
    helper.write(b, "hà\t9000000000000000000\n")
    local out, err, code = helper.run { "merge", a, b }
    assert.equal(1, code)
    assert.equal("", out)
    assert.equal("vnt: " .. b .. ": a count would pass the largest 64-bit integer\n", err)
    helper.write(a, "hà\t9000000000000000000\nhà\t9000000000000000000\n")
    out, err, code = helper.run { "merge", a }
    assert.equal(1, code)
    assert.matches(a .. ":2: a count would pass", err, 1, true)
  end)

  it("count --save writes nothing when an input failed", function()
    local save = tmp .. "/part.counts"
    local _, err, code = helper.run { "count", "--save", save, article, tmp .. "/missing.txt" }
    assert.equal(1, code)
    assert.matches("not saved: 1 input could not be counted", err, 1, true)
    assert.is_false(helper.exists(save))
  end)

  it("JSON stays valid UTF-8 for a file name with invalid bytes (each bad sequence as U+FFFD)", function()
    local d = tmp .. "/names"
    os.execute("mkdir -p " .. q(d))
    helper.write(d .. "/t\255\225\187.txt", "Ngày 5/6/2024, ông Lê Văn An nói: “Mưa lớn kéo dài suốt đêm qua.”\n")
    for _, s in ipairs {{"timeline", "--format", "jsonl"}, {"quotes", "--format", "jsonl"}, {"clean", "--format", "jsonl"},
                        {"sentences", "--format", "jsonl"}} do
      s[#s + 1] = d
      local out = helper.run(s)
      assert.truthy(utf8.len(out), s[1] .. ": not valid UTF-8")
      local r = cjson.decode(out:match("[^\n]+"))
      assert.equal(d .. "/t\239\191\189\239\191\189.txt", r.doc, s[1])
    end
  end)

  it("a TSV name with tabs and line breaks keeps its columns; text output shows control characters", function()
    local d = tmp .. "/tabs"
    os.execute("mkdir -p " .. q(d))
    helper.write(d .. "/a\tb\nc.txt", "Ngày 5/6/2024, trời \27[31mđỏ\27[0m và mưa lớn ở Huế suốt đêm qua.\n")
    local out = helper.run { "stats", d }
    for line in out:gmatch("[^\n]+") do assert.equal(8, select(2, line:gsub("\t", "")) + 1, line) end
    assert.matches("a\\tb\\nc.txt", out, 1, true)
    out = helper.run { "timeline", d }
    assert.is_nil(out:find("\27", 1, true))
    assert.matches("\\x1b[31m", out, 1, true)
    out = helper.run { "tokens", d }
    for line in out:gmatch("[^\n]+") do assert.equal(5, select(2, line:gsub("\t", "")) + 1, line) end
  end)

  it("summary --format md escapes markup; --csv-safe keeps spreadsheet formulas from running", function()
    local f = tmp .. "/md.txt"
    helper.write(f, "Tin <script>alert(1)</script>\nNgày 2/3/2024, =HYPERLINK(\"x\") và *nhấn mạnh* xuất hiện trong bài viết dài về Huế.\n")
    local out = helper.run { "summary", "--format", "md", f }
    assert.is_nil(out:find("<script>", 1, true))
    assert.matches("&lt;script&gt;", out, 1, true)
    assert.matches("\\*nhấn mạnh\\*", out, 1, true)
    local csv = helper.run { "timeline", "--format", "csv", "--csv-safe", f }
    assert.matches(",'=HYPERLINK", csv, 1, true)   -- the event starts with the formula
    local plain = helper.run { "timeline", "--format", "csv", f }
    assert.is_nil(plain:find("'=HYPERLINK", 1, true))
  end)
end)
