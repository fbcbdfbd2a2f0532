local vnt = require "vnt"
local helper = require "helper"

describe("vnt.dict()", function()
  it("starts empty and counts words, not their prefixes", function()
    local d = vnt.dict()
    assert.equal(0, #d)
    assert.is_true(d:add("điện toán đám mây"))
    assert.equal(1, #d)
    assert.is_false(d:has("điện toán"))
    assert.is_true(d:has("điện toán đám mây"))
    assert.matches("^vnt.dict %(1 words%)$", tostring(d))
  end)

  it("matches any case, tone style, '_' or NFD spelling of an entry", function()
    local d = vnt.dict { "hoà bình", "thủy điện", "khỏe_mạnh" }
    for _, w in ipairs { "Hòa Bình", "HOÀ BÌNH", "hoà_bình", vnt.nfd("hòa bình"), "thuỷ điện", "KHOẺ MẠNH" } do
      assert.is_true(d:has(w), w)
    end
    assert.is_false(d:has("hoà"))
  end)

  it("loads a word list, skipping entries that can never match", function()
    local d = vnt.dict()
    assert.equal(3, d:add_lines("chuyển đổi số\nA-đam\nao có bờ, sông có bến\nnhà 2 tầng\nkinh tế\nHà Nội\n\n"))
    assert.is_true(d:has("Hà Nội"))
    assert.is_false(d:has("A-đam"))
    assert.is_false(d:add("một hai ba bốn năm sáu bảy tám chín"))   -- longer than 8 syllables
  end)

  it("rejects what is not a list of strings", function()
    assert.has.error(function() vnt.dict { 1 } end, "vnt.dict: item 1 is number, not a string")
    assert.has.error(function() vnt.dict():add("a\xff") end, "vnt.dict:add: invalid UTF-8 at byte 2")
  end)
end)

describe("vnt.words()", function()
  local d = vnt.dict { "chuyển đổi", "chuyển đổi số", "xu thế", "tất yếu", "điện toán", "đám mây",
                       "điện toán đám mây", "học sinh", "sinh học", "học sinh học" }

  it("takes the longest entries: điện toán đám mây, chuyển đổi số", function()
    assert.same({ "Chuyển đổi số", "là", "xu thế", "tất yếu", "của", "điện toán đám mây" },
      vnt.words("Chuyển đổi số là xu thế tất yếu của điện toán đám mây", { dict = d }))
  end)

  it("prefers the split with fewer words, then the backward one", function()
    assert.same({ "học sinh học", "giỏi" }, vnt.words("học sinh học giỏi", { dict = d }))
  end)

  it("keeps every syllable apart without a dictionary", function()
    assert.same({ "xu", "thế" }, vnt.words("xu thế", { dict = false }))
  end)

  it("joins capitalized syllables inside a sentence into a name", function()
    assert.same({ "Bộ trưởng", "Nguyễn Mạnh Hùng", "nói" },
      vnt.words("Bộ trưởng Nguyễn Mạnh Hùng nói", { dict = vnt.dict { "bộ trưởng" } }))
    assert.same({ "Bộ trưởng", "Nguyễn", "Mạnh", "Hùng", "nói" },
      vnt.words("Bộ trưởng Nguyễn Mạnh Hùng nói", { dict = vnt.dict { "bộ trưởng" }, join_names = false }))
  end)

  it("does not cut a dictionary word to make a name", function()
    assert.same({ "Bộ", "Thông tin", "và", "Truyền thông" },
      vnt.words("Bộ Thông tin và Truyền thông", { dict = vnt.dict { "thông tin", "truyền thông" } }))
  end)

  it("joins numbers written apart, and leaves other tokens whole", function()
    assert.same({ "đạt", "10 . 000", "tỷ", ",", "tăng", "1 , 5", "lần", "(", "95%", ")" },
      vnt.words("đạt 10 . 000 tỷ , tăng 1 , 5 lần (95%)", { dict = d }))
    assert.same({ "10", ".", "000" }, vnt.words("10 . 000", { dict = d, join_numbers = false }))
  end)

  it("never joins across a line break", function()
    assert.same({ "xu", "thế" }, vnt.words("xu\nthế", { dict = d }))
  end)

  it("uses the default dictionary when it is there", function()
    local lexicon = require "vnt.lexicon"
    local def = lexicon.default()
    if not def then
      pending("skipped: no default dictionary (" .. select(2, lexicon.default()) .. ")")
      return
    end
    assert.is_true(#def > 30000)
    assert.same({ "Chuyển đổi", "số", "quốc gia" }, vnt.words("Chuyển đổi số quốc gia"))
  end)

  it("rejects unknown options", function()
    assert.has.error(function() vnt.words("x", { dcit = d }) end, "vnt.words: unknown option 'dcit'")
  end)
end)

describe("vnt words (the script)", function()
  it("writes the '_' format, one line per input line", function()
    local path = os.tmpname()
    helper.write(path, "chuyển đổi\nhợp tác xã kinh tế\n")
    local out, err, code = helper.run { "words", path }
    os.remove(path)
    assert.equal(0, code)
    if err:find("no default dictionary", 1, true) then
      assert.equal("chuyển đổi\nhợp tác xã kinh tế\n", out)
    else
      assert.equal("chuyển_đổi\nhợp_tác_xã kinh_tế\n", out)
    end
  end)

  it("takes a word list of the user's", function()
    local list = os.tmpname()
    helper.write(list, "xu thế\ntất yếu\n")
    local out, _, code = helper.run({ "words", "--dict", list }, "Xu thế tất yếu")
    os.remove(list)
    assert.equal(0, code)
    assert.equal("Xu_thế tất_yếu\n", out)
    local _, err, code2 = helper.run({ "words", "--dict", "/no/such/list" }, "x")
    assert.equal(2, code2)
    assert.matches("/no/such/list: No such file or directory", err, 1, true)
  end)
end)

describe("word segmentation on UD Vietnamese VTB (test split)", function()
  local D = helper.shared .. "/data/ud-vtb"
  local lexicon = require "vnt.lexicon"
  if not helper.exists(D .. "/test.raw.txt") then
    pending("skipped: " .. D .. " is absent")
    return
  end
  if not lexicon.default() then
    pending("skipped: no default dictionary")
    return
  end
  it("scores word F1 >= 0.95 (greedy Viet74K 0.91, vntk 0.944)", function()
    local pred = {}
    for raw in io.lines(D .. "/test.raw.txt") do
      local ws = {}
      for _, w in ipairs(vnt.words(raw)) do ws[#ws + 1] = (w:gsub(" ", "_")) end
      pred[#pred + 1] = table.concat(ws, " ")
    end
    local F, P, R = helper.wseg_f1(helper.lines(D .. "/test.gold.txt"), pred)
    print(("\n# UD VTB test, default dictionary: word F1 %.4f P %.4f R %.4f"):format(F, P, R))
    assert.is_true(F >= 0.95)
  end)
end)

describe("vnt.train_words() and vnt.wmodel()", function()
  -- a small segmented corpus of our own: the dictionary joins "cho biết",
  -- but this corpus always writes it as two words; names are joined
  local gold = {}
  for i = 1, 30 do
    gold[#gold + 1] = "các học_sinh đến nhà_trường"
    gold[#gold + 1] = "ông Nguyễn_An cho biết học_sinh đã đến"
    gold[#gold + 1] = "bà Lê_Bình cho biết nhà_trường đã mở"
  end
  gold = table.concat(gold, "\n") .. "\n"
  local d = vnt.dict { "học sinh", "cho biết", "nhà trường" }

  it("learns to join and split gaps from '_' text, overriding the dictionary", function()
    assert.same({ "ông", "Trần Hoa", "cho biết", "học sinh", "đã", "đến" },
      vnt.words("ông Trần Hoa cho biết học sinh đã đến", { dict = d, join_names = true }))
    local m, gaps = vnt.train_words(gold, { dict = d, epochs = 10 })
    assert.equal(30 * (5 + 8 + 8), gaps)   -- 6, 9 and 9 syllables a line
    assert.is_true(#m > 10)
    assert.matches("^vnt.wmodel %(%d+ features%)$", tostring(m))
    assert.same({ "các", "học sinh", "đến", "nhà trường" }, vnt.words("các học sinh đến nhà trường", { dict = d, model = m }))
    assert.same({ "ông", "Trần Hoa", "cho", "biết", "học sinh", "đã", "đến" },
      vnt.words("ông Trần Hoa cho biết học sinh đã đến", { dict = d, model = m }))
  end)

  it("saves to text and loads back to the same decisions", function()
    local m = vnt.train_words(gold, { dict = d, epochs = 3 })
    local text = m:dump()
    assert.matches("^vnt%-wmodel 1 %d+\n", text)
    local m2 = vnt.wmodel(text)
    local s = "bà Lê Bình cho biết học sinh đến nhà trường"
    assert.same(vnt.words(s, { dict = d, model = m }), vnt.words(s, { dict = d, model = m2 }))
    assert.equal(text, m2:dump())
  end)

  it("rejects a file that is not a model, naming the line", function()
    assert.has.error(function() vnt.wmodel("hello\n") end, "vnt.wmodel: not a vnt word model (line 1)")
    assert.has.error(function() vnt.wmodel("vnt-wmodel 1 2\n00000000000000ab 1.5\nzz\n") end,
      "vnt.wmodel: not a vnt word model (line 3)")
    assert.has.error(function() vnt.train_words("a_b", { epochs = 0 }) end,
      "vnt.train_words: option 'epochs' must be 1..1000")
  end)

  it("works from the command line: vnt train-words, then vnt words --model", function()
    local g, mpath = os.tmpname(), os.tmpname()
    helper.write(g, gold)
    local dl = os.tmpname()
    helper.write(dl, "học sinh\ncho biết\nnhà trường\n")
    local _, err, code = helper.run { "train-words", "--dict", dl, "--epochs", "5", "-o", mpath, g }
    assert.equal(0, code)
    assert.matches("train-words: 630 gaps", err, 1, true)
    local out, _, code2 = helper.run({ "words", "--dict", dl, "--model", mpath }, "ông Trần Hoa cho biết học sinh đã đến\n")
    assert.equal(0, code2)
    assert.equal("ông Trần_Hoa cho biết học_sinh đã đến\n", out)
    local _, err3, code3 = helper.run({ "words", "--model", g }, "x")
    assert.equal(2, code3)
    assert.matches("not a vnt word model", err3, 1, true)
    os.remove(g); os.remove(mpath); os.remove(dl)
  end)
end)

describe("a model trained on UD VTB train+dev, scored on test", function()
  local D = helper.shared .. "/data/ud-vtb"
  local lexicon = require "vnt.lexicon"
  if not helper.exists(D .. "/vi_vtb-ud-train.conllu") or not lexicon.default() then
    pending("skipped: " .. D .. " or the default dictionary is absent")
    return
  end
  it("scores word F1 >= 0.965", function()
    local mpath = os.tmpname()
    local _, err, code = helper.run { "train-words", "-o", mpath, D .. "/vi_vtb-ud-train.conllu", D .. "/vi_vtb-ud-dev.conllu" }
    assert.equal(0, code, err)
    local out = helper.run { "words", "--model", mpath, D .. "/test.raw.txt" }
    os.remove(mpath)
    local pred = {}
    for line in out:gmatch("([^\n]*)\n") do pred[#pred + 1] = line end
    local F, P, R = helper.wseg_f1(helper.lines(D .. "/test.gold.txt"), pred)
    print(("\n# UD VTB test, model from train+dev: word F1 %.4f P %.4f R %.4f"):format(F, P, R))
    assert.is_true(F >= 0.965)
  end)
end)

describe("vnt.ngrams()", function()
  local d = vnt.dict { "chuyển đổi", "kinh tế", "xã hội" }

  it("gives the n-grams of a list", function()
    assert.same({ "a b", "b c" }, vnt.ngrams({ "a", "b", "c" }, 2))
    assert.same({}, vnt.ngrams({ "a" }, 2))
    assert.same({ "a", "b" }, vnt.ngrams({ "a", "b" }, 1))
  end)

  it("gives syllable n-grams that cross no sentence end and no punctuation", function()
    assert.same({ "Chuyển đổi", "đổi số", "Kinh tế", "tế số", "xã hội", "hội số" },
      vnt.ngrams("Chuyển đổi số. Kinh tế số, xã hội số!", 2))
  end)

  it("gives word n-grams, the syllables of a word joined by '_'", function()
    assert.same({ "Chuyển_đổi số", "Kinh_tế số", "xã_hội số" },
      vnt.ngrams("Chuyển đổi số. Kinh tế số, xã hội số!", 2, { unit = "word", dict = d }))
  end)

  it("crosses sentence ends only when asked", function()
    assert.same({}, vnt.ngrams("Một hai\nBa", 3))
    assert.same({ "Một hai Ba" }, vnt.ngrams("Một hai\nBa", 3, { across = true }))
  end)

  it("checks its arguments", function()
    assert.has.error(function() vnt.ngrams("x", 0) end)
    assert.has.error(function() vnt.ngrams("x", 2, { unit = "char" }) end,
      'vnt.ngrams: option \'unit\' must be "syllable" or "word"')
    assert.has.error(function() vnt.ngrams({ "a", 1 }, 2) end, "vnt.ngrams: item 2 is not a string")
  end)
end)

describe("vnt.term_counts()", function()
  it("counts the syllables of a text in lower case, leaving out stop words, numbers and punctuation", function()
    local t, n = vnt.term_counts("Trời ĐẸP, trời xanh và 25 con cò; UBND họp!", {["và"] = true})
    assert.same({["trời"] = 2, ["đẹp"] = 1, xanh = 1, con = 1, ["cò"] = 1, ubnd = 1, ["họp"] = 1}, t)
    assert.equal(8, n)
    -- the same as counting vnt.ngrams of the lowered text by hand
    local text = "Hòa bình là khát vọng. HÒA BÌNH, hoà bình!"
    local ref = {}
    for _, w in ipairs(vnt.ngrams(vnt.lower(text), 1)) do ref[w] = (ref[w] or 0) + 1 end
    assert.same(ref, (vnt.term_counts(text)))
    assert.same({}, (vnt.term_counts("")))
  end)

  it("counts document frequencies on the way: one for each sentence a term is in", function()
    local sents = {"Trời xanh, trời cao.", "Mây trắng trên trời.", "Gió XANH và mây."}
    local df, ref = {}, {}
    for _, s in ipairs(sents) do
      local t = vnt.term_counts(s, {["và"] = true}, df)
      for w in pairs(t) do ref[w] = (ref[w] or 0) + 1 end
    end
    assert.same(ref, df)
    assert.equal(2, df["trời"])
    assert.equal(2, df["mây"])
    assert.equal(2, df.xanh)
    assert.is_nil(df["và"])
    assert.has_error(function() vnt.term_counts("a", nil, "not a table") end)
  end)
end)
