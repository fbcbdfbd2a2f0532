-- tools/eval-summary.lua GOLD SEEDS_DIR: ROUGE-1 and ROUGE-2 (recall and F1,
-- on normalized syllables, vnt.summary.rouge) of vnt summary against the key
-- sentences and the abstract of each gold record, next to two baselines
-- scored the same way in the same run: lead-3 and plain TextRank.
local cjson = require "cjson"
local summary = require "vnt.summary"
local gold, seeds = arg[1], arg[2]
local k = tonumber(arg[3]) or 3
local rows = {
  {"vnt summary (TextRank + priors + MMR)", {method = "full", sentences = k}},
  {"baseline: lead-3", {method = "lead", sentences = 3}},
  {"baseline: plain TextRank", {method = "textrank", sentences = k}},
}
local n = 0
local sums = {}
for l in io.lines(gold) do
  local g = cjson.decode(l)
  local f = assert(io.open(seeds .. "/" .. g.doc, "rb"))
  local text = f:read("a")
  f:close()
  n = n + 1
  local ref = table.concat(g.key_sentences, " ")
  for i, row in ipairs(rows) do
    local s = summary.summarize(text, row[2])
    local hyp = {}
    for _, x in ipairs(s.sentences) do hyp[#hyp + 1] = x.text end
    hyp = table.concat(hyp, " ")
    local t = sums[i] or {0, 0, 0, 0, 0, 0, 0, 0}
    local r1, _, f1 = summary.rouge(ref, hyp, 1)
    local r2, _, f2 = summary.rouge(ref, hyp, 2)
    local a1, _, af1 = summary.rouge(g.abstract, hyp, 1)
    local a2, _, af2 = summary.rouge(g.abstract, hyp, 2)
    t[1], t[2], t[3], t[4] = t[1] + r1, t[2] + f1, t[3] + r2, t[4] + f2
    t[5], t[6], t[7], t[8] = t[5] + a1, t[6] + af1, t[7] + a2, t[8] + af2
    sums[i] = t
  end
end
print(("%-40s %-16s %-16s %-16s %s"):format("summaries (" .. n .. " gold articles)", "key R1 rec / F1",
  "key R2 rec / F1", "abstract R1 rec / F1", "abstract R2 rec / F1"))
for i, row in ipairs(rows) do
  local t = sums[i]
  print(("%-40s %.3f / %.3f    %.3f / %.3f    %.3f / %.3f        %.3f / %.3f"):format(row[1],
    t[1] / n, t[2] / n, t[3] / n, t[4] / n, t[5] / n, t[6] / n, t[7] / n, t[8] / n))
end
