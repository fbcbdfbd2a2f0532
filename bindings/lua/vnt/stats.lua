--- vnt.stats: what counts say -- collocations (PMI, log-likelihood),
-- keywords (TF-IDF), and plain corpus statistics.
-- @module vnt.stats
local vnt = require "vnt"

local math, table, ipairs, pairs = math, table, ipairs, pairs

local M = {}

local log = math.log

-- x log x, with 0 log 0 = 0
local function xlx(x) return x > 0 and x * log(x) or 0 end

--- Dunning's log-likelihood ratio G² of a 2x2 table: k11 the pair, k12 the
-- first without the second, k21 the second without the first, k22 neither.
function M.llr(k11, k12, k21, k22)
  local n = k11 + k12 + k21 + k22
  return 2 * (xlx(k11) + xlx(k12) + xlx(k21) + xlx(k22) + xlx(n)
              - xlx(k11 + k12) - xlx(k21 + k22) - xlx(k11 + k21) - xlx(k12 + k22))
end

--- Collocations among the n-grams of counter `grams` (keys: units joined by
-- spaces), given the unit counts `units`.  opts: measure = "llr" (default)
-- or "pmi", min_count (default 3), top (default 50).  Returns a list of
-- {key, count, score}, best first (ties by key).
function M.collocations(units, grams, opts)
  opts = opts or {}
  local measure, min = opts.measure or "llr", opts.min_count or 3
  local N, G = units:total(), grams:total()
  local out = {}
  if N == 0 or G == 0 then return out end
  for key, k in pairs(grams) do
    if k >= min then
      local parts = {}
      for u in key:gmatch("%S+") do parts[#parts + 1] = u end
      local score
      if measure == "pmi" then
        local lp = log(k / G)
        for _, u in ipairs(parts) do lp = lp - log(units:get(u) / N) end
        score = lp
      else
        -- the first unit(s) against the last: (x..y) followed by z
        local head = table.concat(parts, " ", 1, #parts - 1)
        local tail = parts[#parts]
        local c_head = #parts == 2 and units:get(head) or opts.heads and opts.heads:get(head) or k
        local c_tail = units:get(tail)
        local k12, k21 = math.max(c_head - k, 0), math.max(c_tail - k, 0)
        score = M.llr(k, k12, k21, math.max(G - k - k12 - k21, 0))
      end
      out[#out + 1] = {key, k, score}
    end
  end
  table.sort(out, function(a, b)
    if a[3] ~= b[3] then return a[3] > b[3] end
    return a[1] < b[1]
  end)
  local top = opts.top or 50
  for i = #out, top + 1, -1 do out[i] = nil end
  return out
end

--- TF-IDF of each document's terms against the collection.  `docs` is a
-- list of counters (one a document); returns, for each, a list of {term,
-- count, score} best first, score = count * log(#docs / df).  opts.top
-- (default 10), opts.min_count (default 1).  opts.background: a counter of
-- a reference corpus used instead of document frequencies (score = count *
-- log(total_bg / (count_bg + 1))).  One document and no background: every
-- document frequency is 1 and every TF-IDF 0, so the score is the count,
-- with the words of opts.stopwords (a set) and terms without a letter left
-- out, and among equal counts the term of more syllables first.
function M.tfidf(docs, opts)
  opts = opts or {}
  local df = {}
  if not opts.background then
    for _, c in ipairs(docs) do
      for term in pairs(c) do df[term] = (df[term] or 0) + 1 end
    end
  end
  local bg = opts.background
  local bg_total = bg and bg:total() or 0
  local n = #docs
  local single = n == 1 and not bg
  local stop = opts.stopwords or {}
  local result = {}
  for i, c in ipairs(docs) do
    local list = {}
    for term, k in pairs(c) do
      if k >= (opts.min_count or 1) then
        if single then
          if not stop[term] and term:find("[%a\128-\255]") then list[#list + 1] = {term, k, k + 0.0} end
        else
          local idf = bg and log((bg_total + 1) / (bg:get(term) + 1)) or log(n / df[term])
          list[#list + 1] = {term, k, k * idf}
        end
      end
    end
    local function syllables(t) return select(2, t:gsub("[_ ]", "")) end
    table.sort(list, function(a, b)
      if a[3] ~= b[3] then return a[3] > b[3] end
      if single then
        local sa, sb = syllables(a[1]), syllables(b[1])
        if sa ~= sb then return sa > sb end
      end
      return a[1] < b[1]
    end)
    for j = #list, (opts.top or 10) + 1, -1 do list[j] = nil end
    result[i] = list
  end
  return result
end

--- Statistics of a text: characters (code points), syllables (word tokens),
-- distinct syllables, words (vnt.words), sentences, type/token ratio and the
-- share of syllables that are not Vietnamese (vnt.is_syllable).  Call
-- repeatedly on blocks with the same table `acc` to add up a corpus; pass
-- the result through M.finish.
function M.add(acc, text, opts)
  acc = acc or {characters = 0, syllables = 0, words = 0, sentences = 0, foreign = 0, types = vnt.counter()}
  acc.characters = acc.characters + (utf8.len(text) or #text)
  for _ in vnt.sentences(text) do acc.sentences = acc.sentences + 1 end
  for syl, _, _, valid in vnt.syllables(text) do
    acc.syllables = acc.syllables + 1
    if not valid then acc.foreign = acc.foreign + 1 end
    acc.types:add(vnt.lower(syl))
  end
  local ws = vnt.words(text, opts and {dict = opts.dict} or nil)
  for _, w in ipairs(ws) do
    if w:find("[%a\128-\255]") then acc.words = acc.words + 1 end
  end
  return acc
end

--- Add the statistics `acc` (of M.add) into `into` (nil: a new one), as if
-- M.add had been given into's texts and then acc's; returns `into`.
function M.merge(into, acc)
  into = into or {characters = 0, syllables = 0, words = 0, sentences = 0, foreign = 0, types = vnt.counter()}
  for _, k in ipairs {"characters", "syllables", "words", "sentences", "foreign"} do into[k] = into[k] + acc[k] end
  into.types:merge(acc.types)
  return into
end

--- The statistics of `acc` (of M.add): characters, sentences, syllables,
-- words, distinct_syllables, type_token_ratio, foreign_share.
function M.finish(acc)
  return {
    characters = acc.characters, sentences = acc.sentences, syllables = acc.syllables,
    words = acc.words, distinct_syllables = #acc.types,
    type_token_ratio = acc.syllables > 0 and #acc.types / acc.syllables or 0,
    foreign_share = acc.syllables > 0 and acc.foreign / acc.syllables or 0,
  }
end

return M
