local vnt = require "vnt"
local helper = require "helper"

-- an independent reference: a plain Lua table over vnt.tokens
local function reference(text, kinds)
  local t = {}
  for tok, kind in vnt.tokens(text) do
    if kinds[kind] then t[tok] = (t[tok] or 0) + 1 end
  end
  return t
end

-- n-grams the same way: runs of word and abbreviation tokens inside a sentence, joined by ' '
local function reference_ngrams(text, n)
  local t = {}
  for sent in vnt.sentences(text) do
    local run = {}
    local function flush()
      for i = 1, #run - n + 1 do
        local g = table.concat(run, " ", i, i + n - 1)
        t[g] = (t[g] or 0) + 1
      end
      run = {}
    end
    for tok, kind in vnt.tokens(sent) do
      if kind == "word" or kind == "abbrev" then run[#run + 1] = tok else flush() end
    end
    flush()
  end
  return t
end

local function as_table(c)
  local t = {}
  for k, n in pairs(c) do t[k] = n end
  return t
end

describe("vnt.counter()", function()
  it("starts empty", function()
    local c = vnt.counter()
    assert.equal(0, #c)
    assert.equal(0, c:total())
    assert.equal(0, c:get("x"))
    assert.same({}, as_table(c))
  end)

  it("adds, gets, totals and counts distinct keys", function()
    local c = vnt.counter()
    c:add("số"):add("số"):add("việt", 5):add("", 2)
    assert.equal(2, c:get("số"))
    assert.equal(5, c:get("việt"))
    assert.equal(2, c:get(""))
    assert.equal(3, #c)
    assert.equal(9, c:total())
  end)

  it("gives the top keys by count, ties by key, and all keys in key order with pairs", function()
    local c = vnt.counter()
    for _, k in ipairs { "b", "a", "c", "a", "b", "d" } do c:add(k) end
    local top = {}
    for k, n in c:top(3) do top[#top + 1] = k .. n end
    assert.same({ "a2", "b2", "c1" }, top)
    local all = {}
    for k, n in pairs(c) do all[#all + 1] = k .. n end
    assert.same({ "a2", "b2", "c1", "d1" }, all)
  end)

  it("writes the top keys as TSV lines from C, as c:top gives them", function()
    local c = vnt.counter()
    local long = ("dài"):rep(30000)   -- a key longer than the writer's block
    c:add("a", -5); c:add("b", 0); c:add("đ", math.maxinteger); c:add(long, 3); c:add("x", math.mininteger)
    for i = 1, 5000 do c:add("k" .. i, i % 7) end
    for _, args in ipairs { {}, {10}, {nil, 3}, {4, 1}, {nil, math.mininteger} } do
      local path = os.tmpname()
      local f = assert(io.open(path, "wb"))
      c:write_top(f, args[1], args[2])
      f:close()
      local want = {}
      for k, n in c:top(args[1]) do
        if n >= (args[2] or 1) then want[#want + 1] = k .. "\t" .. n .. "\n" else break end
      end
      assert.equal(table.concat(want), helper.read(path))
      os.remove(path)
    end
  end)

  it("keeps every count through many keys (the table grows)", function()
    local c = vnt.counter()
    for i = 1, 50000 do c:add("k" .. (i % 7000)) end
    assert.equal(7000, #c)
    assert.equal(50000, c:total())
    assert.equal(7, c:get("k0"))   -- i = 7000, 14000, ..., 49000
  end)

  it("merges", function()
    local a, b = vnt.counter(), vnt.counter()
    a:add("x", 2):add("y")
    b:add("y", 3):add("z")
    a:merge(b)
    assert.same({ x = 2, y = 4, z = 1 }, as_table(a))
  end)

  it("saves TSV sorted by key and loads it back", function()
    local c = vnt.counter()
    c:add_tokens("Hà Nội và Đà Nẵng, Hà Nội!")
    local tsv = c:dump()
    assert.equal("Hà\t2\nNẵng\t1\nNội\t2\nvà\t1\nĐà\t1\n", tsv)
    assert.same(as_table(c), as_table(vnt.counter.load(tsv)))
    local path = os.tmpname()
    assert.is_true(c:save(path))
    assert.equal(tsv, helper.read(path))
    assert.same(as_table(c), as_table(vnt.counter.load(path)))
    os.remove(path)
    local ok, err = vnt.counter.load("/no/such/counts")
    assert.is_nil(ok)
    assert.equal("/no/such/counts: No such file or directory", err)
    assert.has.error(function() vnt.counter.load("a\t1\nb\tx\n") end,
      "vnt.counter.load: line 2: not a count line (key<TAB>count)")
  end)
end)

describe("counter:add_tokens()", function()
  local text = "Ngày 12/10, Bộ TT&TT họp tại Hà Nội. Hóa học và hoá học: HOÁ HỌC!\n" ..
               vnt.nfd("Hoá học") .. " ở https://vnt.vn có 160.000 người."

  it("counts what a plain table over vnt.tokens counts", function()
    local c = vnt.counter():add_tokens(text)
    assert.same(reference(text, { word = true, abbrev = true }), as_table(c))
    local all = vnt.counter():add_tokens(text, { all = true })
    assert.same(reference(text, { word = true, abbrev = true, number = true, date = true, url = true }), as_table(all))
  end)

  it("keeps spellings apart unless normalization joins them", function()
    local raw = vnt.counter():add_tokens(text)
    assert.equal(1, raw:get("Hóa"))
    assert.equal(1, raw:get("hoá"))
    assert.equal(1, raw:get("HOÁ"))
    assert.equal(1, raw:get(vnt.nfd("Hoá")))
    local norm = vnt.counter():add_tokens(text, { normalize = { case = "lower", tones = "new" } })
    assert.equal(4, norm:get("hoá"))
    assert.equal(4, norm:get("học"))
  end)

  it("counts n-grams inside sentences and between punctuation only", function()
    local c = vnt.counter():add_tokens("Chuyển đổi số. Kinh tế số, xã hội số", { n = 2 })
    assert.same({ ["Chuyển đổi"] = 1, ["đổi số"] = 1, ["Kinh tế"] = 1, ["tế số"] = 1, ["xã hội"] = 1, ["hội số"] = 1 },
      as_table(c))
  end)

  it("counts words, their syllables joined by '_'", function()
    local d = vnt.dict { "chuyển đổi", "kinh tế" }
    local c = vnt.counter():add_tokens("chuyển đổi số và kinh tế số", { unit = "word", dict = d })
    assert.same({ ["chuyển_đổi"] = 1, ["số"] = 2, ["và"] = 1, ["kinh_tế"] = 1 }, as_table(c))
    local b = vnt.counter():add_tokens("chuyển đổi số và kinh tế số", { unit = "word", dict = d, n = 2 })
    assert.equal(1, b:get("chuyển_đổi số"))
  end)

  it("rejects bad options and invalid UTF-8", function()
    assert.has.error(function() vnt.counter():add_tokens("x", { n = 0 }) end, "vnt.counter:add_tokens: option 'n' must be 1..8")
    assert.has.error(function() vnt.counter():add_tokens("x", { unit = "char" }) end)
    assert.has.error(function() vnt.counter():add_tokens("x", { nn = 2 }) end, "vnt.counter:add_tokens: unknown option 'nn'")
    assert.has.error(function() vnt.counter():add_tokens("a\xff") end, "vnt.counter:add_tokens: invalid UTF-8 at byte 2")
  end)
end)

describe("vnt count and vnt merge", function()
  it("count parts, merge them: exactly the counts of the whole", function()
    local parts = {}
    local whole = {}
    for i = 1, 3 do
      local p = os.tmpname()
      local text = ("Chuyển đổi số lần %d. Hóa học và hoá học.\n"):rep(i + 1)
      helper.write(p, text)
      parts[i] = p
      whole[#whole + 1] = text
    end
    local all = os.tmpname()
    helper.write(all, table.concat(whole))
    local saved = {}
    for i, p in ipairs(parts) do
      saved[i] = p .. ".counts"
      local _, err, code = helper.run { "count", "--lower", "--save", saved[i], p }
      assert.equal(0, code, err)
    end
    local merged = helper.run { "merge", saved[1], saved[2], saved[3] }
    local direct = helper.run { "count", "--lower", all }
    assert.equal(direct, merged)
    assert.matches("^học\t18\n", direct)
    for i, p in ipairs(parts) do os.remove(p); os.remove(saved[i]) end
    os.remove(all)
  end)

  it("prints top K with a minimum count, as TSV or JSON", function()
    local out = helper.run({ "count", "--top", "2" }, "a b b c c c d")
    assert.equal("c\t3\nb\t2\n", out)
    out = helper.run({ "count", "--min-count", "2", "--format", "json" }, "a b b c c c d")
    assert.equal('[{"key":"c","count":3},\n{"key":"b","count":2}]\n', out)
    out = helper.run({ "count", "--ngram", "2", "--top", "1" }, "xu thế tất yếu, xu thế")
    assert.equal("xu thế\t2\n", out)
    out = helper.run({ "count", "--min-count", "2" }, "a b b c c c d ơ ơ")
    assert.equal("c\t3\nb\t2\nơ\t2\n", out)
    assert.equal("", helper.run({ "count", "--min-count", "4", "--top", "1" }, "a b b c c c d"))
  end)

  it("reports a bad count file and goes on", function()
    local bad = os.tmpname()
    helper.write(bad, "a\t1\nb\tx\n")
    local out, err, code = helper.run { "merge", bad }
    os.remove(bad)
    assert.equal(1, code)
    assert.equal("", out)
    assert.equal("vnt: " .. bad .. ":2: not a count line (key<TAB>count)\n", err)
  end)

  it("counts bigrams and trigrams as the plain reference does, over many batches of keys", function()
    local parts = {}
    for i = 1, 300 do
      parts[#parts + 1] = ("Ngày %d, UBND tỉnh họp bàn chuyển đổi số lần thứ %d. Kinh tế số, xã hội số (và) chính quyền số %s!\n")
        :format(i, i % 13, ({ "đều quan trọng", "là ưu tiên", "đi cùng nhau" })[i % 3 + 1])
    end
    local text = table.concat(parts)
    for n = 2, 3 do
      local c = vnt.counter():add_tokens(text, { n = n })
      assert.same(reference_ngrams(text, n), as_table(c), "n = " .. n)
      assert.is_true(c:total() > 64 * 10)   -- many batches of 64 keys
    end
  end)

  it("counts the seed corpus as the plain reference does", function()
    local dir = helper.shared .. "/corpus/seeds"
    local files = helper.dir(dir)
    if not files then
      pending("skipped: " .. dir .. " is absent")
      return
    end
    for _, name in ipairs(files) do
      local text = helper.read(dir .. "/" .. name)
      assert.same(reference(text, { word = true, abbrev = true }), as_table(vnt.counter():add_tokens(text)), name)
      assert.same(reference_ngrams(text, 2), as_table(vnt.counter():add_tokens(text, { n = 2 })), name .. ", bigrams")
    end
  end)
end)

describe("counter:add_file() and vnt count -j", function()
  local text = {}
  for i = 1, 400 do
    text[#text + 1] = ("Dòng %d: Chuyển đổi số là xu thế. Hoá học và hóa học,\nđoạn nối tiếp %d.\n"):format(i, i % 7)
  end
  text = table.concat(text)
  local path = os.tmpname()
  helper.write(path, text)

  it("counts a file as add_tokens counts its text, on any number of threads", function()
    for _, opts in ipairs { {}, { n = 2 }, { n = 3, normalize = { case = "lower", tones = "new" } } } do
      local want = vnt.counter():add_tokens(text, opts):dump()
      for _, j in ipairs { 1, 2, 3, 7 } do
        local c = vnt.counter()
        assert.is_true(c:add_file(path, opts, j))
        assert.equal(want, c:dump(), "threads " .. j)
      end
    end
  end)

  it("gives the same output with -j 1 and -j 2", function()
    assert.equal((helper.run { "count", "-j", "1", path }), (helper.run { "count", "-j", "2", path }))
  end)

  it("reports a missing file and invalid UTF-8 by line and byte", function()
    local ok, err = vnt.counter():add_file("/no/such/file")
    assert.is_nil(ok)
    assert.equal("/no/such/file: No such file or directory", err)
    local bad = os.tmpname()
    helper.write(bad, "một\nhai \xff\n")
    ok, err = vnt.counter():add_file(bad, nil, 2)
    assert.is_nil(ok)
    assert.equal(bad .. ":2: invalid UTF-8 at byte 11", err)
    os.remove(bad)
  end)
end)
