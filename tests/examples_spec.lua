-- The analyses of examples/scripts/, each run the way a user runs it, on the
-- bundled articles.
local helper = require "helper"

local function run(script, ...)
  return helper.run({"run", "examples/scripts/" .. script, ...})
end

local function rows(out)
  local t = {}
  for line in out:gmatch("[^\n]+") do
    local r = {}
    for f in (line .. "\t"):gmatch("([^\t]*)\t") do r[#r + 1] = f end
    t[#t + 1] = r
  end
  return t
end

describe("examples/scripts", function()
  it("speakers-dates: each speaker, their statements, and the dates inside them", function()
    local out, err, code = run("speakers-dates.lua", "examples/articles")
    assert.equal(0, code, err)
    local by = {}
    for _, r in ipairs(rows(out)) do by[r[1]] = r end
    -- the farmer of the Cần Thơ article speaks twice, of December 2019 to August 2021
    assert.equal("2", by["Trần Văn Lộc"][2])
    assert.equal("2019-12/2021-08", by["Trần Văn Lộc"][3])
    assert.matches("2022%-10%-20/2022%-10%-22", by["Sở Khoa học và Công nghệ"][3])
    -- most statements first
    local prev = math.huge
    for _, r in ipairs(rows(out)) do
      assert.is_true(tonumber(r[2]) <= prev)
      prev = tonumber(r[2])
    end
  end)

  it("keywords-dated: each article's date and its keywords", function()
    local out, err, code = run("keywords-dated.lua", "--top", "4", "examples/articles")
    assert.equal(0, code, err)
    local t = rows(out)
    assert.equal(4, #t)
    assert.same({"2023-06-12", "examples/articles/01-can-tho-hoi-thao.txt"}, {t[1][1], t[1][2]})
    assert.equal("2022-10-29", t[2][1])
    assert.matches("^hội_thảo, ", t[1][3])
    assert.matches("khởi_nghiệp", t[2][3], 1, true)
    assert.matches("xuất_khẩu", t[4][3], 1, true)
  end)

  it("topic-timeline: only the entries whose sentences name the topic, in any case and spelling", function()
    local out, err, code = run("topic-timeline.lua", "GAO", "examples/articles")
    assert.equal(0, code, err)
    local t = rows(out)
    assert.is_true(#t >= 4)
    local prev = ""
    for _, r in ipairs(t) do
      assert.is_true(r[1] >= prev or r[1]:sub(1, 4) >= prev:sub(1, 4))   -- calendar order
      prev = r[1]
      assert.matches("examples/articles/0%d", r[4])
    end
    local rice = {}
    for _, r in ipairs(t) do rice[r[1]] = r end
    assert.truthy(rice["2023-H1"])
    assert.equal("6 tháng đầu năm 2023", rice["2023-H1"][2])
    -- no entry from a sentence without the word: the Đà Nẵng article never names rice
    assert.is_nil(out:find("02-da-nang", 1, true))
    local _, err2, code2 = run("topic-timeline.lua")
    assert.equal(2, code2)
    assert.matches("usage", err2)
  end)
end)
