-- The temporal grammar class by class, on sentences of our own, values included, and its traps.
local timex = require "vnt.timex"

-- "text=value" of every expression of `s`, the document dated `date`
local function found(s, date)
  local out = {}
  for _, t in ipairs((timex.find(s, {date = date}))) do out[#out + 1] = t.text .. "=" .. t.value end
  return out
end

-- each case: sentence, document date, the expressions expected
local function check(cases)
  for _, c in ipairs(cases) do
    assert.same(c[3], found(c[1], c[2]), c[1])
  end
end

describe("the temporal grammar", function()
  it("reads numbers written as words in days, months and counts", function()
    check {
      {"Buổi lễ tổ chức ngày mười một tháng mười năm 2009.", nil, {"ngày mười một tháng mười năm 2009=2009-10-11"}},
      {"Đoàn khởi hành mùng hai tháng Chín.", "2019-08-01", {"mùng hai tháng Chín=2019-09-02"}},
      {"Anh ấy chờ hai mươi mốt ngày.", nil, {"hai mươi mốt ngày=P21D"}},
      {"Cây đa đã đứng đó gần hai chục năm.", nil, {"gần hai chục năm=~P20Y"}},
      {"Công trình kéo dài ba mươi lăm tháng.", nil, {"ba mươi lăm tháng=P35M"}},
    }
  end)

  it("writes dates in every order Vietnamese uses", function()
    check {
      {"Hiệp định ký ngày 27 tháng 1 năm 1973 tại Paris.", nil, {"ngày 27 tháng 1 năm 1973=1973-01-27"}},
      {"Phiên chợ mở 30-4-2019 và kết thúc sớm.", nil, {"30-4-2019=2019-04-30"}},
      {"Văn bản ghi 15.8.2020 ở góc phải.", nil, {"15.8.2020=2020-08-15"}},
      {"Hồ sơ nộp 2021-06-30 qua mạng.", nil, {"2021-06-30=2021-06-30"}},
      {"Biên bản lập 4/5/18 tại xã.", nil, {"4/5/18=2018-05-04"}},
      {"Sáng ngày 14-3, trời mưa nhẹ.", "2016-03-20", {"Sáng ngày 14-3=2016-03-14"}},
      {"Giá xăng tăng từ tháng 5-2002.", nil, {"tháng 5-2002=2002-05"}},
      {"Số liệu thống kê đến 9/2015 cho thấy điều đó.", nil, {"9/2015=2015-09"}},
      {"Tôi về quê vào tháng Chạp.", "2018-11-02", {"tháng Chạp=2018-12"}},
    }
  end)

  it("resolves weekdays from the document's date and their week", function()
    -- 2017-02-02 is a Thursday
    check {
      {"Vào thứ hai, đội bóng tập nhẹ.", "2017-02-02", {"Vào thứ hai=2017-01-30"}},
      {"Thứ năm tuần tới đội sẽ lên đường.", "2017-02-02", {"Thứ năm tuần tới=2017-02-09"}},
      {"Thứ hai tuần trước, cửa hàng đóng cửa.", "2017-02-02", {"Thứ hai tuần trước=2017-01-23"}},
      {"Cuộc họp diễn ra thứ 2 ngày 6 tháng 2.", "2017-02-02", {"thứ 2 ngày 6 tháng 2=2017-02-06"}},
      {"Chủ nhật này trời nắng.", "2017-02-02", {"Chủ nhật này=2017-02-05"}},
      {"Hội chợ mở từ thứ hai đến thứ sáu.", "2017-02-02", {"từ thứ hai đến thứ sáu=2017-01-30/2017-02-03"}},
    }
  end)

  it("resolves relative days, parts of days and clock times", function()
    check {
      {"Hôm qua, thành phố mưa to.", "2020-03-01", {"Hôm qua=2020-02-29"}},
      {"Tối qua gió thổi mạnh.", "2020-03-01", {"Tối qua=2020-02-29"}},
      {"Trưa mai đoàn sẽ tới.", "2020-12-31", {"Trưa mai=2021-01-01"}},
      {"Hôm kia tôi gặp anh ấy.", "2021-01-01", {"Hôm kia=2020-12-30"}},
      {"Tàu chạy lúc 3 giờ chiều.", "2022-05-05", {"3 giờ chiều=2022-05-05T15:00"}},
      {"Trận đấu bắt đầu lúc 20 giờ.", "2022-05-05", {"20 giờ=2022-05-05T20:00"}},
      {"Họ gặp nhau lúc 9 giờ 15 phút ngày 2/9/2019.", nil, {"9 giờ 15 phút ngày 2/9/2019=2019-09-02T09:15"}},
      {"Cháy xảy ra lúc 9h30 sáng 31/5.", "2023-06-01", {"9h30 sáng 31/5=2023-05-31T09:30"}},
      {"Chuông reo lúc 11 giờ kém 15.", "2023-06-01", {"11 giờ kém 15=2023-06-01T10:45"}},
      {"Hôm nay 1/6, nắng đẹp.", "2022-06-01", {"Hôm nay 1/6=2022-06-01"}},
    }
  end)

  it("resolves relative weeks, months, quarters and years, and shifts", function()
    check {
      {"Tuần trước giá lúa giảm.", "2013-02-12", {"Tuần trước=2013-W06"}},
      {"Doanh thu quý trước tăng mạnh.", "2013-02-12", {"quý trước=2012-Q4"}},
      {"Lễ hội sẽ diễn ra vào tháng 10 năm sau.", "2013-02-12", {"tháng 10 năm sau=2014-10"}},
      {"Ba ngày trước, đoàn đã về.", "2013-02-12", {"Ba ngày trước=2013-02-09"}},
      {"Cách đây 5 năm, nơi đây là ruộng.", "2013-02-12", {"Cách đây 5 năm=2008"}},
      {"Hai tuần nữa trường khai giảng.", "2013-02-12", {"Hai tuần nữa=2013-02-26"}},
      {"Cuối tuần này có mưa.", "2013-02-12", {"Cuối tuần này=2013-W07-WE"}},
      {"Trong 3 ngày tới trời rét.", "2013-02-12", {"Trong 3 ngày tới=P3D"}},
    }
  end)

  it("finds intervals that share their parts", function()
    check {
      {"Triển lãm mở từ ngày 10 đến ngày 12/9/2024.", nil, {"từ ngày 10 đến ngày 12/9/2024=2024-09-10/2024-09-12"}},
      {"Đợt nghỉ kéo dài 10-12/9.", "2024-08-01", {"10-12/9=2024-09-10/2024-09-12"}},
      {"Kế hoạch giai đoạn 2021-2025 đã duyệt.", nil, {"giai đoạn 2021-2025=2021/2025"}},
      {"Mùa giải 2016/17 kết thúc sớm.", nil, {"Mùa giải 2016/17=2016/2017"}},
      {"Từ năm 2001 đến nay, làng có điện.", "2017-04-01", {"Từ năm 2001 đến nay=2001/2017"}},
      {"Ca trực trong khoảng từ 12h35 đến 14h35 ngày 5/3.", "2020-03-06", {"trong khoảng từ 12h35 đến 14h35 ngày 5/3=2020-03-05T12:35/2020-03-05T14:35"}},
    }
  end)

  it("finds durations, vague counts, decades, centuries and seasons", function()
    check {
      {"Sau vài tháng, cây ra hoa.", nil, {"vài tháng=PXM"}},
      {"Những năm qua, đời sống khá hơn.", nil, {"Những năm qua=PXY"}},
      {"Nhạc thập niên 80 được ưa chuộng.", "2017-01-01", {"thập niên 80=198X"}},
      {"Những năm 1990, xe đạp còn nhiều.", nil, {"Những năm 1990=199X"}},
      {"Ngôi chùa xây từ thế kỷ 19.", nil, {"thế kỷ 19=18XX"}},
      {"Đầu thế kỷ 21 mạng internet phổ biến.", nil, {"Đầu thế kỷ 21=20XX"}},
      {"Mùa hè năm 2017 nắng nóng kỷ lục.", nil, {"Mùa hè năm 2017=2017-SU"}},
      {"Khoảng 6 tháng đầu năm 2023 xuất khẩu tăng.", nil, {"Khoảng 6 tháng đầu năm 2023=~2023-H1"}},
      -- spans between two counts, not the days of a month
      {"Dự án kéo dài 2 – 3 năm.", nil, {"2 – 3 năm=P2Y/P3Y"}},
      {"Cần từ 3 đến 5 tháng để hoàn thành.", nil, {"từ 3 đến 5 tháng=P3M/P5M"}},
      {"Hàng về mất khoảng 5-7 ngày.", nil, {"khoảng 5-7 ngày=~P5D/P7D"}},
      {"Hội chợ mở 2-3 tháng 5.", "2020-01-01", {"2-3 tháng 5=2020-05-02/2020-05-03"}},
    }
  end)

  it("resolves solar and lunar holidays and years of the sexagenary cycle", function()
    check {
      {"Dịp Quốc khánh năm nay được nghỉ 4 ngày.", "2023-08-01", {"Dịp Quốc khánh năm nay=2023-09-02", "4 ngày=P4D"}},
      {"Đêm Giáng sinh phố đông người.", "2019-12-01", {"Đêm Giáng sinh=2019-12-24"}},
      {"Tết Nguyên đán 2017 người dân nghỉ dài.", nil, {"Tết Nguyên đán 2017=2017-01-28"}},
      {"Năm Đinh Dậu được mùa.", "2017-03-01", {"Năm Đinh Dậu=2017"}},
      {"Tết Giáp Thìn về sớm.", "2023-12-20", {"Tết Giáp Thìn=2024-02-10"}},
      {"Rằm tháng Giêng chùa đông khách.", "2018-02-01", {"Rằm tháng Giêng=2018-03-02"}},
      {"Giỗ Tổ ngày 10/3 âm lịch năm 2019 rất đông.", nil, {"Giỗ Tổ=2019-04-14", "ngày 10/3 âm lịch năm 2019=2019-04-14"}},
      {"Ngày 23 tháng Chạp là ngày ông Công ông Táo.", "2019-01-10", {"Ngày 23 tháng Chạp=2019-01-28", "ngày ông Công ông Táo=2019-01-28"}},
      -- Tết 1985 differs from China's: 21/1 in Vietnam
      {"Tết Ất Sửu người ta còn nghèo.", "1985-02-01", {"Tết Ất Sửu=1985-01-21"}},
    }
  end)

  it("knows vague references and recurrences", function()
    check {
      {"Mới đây, công ty ra mắt sản phẩm.", nil, {"Mới đây=PAST_REF"}},
      {"Hiện nay, giá vàng ổn định.", nil, {"Hiện nay=PRESENT_REF"}},
      {"Thời gian tới, thành phố sẽ làm đường.", nil, {"Thời gian tới=FUTURE_REF"}},
      {"Hàng năm, lễ hội thu hút khách.", nil, {"Hàng năm=P1Y"}},
      {"Lúc này, cả hội trường im lặng.", nil, {"Lúc này=PRESENT_REF"}},
      {"Vài năm trước, ngôi chùa còn dột nát.", nil, {"Vài năm trước=PAST_REF"}},
    }
  end)

  it("leaves anaphora and idioms of 'ever' alone, and takes spans since a time as durations", function()
    check {
      -- then: a time the text gave before, no value of its own
      {"Bão đổ bộ tháng 9/2016. Khi đó, hàng nghìn hộ mất nhà.", nil, {"tháng 9/2016=2016-09"}},
      {"Anh mở quán năm 2010, lúc đó khu phố còn vắng.", nil, {"năm 2010=2010"}},
      -- the biggest ever: no time, and no "tới nay" in it either
      {"Đây là vụ buôn lậu lớn nhất từ trước tới nay.", nil, {}},
      {"Giải thưởng lớn nhất từ trước đến nay thuộc về đội trẻ.", nil, {}},
      {"Từ đó đến nay, gia đình chưa về quê.", nil, {"Từ đó đến nay=PXY"}},
      {"Sau một thời gian, cửa hàng đóng cửa.", nil, {"Sau một thời gian=FUTURE_REF"}},
      {"Cửa hàng đóng cửa một thời gian.", nil, {"một thời gian=PXM"}},
      {"Hàng hóa sẽ về kho trong vài ngày tới.", nil, {"trong vài ngày tới=PXD"}},
      {"Chị có hơn 10 năm tuổi nghề.", nil, {"hơn 10 năm=~P10Y"}},
      {"Ông đã có 40 năm tuổi Đảng.", nil, {"40 năm=P40Y"}},
      {"Cháu bé mới 3 năm tuổi đời.", nil, {}},
    }
  end)

  it("takes days of tháng Giêng and tháng Chạp as lunar, of a year named by the cycle too", function()
    check {
      {"Lễ hội diễn ra từ 11-16 tháng Giêng năm Đinh Dậu.", nil, {"từ 11-16 tháng Giêng năm Đinh Dậu=2017-02-07/2017-02-12"}},
      {"Đêm 14 tháng Giêng, dân làng rước kiệu.", "2017-01-20", {"Đêm 14 tháng Giêng=2017-02-10"}},
      {"Ngày 23 tháng Chạp năm Bính Thân, nhà nhà cúng ông Táo.", nil, {"Ngày 23 tháng Chạp năm Bính Thân=2017-01-20"}},
    }
    -- a document that gives no date takes its year from the cycle's name it gives
    local list = timex.find("Hội làng\nNăm 2015 hội bị hoãn. Năm nay, hội mở từ 11-16 tháng Giêng năm Đinh Dậu. " ..
                            "Đêm 14 tháng Giêng có rước đèn.", {guess_date = true})
    local got = {}
    for _, t in ipairs(list) do got[#got + 1] = t.text .. "=" .. t.value end
    assert.same({"Năm 2015=2015", "Năm nay=2017", "từ 11-16 tháng Giêng năm Đinh Dậu=2017-02-07/2017-02-12",
                 "Đêm 14 tháng Giêng=2017-02-10"}, got)
  end)

  it("knows the parts of a day Vietnamese names, and the first month of the year", function()
    check {
      {"Tờ mờ sáng, ngư dân ra khơi.", "2017-06-08", {"Tờ mờ sáng=2017-06-08"}},
      {"Chập tối 5/6, trời đổ mưa.", "2017-06-08", {"Chập tối 5/6=2017-06-05"}},
      {"Giữa trưa nay, nắng gắt.", "2017-06-08", {"Giữa trưa nay=2017-06-08"}},
      {"Doanh số tháng đầu tiên của năm tăng mạnh.", "2017-06-08", {"tháng đầu tiên của năm=2017-01"}},
    }
  end)

  it("resolves hôm sau, cùng ngày and a bare part of day from the day the text told last", function()
    check {
      {"Chiều 10/5, xe bị trộm. Ngày hôm sau, chủ xe trình báo. Tối cùng ngày, nghi phạm bị bắt.", "2019-05-20",
       {"Chiều 10/5=2019-05-10", "Ngày hôm sau=2019-05-11", "Tối cùng ngày=2019-05-10"}},
      -- the document's own date where no day was told before
      {"Hôm sau, đoàn lên đường.", "2019-05-20", {"Hôm sau=2019-05-21"}},
      -- a day and a month without a year still move by days
      {"Sáng 30/6, mưa lớn. Hôm sau, nước rút.", nil, {"Sáng 30/6=XXXX-06-30", "Hôm sau=XXXX-07-01"}},
    }
  end)

  it("counts N năm sau, N ngày sau from the time the text told last; N giờ trước is hours ago", function()
    check {
      {"Năm 2003, anh vào nghề. Ba năm sau, anh mở xưởng riêng.", "2019-10-01", {"Năm 2003=2003", "Ba năm sau=2006"}},
      {"Ngày 5/3/2019, xe bị mất. 3 ngày sau, công an tìm thấy xe.", "2019-10-01",
       {"Ngày 5/3/2019=2019-03-05", "3 ngày sau=2019-03-08"}},
      {"Vụ cháy xảy ra 21 giờ trước.", "2019-10-01", {"21 giờ trước=PAST_REF"}},
    }
  end)

  it("reads dotted dates after a part of day or hôm, and đến/tới nay as the end of a span", function()
    check {
      {"Sáng 12.5, đoàn công tác đến thăm.", "2017-05-20", {"Sáng 12.5=2017-05-12"}},
      {"Hôm 5.7, anh ấy về quê.", "2017-07-20", {"Hôm 5.7=2017-07-05"}},
      {"Từ tháng 3 tới nay giá tăng.", "2017-05-20", {"Từ tháng 3 tới nay=2017-03/2017-05"}},
      {"Tháng 6 tới, giá sẽ tăng.", "2017-05-20", {"Tháng 6 tới=2017-06"}},
      {"Năm đến, công ty mở rộng.", "2017-05-20", {"Năm đến=2018"}},
    }
    local list = timex.find("Từ đầu năm đến nay, giá tăng.", {date = "2017-05-20"})
    assert.equal(1, #list)
    assert.equal("Từ đầu năm đến nay", list[1].text)
  end)

  it("takes the first or last months of a year, and sang năm", function()
    check {
      {"3 tháng đầu năm, xuất khẩu tăng.", "2017-05-20", {"3 tháng đầu năm=2017-Q1"}},
      {"9 tháng đầu năm 2016, lợi nhuận giảm.", nil, {"9 tháng đầu năm 2016=2016-01/2016-09"}},
      {"2 tháng cuối năm nay, giá tăng.", "2017-05-20", {"2 tháng cuối năm nay=2017-11/2017-12"}},
      {"Sang năm, giá sẽ tăng.", "2017-05-20", {"Sang năm=2018"}},
      {"Anh sang năm 2019 mới về nước.", nil, {"năm 2019=2019"}},
    }
  end)

  it("takes two days that share a month as two dates", function()
    check {
      {"Trong hai ngày 28 và 29-5, trời mưa to.", "2020-06-01", {"ngày 28=2020-05-28", "29-5=2020-05-29"}},
      {"Ngày 5, 6/8/2019 hội chợ mở cửa.", nil, {"Ngày 5=2019-08-05", "6/8/2019=2019-08-06"}},
      {"Anh làm 2 năm 3 tháng thì nghỉ.", nil, {"2 năm=P2Y", "3 tháng=P3M"}},
      {"Ngày 5 và 6 người bị thương.", nil, {}},
    }
  end)

  it("takes a dash date after ngày even where a sentence ends before it", function()
    check {
      {"Xe được bàn giao trước đó. Ngày 6-4, tổ công tác kiểm tra kho.", "2018-04-20", {"Ngày 6-4=2018-04-06"}},
    }
  end)

  it("takes a weekday alone on its line as the one ahead, a weekday of a report as the latest", function()
    -- 2017-02-02 is a Thursday
    check {
      {"thứ 2", "2017-02-02", {"thứ 2=2017-02-06"}},
      {"Chủ nhật", "2017-02-02", {"Chủ nhật=2017-02-05"}},
      {"Thứ Hai, ông Dũng đến thăm trường.", "2017-02-02", {"Thứ Hai=2017-01-30"}},
      {"hôm thứ hai", "2017-02-02", {"hôm thứ hai=2017-01-30"}},
    }
  end)

  it("gives a document that names no date of its own the year it names most", function()
    local list = timex.find("Lễ hội 2017 đông vui\nTừ năm 2017, huyện mở lễ hội vào ngày 10/3. Năm 2017 khách tăng gấp đôi.",
                            {guess_date = true})
    local got = {}
    for _, t in ipairs(list) do got[#got + 1] = t.text .. "=" .. t.value end
    assert.same({"năm 2017=2017", "ngày 10/3=2017-03-10", "Năm 2017=2017"}, got)
  end)

  it("does not take for times what only looks like them", function()
    check {
      {"Gần 1/2 dân số sống ở nông thôn.", nil, {}},
      {"Đội nhà thắng 2-1 trên sân khách.", "2020-01-01", {}},
      {"Tỷ số 3 - 0 nghiêng về chủ nhà.", "2020-01-01", {}},
      {"Anh về đích ở vị trí thứ hai.", "2020-01-01", {}},
      {"Đây là lần thứ hai cô đoạt giải.", "2020-01-01", {}},
      {"Thẻ vàng thứ hai khiến anh bị đuổi.", "2020-01-01", {}},
      {"Năm người bị thương nhẹ.", nil, {}},
      {"Nhà số 12/3 đường Lê Lợi bị ngập.", nil, {}},
      {"Có 1975 người tham gia.", nil, {}},
      {"Bé 6 tháng tuổi đã biết lẫy.", nil, {}},
      {"Bản 1.10.30 sửa lỗi.", nil, {}},
    }
  end)

  it("marks comparison baselines", function()
    local list = timex.find("Quý I/2023 doanh thu tăng 12% so với cùng kỳ năm 2022.", {})
    assert.equal(2, #list)
    assert.equal("2023-Q1", list[1].value)
    assert.is_nil(list[1].role)
    assert.equal("2022", list[2].value)
    assert.equal("baseline", list[2].role)
  end)

  it("carries the year of the text before: tháng 7 cùng năm", function()
    assert.same({"Năm 2010=2010", "tháng 7 cùng năm=2010-07"},
      found("Năm 2010 công ty thành lập. Đến tháng 7 cùng năm, xưởng đầu tiên chạy máy.", "2017-01-01"))
  end)

  it("dates a document by what it reports, not by an event it announces", function()
    local _, date = timex.find("Sáng 5/3/2019, hội nghị khai mạc. Hội nghị sau sẽ diễn ra ngày 20/4/2019.",
                               {guess_date = true})
    assert.equal("2019-03-05", date)
    _, date = timex.find("Cuộc trưng cầu dự kiến diễn ra ngày 16/4/2017. Hôm qua 20/3/2017 phe đối lập biểu tình.",
                         {guess_date = true})
    assert.equal("2017-03-20", date)
  end)
end)
