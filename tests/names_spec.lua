-- vnt.names: people, groups and actors in news text.
local names = require "vnt.names"

describe("vnt.names", function()
  it("finds the person's name in a mention: Vietnamese by the family name, after ông/bà, foreign by its form", function()
    assert.equal("Trần Minh Khoa", names.name_in("Giám đốc Sở Y tế tỉnh Bình Phước Trần Minh Khoa"))
    assert.equal("Lan", names.name_in("bà Lan"))
    assert.equal("Hạnh Dung", names.name_in("ông Hạnh Dung"))
    assert.equal("Oliver Brandt", names.name_in("chuyên gia Oliver Brandt"))
    assert.equal("Scholz", names.name_in("Thủ tướng Scholz"))   -- one foreign word after a person's title
    assert.is_nil(names.name_in("Tổng giám đốc Viettel"))        -- ... not after an organisation's head
    assert.is_nil(names.name_in("người dân ở Hà Nội"))           -- a place that opens with a family name
    assert.is_nil(names.name_in("Trường THCS Lê Quý Đôn"))       -- a school named after a person
    assert.is_nil(names.name_in("đường Lê Lợi"))
    assert.is_nil(names.name_in("nhiều chuyên gia kinh tế"))
  end)

  it("tells phrases that name a speaker", function()
    for _, s in ipairs {"Bộ trưởng Lê Văn Nam", "các chuyên gia", "giới chức Ankara", "Nga", "Chính phủ",
                        "hãng tin Reuters", "WHO", "bà Phương", "Công ty Green Field"} do
      assert.is_true(names.speaker_like(s), s)
    end
    for _, s in ipairs {"trong năm nay", "rất nhiều", "mưa lớn kéo dài", ""} do
      assert.is_false(names.speaker_like(s), s)
    end
  end)

  it("resolves a later mention to the person the document named before", function()
    local paras = {
      {text = "Ông Đặng Quốc Bảo, Chủ tịch UBND huyện Tân Phú, cho biết đường đã thông.", offset = 0},
      {text = "Bà Hà Thị Mai, Giám đốc Trung tâm Y tế huyện, nói thêm về dịch.", offset = 100},
    }
    local people = names.people(paras)
    assert.equal(2, #people)
    assert.equal("Đặng Quốc Bảo", people[1].name)
    local function people_of() return people end
    assert.equal("Đặng Quốc Bảo", names.resolve("ông Bảo", 150, people_of))
    assert.equal("Hà Thị Mai", names.resolve("bà Mai", 150, people_of))
    assert.equal("Đặng Quốc Bảo", names.resolve("Chủ tịch UBND huyện", 150, people_of))
    assert.equal("Hà Thị Mai", names.resolve("bà này", 150, people_of))   -- the latest person named
    assert.equal("Ngô Văn Tài", names.resolve("bà này", 150, people_of, "Ngô Văn Tài"))   -- the speaker before
    assert.equal("Bảo", names.resolve("ông Bảo", 50, function() return {} end))   -- nobody before: as written
  end)
end)
