-- Quality against the hand-made gold of ../shared/gold-dev (skipped, with a
-- message, where ../shared is absent).  `make eval` prints the same figures
-- with the scorers in ../shared/tools.
local vnt = require "vnt"
local helper = require "helper"

local gold = helper.shared .. "/gold-dev"
local seeds = helper.shared .. "/corpus/seeds"

-- Sentence ends as positions in the text with all white space removed,
-- the way ../shared/tools/eval_sentences.py compares them.
local function ends(list)
  local pos, out = 0, {}
  for _, s in ipairs(list) do
    local n = utf8.len((s:gsub("%s", ""))) or #s
    -- count characters, not bytes, and ignore Unicode spaces like the scorer
    local stripped = {}
    for _, c in utf8.codes(s) do
      if not (c == 0x20 or (c >= 9 and c <= 13) or c == 0xA0 or c == 0x2028 or c == 0x2029 or
              c == 0x1680 or (c >= 0x2000 and c <= 0x200A) or c == 0x202F or c == 0x205F or c == 0x3000 or
              c == 0x85 or c == 0x1C or c == 0x1D or c == 0x1E or c == 0x1F) then
        stripped[#stripped + 1] = c
      end
    end
    n = #stripped
    if n > 0 then
      pos = pos + n
      out[pos] = true
    end
  end
  return out
end

describe("sentence boundaries against gold-dev/sentences", function()
  local docs = helper.dir(gold .. "/sentences")
  if not docs then
    pending("skipped: " .. gold .. "/sentences is absent")
    return
  end
  it("reach boundary F1 >= 0.98", function()
    local tp, fp, fn = 0, 0, 0
    for _, doc in ipairs(docs) do
      local g = {}
      for line in io.lines(gold .. "/sentences/" .. doc) do g[#g + 1] = line end
      local p = {}
      for s in vnt.sentences(helper.read(seeds .. "/" .. doc)) do p[#p + 1] = s end
      local ge, pe = ends(g), ends(p)
      for k in pairs(pe) do if ge[k] then tp = tp + 1 else fp = fp + 1 end end
      for k in pairs(ge) do if not pe[k] then fn = fn + 1 end end
    end
    local P, R = tp / (tp + fp), tp / (tp + fn)
    local F = 2 * P * R / (P + R)
    print(("\n# sentence-boundary F1 %.4f P %.4f R %.4f (tp %d fp %d fn %d)"):format(F, P, R, tp, fp, fn))
    assert.is_true(F >= 0.98)
  end)
end)
