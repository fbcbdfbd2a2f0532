local timex = require "vnt.timex"

-- the expressions of `text` as "text=value" strings, and the list itself
local function found(text, date)
  local t, list = {}, timex.find(text, {date = date})
  for i, x in ipairs(list) do t[i] = x.text .. "=" .. x.value end
  return t, list
end

local function one(text, date)
  local _, list = found(text, date)
  assert.equal(1, #list, "expected one expression in: " .. text)
  return list[1]
end

describe("vnt.timex.find()", function()
  it("finds full and partial dates with their values and types", function()
    assert.same({"14/10/2021=2021-10-14"}, (found("Hội thảo khai mạc 14/10/2021 tại Huế.")))
    assert.same({"ngày 05/6/2023=2023-06-05"}, (found("Kết quả công bố ngày 05/6/2023.")))
    assert.same({"tháng 5/2022=2022-05"}, (found("Dự án khởi công tháng 5/2022 ở Đà Nẵng.")))
    assert.same({"năm 2030=2030"}, (found("Mục tiêu đến năm 2030 là phủ sóng toàn quốc.")))
    assert.same({"tháng 3 năm 2020=2020-03"}, (found("Công ty thành lập tháng 3 năm 2020.")))
    assert.same({"3.9.2019=2019-09-03"}, (found("Văn bản ký 3.9.2019 tại Hà Nội.")))
    local t = one("Tin đăng 12/06/2023 16:50 trên cổng thông tin.")
    assert.equal("TIME", t.type)
    assert.equal("2023-06-12T16:50", t.value)
    assert.equal("12/06/2023 16:50", t.text)
    t = one("Tàu cập cảng lúc 16h30 ngày 2/9/2023.")
    assert.equal("2023-09-02T16:30", t.value)
    assert.same({"chiều ngày 3/4=2023-04-03"}, (found("Buổi lễ diễn ra chiều ngày 3/4.", "2023-03-30")))
    assert.same({"tháng này=2023-03"}, (found("Giá điện tăng trong tháng này.", "2023-03-30")))
  end)

  it("gives byte offsets into the text", function()
    local text = "Ông Lâm cho biết, sáng 29/7/2024 đoàn công tác đã tới Cà Mau."
    local t = one(text)
    assert.equal(t.text, text:sub(t.start + 1, t.stop))
    assert.equal("sáng 29/7/2024", t.text)
    assert.equal("2024-07-29", t.value)   -- the part of the day is in the span, not in the value
    assert.equal(text:find("sáng", 1, true) - 1, t.start)
  end)

  it("resolves a missing year from the document's date, else leaves XXXX and says so", function()
    local t = one("Tối 14/10, hội nghị bế mạc.", "2021-10-15")
    assert.equal("2021-10-14", t.value)
    assert.is_true(t.anchored)
    t = one("Tối 14/10, hội nghị bế mạc.")
    assert.equal("XXXX-10-14", t.value)
    assert.is_false(t.anchored)
    t = one("Triển lãm mở cửa từ 20-10 cho khách tham quan.", "2022-10-01")
    assert.equal("2022-10-20", t.value)
  end)

  it("takes a missing year from a full date in the same sentence first", function()
    local list = select(2, found("Đợt 1 kéo dài từ ngày 2/3/2019, đợt 2 bắt đầu 15/4.", "2024-01-01"))
    assert.equal(2, #list)
    assert.equal("2019-04-15", list[2].value)
  end)

  it("finds ranges of days, dates, months and years", function()
    assert.same({"12 - 14/10/2021=2021-10-12/2021-10-14"}, (found("Diễn đàn họp 12 - 14/10/2021 ở Nha Trang.")))
    assert.same({"từ ngày 20-10 đến ngày 22-10=2021-10-20/2021-10-22", "hằng năm=P1Y"},
      (found("Lễ hội diễn ra từ ngày 20-10 đến ngày 22-10 hằng năm.", "2021-09-01")))
    assert.same({"từ tháng 12/2019 đến tháng 8/2021=2019-12/2021-08"},
      (found("Khảo sát kéo dài từ tháng 12/2019 đến tháng 8/2021.")))
    assert.same({"từ 10/6 sang 15/6=2023-06-10/2023-06-15"},
      (found("Lịch thi được lùi từ 10/6 sang 15/6.", "2023-06-01")))
    assert.same({"tháng 7 - 9=2023-07/2023-09"}, (found("Đoàn sẽ kiểm tra trong tháng 7 - 9.", "2023-05-02")))
    local t = one("Tầm nhìn khoảng năm 2045 – 2050 được nêu rõ.")
    assert.equal("RANGE", t.type)
    assert.equal("~2045/2050", t.value)
    assert.same({"từ năm 2016 đến năm 2020=2016/2020"}, (found("Giai đoạn từ năm 2016 đến năm 2020 đã khép lại.")))
  end)

  it("finds parts of periods: quarters (Roman numerals), halves, starts and ends", function()
    assert.same({"Quý II năm 2023=2023-Q2"}, (found("Quý II năm 2023 tăng trưởng khá.")))
    assert.same({"quý IV/2022=2022-Q4"}, (found("Doanh thu quý IV/2022 giảm nhẹ.")))
    assert.same({"Qúy III năm 2021=2021-Q3"}, (found("Qúy III năm 2021 khó khăn.")))   -- the old spelling
    assert.same({"6 tháng đầu năm 2024=2024-H1"}, (found("Kết quả 6 tháng đầu năm 2024 rất khả quan.")))
    assert.same({"6 tháng cuối năm=2024-H2"}, (found("Nhiệm vụ 6 tháng cuối năm rất nặng.", "2024-07-29")))
    assert.same({"nửa đầu năm 2021=2021-H1"}, (found("Trong nửa đầu năm 2021, giá tăng.")))
    local t = one("Hệ thống chạy thử đầu tháng 5/2022.")
    assert.equal("2022-05", t.value)
    assert.equal("START", t.mod)
    t = one("Báo cáo nộp cuối tháng 6.", "2023-06-12")
    assert.equal("2023-06", t.value)
    assert.equal("END", t.mod)
  end)

  it("resolves deictic expressions from the document's date", function()
    local d = "2021-10-14"
    assert.same({"năm nay=2021"}, (found("Lễ trao giải năm nay có nhiều hạng mục.", d)))
    assert.same({"năm ngoái=2020"}, (found("So với năm ngoái, số hồ sơ tăng.", d)))
    assert.same({"tuần này=2021-W41"}, (found("Hội chợ mở trong tuần này.", d)))
    assert.same({"Hôm qua=2021-10-13"}, (found("Hôm qua, ban tổ chức họp báo.", d)))
    assert.same({"hôm nay=2021-10-14"}, (found("Kết quả được công bố hôm nay.", d)))
    assert.same({"Thập kỷ này=202X"}, (found("Thập kỷ này sẽ là thập kỷ của dữ liệu.", d)))
    assert.same({"cách đây hơn 3 năm=~2018"}, (found("Dự án khởi động cách đây hơn 3 năm.", d)))
    -- without a date, deictic ones are not on the calendar
    local t = one("Lễ trao giải năm nay có nhiều hạng mục.")
    assert.equal("XXXX", t.value)
    assert.is_false(t.anchored)
    for _, s in ipairs {"Thời gian tới, tỉnh sẽ mở rộng mạng lưới.", "Sắp tới, trường tuyển thêm giáo viên."} do
      t = one(s, d)
      assert.equal("FUTURE_REF", t.value)
      assert.is_false(t.anchored)
    end
  end)

  it("finds durations, with digits, number words and approximations", function()
    assert.same({"3 ngày=P3D"}, (found("Sau 3 ngày thi đấu, đội nhà về nhất.")))
    assert.same({"hơn 18 tháng=~P18M"}, (found("Công trình thi công hơn 18 tháng.")))
    assert.same({"50 năm=P50Y"}, (found("Ngôi trường đã có 50 năm truyền thống.")))
    assert.same({"Trong 30 năm qua=P30Y"}, (found("Trong 30 năm qua, làng nghề đổi thay.")))
    assert.same({"mười ngày=P10D"}, (found("Đợt nắng kéo dài mười ngày.")))
    assert.same({"hai tuần=P2W"}, (found("Lớp học kéo dài hai tuần.")))
    assert.same({"vài năm nữa=FUTURE_REF"}, (found("Chỉ vài năm nữa thành phố sẽ khác.")))
    local t = one("Công trình thi công hơn 18 tháng.")
    assert.equal("DURATION", t.type)
    assert.is_false(t.anchored)
  end)

  it("does not take numbers that are not times for times", function()
    for _, s in ipairs {
      "Cả 63 tỉnh đã triển khai.", "Mạng 5G phủ sóng thành phố.", "Chiến lược có 3 trụ cột chính.",
      "Hơn 160.000 người tham gia.", "Bản đồ 2D hoặc 3D đều được.", "Tỷ lệ đạt 95% trong năm học.",
      "Mã số 12-345 đã hết hạn.", "Giá tăng 1,5 lần.", "Đội thắng 3-2 trên sân nhà.",
    } do
      assert.same({}, (found(s)), s)
    end
  end)

  it("reads NFC text; a page of separators and brackets costs no stack", function()
    local long = ("("):rep(1000000) .. " 14/10/2021 " .. ("“"):rep(100000)
    local t = one(long)
    assert.equal("2021-10-14", t.value)
    assert.equal(1000001, t.start)
  end)
end)

describe("vnt.timex.doc_date()", function()
  it("takes the byline's date, else the first full date of the opening lines, else nil", function()
    assert.equal("2023-06-12", timex.doc_date("Tiêu đề\nNội dung.", {date = "12/06/2023 16:50"}))
    assert.equal("2021-10-14", timex.doc_date("Tiêu đề\nHà Nội, ngày 14/10/2021: hội nghị bế mạc.\nThân bài."))
    assert.is_nil(timex.doc_date("Tiêu đề\nKhông có ngày tháng nào ở đây.\n"))
    -- a date deep in the body is not the document's date
    local body = ("Một câu văn bình thường.\n"):rep(10) .. "Ngày 1/1/2000 được nhắc lại.\n"
    assert.is_nil(timex.doc_date("Tiêu đề\n" .. body))
  end)
end)

describe("counts after an approximator", function()
  it("are no years (hơn 1800 người), after a date and a comma too; khoảng 2019 before a time word is a year", function()
    local function texts(s)
      local t = {}
      for _, r in ipairs(timex.find(s, {date = "2024-06-05"})) do t[#t + 1] = r.text .. "=" .. r.value end
      return t
    end
    assert.same({"Ngày 5/6/2024=2024-06-05"}, texts("Ngày 5/6/2024, hơn 1800 người dân đã đăng ký."))
    assert.same({"Ngày 5/6/2024=2024-06-05"}, texts("Ngày 5/6/2024, gần 2000 hộ dân được hỗ trợ."))
    assert.same({}, texts("Tuyến đường dài hơn 2100 mét."))
    assert.same({"khoảng 2019=~2019"}, texts("Từ khoảng 2019 trở lại đây, giá tăng."))
    assert.same({"vào khoảng 2019=~2019"}, texts("Ông về quê vào khoảng 2019, rồi mở xưởng."))
    -- a list of years still reads as years, a date's year before a comma does not start one
    assert.same({"năm 2015=2015", "2016=2016"}, texts("Trong các năm 2015, 2016 tỉnh đã làm."))
  end)
end)
