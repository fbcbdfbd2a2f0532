--- vnt.summary: extractive summaries: the sentences that carry an
-- article, or a collection, chosen by a graph method with priors and
-- without repeating themselves.
--
--   local summary = require "vnt.summary"
--   local s = summary.summarize(text, {sentences = 3})
--   print(s.title)
--   for _, x in ipairs(s.sentences) do print(x.index, x.score, x.text) end
--
-- Method: the article is cleaned (vnt.clean) and cut into sentences; each
-- sentence is a TF-IDF vector of its lower-cased syllables (stop words
-- out; document frequencies in a vnt.counter); sentences are the nodes of
-- a graph weighted by cosine similarity, ranked by TextRank (PageRank);
-- the rank is multiplied by a position prior (earlier is likelier) and a
-- title prior (overlap with the headline); the lead (the first sentence,
-- unless it is a fragment under ten syllables) is taken first, as news
-- puts who, what, where and when there; MMR picks the rest so that the
-- summary does not say the same thing twice; the result keeps document order.
-- Deterministic: no randomness, ties broken by position.
-- @module vnt.summary
local vnt = require "vnt"

local ipairs, pairs, table, math, type = ipairs, pairs, table, math, type

local M = {}

--- Articles with more sentences than this are ranked by similarity to their
-- centroid (linear) instead of the TextRank graph (quadratic in the worst case).
M.max_graph = 1500

--- Function words left out of the vectors (lower case).
M.stopwords = {}
for w in ([[và của là các những được có đã sẽ đang với cho trong tại từ đến này đó một không người
  để thì mà ở về theo khi như nhiều cũng rằng nên vì do bị hay hoặc tới lên ra vào nay năm ngày tháng
  chúng ta tôi họ ông bà anh chị em nó này kia ấy việc cần phải rất hơn nữa còn lại đây đều chỉ mới
  vẫn cùng qua sau trước trên dưới giữa ngoài bên nhất thêm]]):gmatch("%S+") do
  M.stopwords[w] = true
end

-- the term counts of a sentence: its syllables in lower case, stop words out
local function terms(s) return (vnt.term_counts(s, M.stopwords)) end

-- a document frequency from a vnt.counter or a plain table
local function df_of(df, w)
  if type(df) == "table" then return df[w] or 0 end
  return df:get(w)
end

-- TF-IDF vector (a table word -> weight) and its norm
local log1 = {}
for c = 1, 64 do log1[c] = 1 + math.log(c) end
local function vector(t, df, ndocs, idf)
  local v, norm = {}, 0
  for w, c in pairs(t) do
    local i = idf and idf[w]
    if not i then
      i = math.log((ndocs + 1) / ((df_of(df, w)) + 0.5))
      if idf then idf[w] = i end
    end
    local x = (log1[c] or 1 + math.log(c)) * i
    if x > 0 then
      v[w] = x
      norm = norm + x * x
    end
  end
  return v, math.sqrt(norm)
end

local function cosine(a, na, b, nb)
  if na == 0 or nb == 0 then return 0 end
  local dot = 0
  if #a > #b then a, b = b, a end
  for w, x in pairs(a) do
    local y = b[w]
    if y then dot = dot + x * y end
  end
  return dot / (na * nb)
end

-- The sum of the unit vectors of the sentences (those with a vector) and its norm.
local function centroid_of(sents)
  local centroid, cn = {}, 0
  for _, s in ipairs(sents) do
    if s.norm > 0 then for w, x in pairs(s.vec) do centroid[w] = (centroid[w] or 0) + x / s.norm end end
  end
  for _, x in pairs(centroid) do cn = cn + x * x end
  return centroid, math.sqrt(cn)
end

--- TextRank scores of a symmetric similarity graph: sim[i] = {[j] = w}
-- (the pairs with w > 0 only), n nodes.  PageRank with damping d over the
-- weighted graph, iterated until the ranks settle.
function M.textrank(sim, n, d)
  d = d or 0.85
  local out_sum = {}
  for i = 1, n do
    local s = 0
    for j, w in pairs(sim[i]) do if j ~= i then s = s + w end end
    out_sum[i] = s
  end
  -- the in-edges of each node, in a fixed order (the graph is symmetric)
  local from, weight = {}, {}
  for i = 1, n do
    local f = {}
    for j, w in pairs(sim[i]) do if j ~= i and w > 0 and out_sum[j] > 0 then f[#f + 1] = j end end
    table.sort(f)
    local w = {}
    for k, j in ipairs(f) do w[k] = sim[i][j] / out_sum[j] end
    from[i], weight[i] = f, w
  end
  local r = {}
  for i = 1, n do r[i] = 1 / n end
  local base = (1 - d) / n
  for _ = 1, 40 do
    local nr, delta = {}, 0
    for i = 1, n do
      local s = 0
      local f, w = from[i], weight[i]
      for k = 1, #f do s = s + w[k] * r[f[k]] end
      nr[i] = base + d * s
      delta = delta + math.abs(nr[i] - r[i])
    end
    r = nr
    if delta < 1e-3 then break end   -- the order is what counts
  end
  return r
end

--- Pick k of the candidates (indices into score/vec) by maximal marginal
-- relevance: lambda * score - (1 - lambda) * the largest similarity to
-- what is already picked; one more similar than max_overlap (default 0.5)
-- to a picked sentence only after all others.  Ties go to the earlier.
function M.mmr(items, k, lambda, max_overlap)
  lambda = lambda or 0.7
  max_overlap = max_overlap or 0.5
  local picked, used = {}, {}
  local maxs = 0
  for _, it in ipairs(items) do if it.score > maxs then maxs = it.score end end
  if maxs == 0 then maxs = 1 end
  local reds = {}   -- each item's largest similarity to what is picked, kept up to date
  while #picked < k do
    local best, bestv
    local last = picked[#picked]
    for i, it in ipairs(items) do
      if not used[i] then
        local red = reds[i] or 0
        if last then
          local c = cosine(it.vec, it.norm, last.vec, last.norm)
          if c > red then red = c end
          reds[i] = red
        end
        local v = lambda * it.score / maxs - (1 - lambda) * red
        -- a sentence that mostly repeats one already taken comes last
        if red > max_overlap then v = v - 2 end
        if not bestv or v > bestv + 1e-12 then best, bestv = i, v end
      end
    end
    if not best then break end
    used[best] = true
    picked[#picked + 1] = items[best]
  end
  return picked
end

-- The sentences of a cleaned article, with their positions, without the title.
local function article_sentences(text)
  if type(text) == "table" then   -- a vnt.document: cleaned and split once
    local list = {}
    for i, x in ipairs(text:sentences()) do list[i] = {text = x} end
    return list, text:clean().title
  end
  local c = vnt.clean(text)
  local body = c.text
  local title = c.title
  local sents = {}
  for s in vnt.sentences(body) do
    if not (title and s == title) then
      sents[#sents + 1] = {text = s}
    end
  end
  return sents, title
end

local function how_many(n, opts)
  local k = opts.sentences or 3
  if opts.ratio then k = math.max(1, math.floor(n * opts.ratio + 0.5)) end
  return math.min(k, n)
end

--- The summary of one article (a text or a vnt.document): {title, sentences = {{text, index, score},
-- ...} in document order}.  opts.sentences (default 3) or opts.ratio;
-- opts.method: "full" (TextRank, priors, the lead and MMR: the default;
-- opts.lead = false leaves the lead to its score),
-- "textrank" (TextRank alone, the top k), "lead" (the first k);
-- opts.df, opts.ndocs: a background counter of document frequencies and
-- the number of its documents (default: the article's own sentences).
function M.summarize(text, opts)
  opts = opts or {}
  local sents, title = article_sentences(text)
  local n = #sents
  local k = how_many(n, opts)
  local method = opts.method or "full"
  -- vectors: document frequencies over the article's sentences, or a background
  local df, ndocs = opts.df, opts.ndocs
  if method == "lead" then   -- the first k, nothing to weigh
    local out = {}
    for i = 1, k do out[i] = {text = sents[i].text, index = i, score = 1} end
    return {title = title, sentences = out, count = n}
  end
  local tfs, counts = {}, {}
  local own_df = not df and {} or nil   -- the article's own sentences as the documents
  for i, s in ipairs(sents) do tfs[i], counts[i] = vnt.term_counts(s.text, M.stopwords, own_df) end
  if own_df then df, ndocs = own_df, n end
  local idf = {}   -- each word's weight, worked out once
  for i, s in ipairs(sents) do
    s.index = i
    s.vec, s.norm = vector(tfs[i], df, ndocs, idf)
    s.nwords = counts[i]
  end
  local chosen
  local tr
  if n > M.max_graph then
    -- a very long document: the graph would grow with the square of its
    -- sentences; each sentence's similarity to the document's centroid
    -- (the degree of LexRank, in one pass) ranks them instead
    tr = {}
    local centroid, cn = centroid_of(sents)
    for i, s in ipairs(sents) do tr[i] = cosine(s.vec, s.norm, centroid, cn) / n end
  else
    -- TextRank over the cosine similarities, in C: only pairs that share a word are touched
    local vecs, norms = {}, {}
    for i, s in ipairs(sents) do vecs[i], norms[i] = s.vec, s.norm end
    tr = vnt.sentence_ranks(vecs, norms)
  end
  local tvec, tnorm
  if title then tvec, tnorm = vector(terms(title), df, ndocs) end
  local items = {}
  for i, s in ipairs(sents) do
    local score = tr[i] * n   -- 1 on average
    if method == "full" then
      local position = 1 + (opts.position or 0.5) / math.sqrt(i)    -- the lead matters in news
      local overlap = tvec and 1 + (opts.title_weight or 1) * cosine(s.vec, s.norm, tvec, tnorm) or 1
      local short = s.nwords < 6 and 0.3 or 1                      -- fragments, datelines
      score = score * position * overlap * short
    end
    s.score = score
    items[#items + 1] = s
  end
  if method == "full" and opts.lead ~= false and n > 0 and sents[1].nwords >= 10 then
    -- the lead: news puts who, what, where and when in its first
    -- sentence; it gets the best score, so MMR takes it first
    local top = 0
    for _, it in ipairs(items) do if it.score > top then top = it.score end end
    sents[1].score = top * 1.0001
  end
  if method == "textrank" then
    table.sort(items, function(a, b)
      if a.score ~= b.score then return a.score > b.score end
      return a.index < b.index
    end)
    chosen = {}
    for i = 1, k do chosen[i] = items[i] end
  else
    chosen = M.mmr(items, k, opts.lambda)
  end
  table.sort(chosen, function(a, b) return a.index < b.index end)
  local out = {}
  for i, s in ipairs(chosen) do out[i] = {text = s.text, index = s.index, score = s.score} end
  return {title = title, sentences = out, count = n}
end

--- One summary of many articles: docs = {{name, text}, ...}.  Sentences
-- are scored by their similarity to the collection's centroid (central
-- sentences, a linear-time LexRank), with the same priors, picked by MMR;
-- each with its document.  opts as for summarize.
function M.summarize_corpus(docs, opts)
  opts = opts or {}
  local all = {}
  local df = vnt.counter()
  local per_doc = {}
  for d, doc in ipairs(docs) do
    local sents, title = article_sentences(doc[2])
    local seen = {}
    for i, s in ipairs(sents) do
      s.tf, s.nwords = vnt.term_counts(s.text, M.stopwords)
      s.doc, s.index, s.title = doc[1], i, title
      for w in pairs(s.tf) do if not seen[w] then seen[w] = true df:add(w) end end
      all[#all + 1] = s
    end
    per_doc[d] = {title = title}
  end
  local ndocs = #docs
  for _, s in ipairs(all) do
    s.vec, s.norm = vector(s.tf, df, ndocs)
    s.tf = nil
  end
  local centroid, cn = centroid_of(all)
  for _, s in ipairs(all) do
    local c = cosine(s.vec, s.norm, centroid, cn)
    local short = s.nwords < 6 and 0.3 or 1
    s.score = c * (1 + 1 / math.sqrt(s.index)) * short
  end
  local k = how_many(#all, opts)
  local chosen = M.mmr(all, k, opts.lambda)
  table.sort(chosen, function(a, b)
    if a.doc ~= b.doc then return a.doc < b.doc end
    return a.index < b.index
  end)
  local out = {}
  for i, s in ipairs(chosen) do out[i] = {doc = s.doc, text = s.text, index = s.index, score = s.score} end
  return {sentences = out, count = #all, documents = ndocs}
end

-- ---- ROUGE -------------------------------------------------------------------------------------

local function ngram_counts(words, n)
  local c = {}
  for i = 1, #words - n + 1 do
    local g = table.concat(words, " ", i, i + n - 1)
    c[g] = (c[g] or 0) + 1
  end
  return c
end

--- ROUGE-n of `hyp` against `ref` on normalized syllables (NFC, lower
-- case, new tone style, punctuation out; stop words kept): recall,
-- precision, F1.
function M.rouge(ref, hyp, n)
  local function toks(s)
    s = vnt.normalize(s, {form = "NFC", case = "lower", tones = "new"})
    s = s:gsub("\226\128[\147\148\156\157\152\153\166]", " "):gsub("\194[\171\187]", " ")
    local t = {}
    for w in s:gmatch("[^%s%p]+") do t[#t + 1] = w end
    return t
  end
  local r, h = ngram_counts(toks(ref), n), ngram_counts(toks(hyp), n)
  local overlap, nr, nh = 0, 0, 0
  for g, c in pairs(r) do
    nr = nr + c
    if h[g] then overlap = overlap + math.min(c, h[g]) end
  end
  for _, c in pairs(h) do nh = nh + c end
  if overlap == 0 then return 0, 0, 0 end
  local R, P = overlap / nr, overlap / nh
  return R, P, 2 * P * R / (P + R)
end

return M
