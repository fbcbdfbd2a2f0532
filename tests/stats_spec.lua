local vnt = require "vnt"
local stats = require "vnt.stats"
local helper = require "helper"

describe("vnt.stats", function()
  it("computes Dunning's log-likelihood ratio", function()
    -- independent: k11/k12 = k21/k22 gives 0
    assert.is_true(math.abs(stats.llr(10, 10, 10, 10)) < 1e-9)
    -- a known value: k = (10, 0, 0, 10) is 2 * 20 * log 2
    assert.is_true(math.abs(stats.llr(10, 0, 0, 10) - 40 * math.log(2)) < 1e-9)
  end)

  it("ranks a pair that always goes together above pairs of chance", function()
    local units, grams = vnt.counter(), vnt.counter()
    local text = ("chuyển đổi số và kinh tế. "):rep(20) .. ("số và tế, và số, tế và. "):rep(5)
    units:add_tokens(text, {normalize = {case = "lower"}})
    grams:add_tokens(text, {n = 2, normalize = {case = "lower"}})
    local top = stats.collocations(units, grams, {top = 3, min_count = 2})
    assert.equal("chuyển đổi", top[1][1])
    local pmi = stats.collocations(units, grams, {measure = "pmi", top = 1, min_count = 2})
    assert.equal(1, #pmi)
  end)

  it("scores TF-IDF: a term of one document outranks a term of all", function()
    local a, b = vnt.counter(), vnt.counter()
    a:add("lúa", 3):add("và", 5)
    b:add("gạo", 1):add("và", 5)
    local r = stats.tfidf({a, b}, {top = 1})
    assert.equal("lúa", r[1][1][1])
    assert.equal("gạo", r[2][1][1])
  end)

  it("counts characters, sentences, syllables and foreign syllables", function()
    local s = stats.finish(stats.add(nil, "Viettel đến Hà Nội. Houlin nói."))
    assert.equal(31, s.characters)
    assert.equal(2, s.sentences)
    assert.equal(6, s.syllables)
    assert.equal(2 / 6, s.foreign_share)
    assert.equal(1, s.type_token_ratio)
  end)

  it("merges statistics as if the texts had been added one after the other", function()
    local a, b = "Viettel đến Hà Nội. Houlin nói.", "Hà Nội mùa thu, hà nội đẹp. Viettel ở Hà Nội!"
    local whole = stats.finish(stats.add(stats.add(nil, a), b))
    local merged = stats.finish(stats.merge(stats.merge(nil, stats.add(nil, a)), stats.add(nil, b)))
    assert.same(whole, merged)
    assert.equal(10, whole.distinct_syllables)   -- hà and nội once each, in either case
  end)
end)

describe("vnt collocations, keywords and stats (the scripts)", function()
  local dir = helper.shared .. "/corpus/seeds"
  it("finds chuyển đổi số first, bộ trưởng in the top 10, kinh tế số in the top 50 of the seeds", function()
    if not helper.dir(dir) then pending("skipped: " .. dir .. " is absent") return end
    local bi = helper.run { "collocations", "--top", "10", dir }
    assert.matches("\nbộ trưởng\t", "\n" .. bi)
    assert.matches("^chuyển đổi\t", bi)
    local tri = helper.run { "collocations", "--ngram", "3", "--min-count", "5", "--top", "50", dir }
    assert.matches("^chuyển đổi số\t", tri)
    assert.matches("\nkinh tế số\t", tri)
  end)

  it("prints keywords per document and stats with a total", function()
    local kw = helper.run { "keywords", "--top", "2", "examples/articles" }
    assert.matches("^examples/articles/01%-can%-tho%-hoi%-thao.txt\t1\t", kw)
    assert.equal(8, select(2, kw:gsub("\n", "")))
    local st = helper.run { "stats", "examples/articles" }
    assert.matches("^doc\tcharacters\tsentences", st)
    assert.matches("\n%(all%)\t%d+\t54\t", st)
  end)
end)
