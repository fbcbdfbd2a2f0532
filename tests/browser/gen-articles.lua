-- gen-articles.lua N SEED -- N short Vietnamese news articles, made up here
-- from templates (places, bodies, events, dates of many forms), separated
-- by blank lines, for the timeline page's browser test at any size.  The
-- same N and SEED give the same text.
local n, seed = tonumber(arg[1]) or 5, tonumber(arg[2]) or 1
local state = seed
local function rnd(k)   -- 1..k, a linear congruential generator (the same on every machine)
  state = (state * 1103515245 + 12345) % 2147483648
  return state % k + 1
end
local function pick(t) return t[rnd(#t)] end

local places = {"Cần Thơ", "Đà Nẵng", "Huế", "Hải Phòng", "Nghệ An", "Lâm Đồng", "Bình Định", "Sóc Trăng",
                "Quảng Ninh", "Kon Tum", "Phú Yên", "Hà Giang", "Bến Tre", "Thái Nguyên", "Gia Lai"}
local bodies = {"Sở Giao thông vận tải", "UBND tỉnh", "Hội Nông dân", "Sở Y tế", "Ban quản lý dự án",
                "Trung tâm Khuyến nông", "Sở Du lịch", "Hiệp hội Doanh nghiệp", "Công an tỉnh", "Sở Giáo dục"}
local acts = {"khởi công cây cầu mới qua sông", "khánh thành trường học cho trẻ vùng cao",
              "tổ chức hội chợ nông sản an toàn", "ra mắt ứng dụng đặt lịch khám bệnh",
              "hoàn thành tuyến đường ven biển", "mở lớp dạy nghề cho lao động nông thôn",
              "thu hoạch vụ lúa đông xuân", "đón đoàn du khách quốc tế đầu tiên",
              "diễn tập phòng chống cháy rừng", "trao học bổng cho học sinh nghèo",
              "thông xe nút giao trung tâm", "công bố kế hoạch trồng rừng ngập mặn"}
local names = {"Nguyễn Văn Hải", "Trần Thị Mai", "Lê Quốc Dũng", "Phạm Thu Hương", "Võ Minh Tâm",
               "Đặng Hoài Nam", "Bùi Thị Lan", "Hồ Quang Vinh"}
local out = {}
for i = 1, n do
  local y = 2015 + rnd(11)
  local m, d = rnd(12), rnd(28)
  local place, body, act = pick(places), pick(bodies), pick(acts)
  local a = {}
  a[#a + 1] = ("%s: %s %s"):format(place, body, act)
  a[#a + 1] = ("Ngày %d/%d/%d, %s %s %s."):format(d, m, y, body, place, act)
  local k = rnd(5)
  if k == 1 then
    a[#a + 1] = ("Dự án được triển khai từ tháng %d/%d và dự kiến hoàn thành vào quý %s năm %d."):format(
      rnd(12), y - 1, pick {"I", "II", "III", "IV"}, y + 1)
  elseif k == 2 then
    a[#a + 1] = ("Từ ngày %d đến ngày %d/%d/%d, hơn %d người dân đã đăng ký tham gia."):format(
      d, math.min(d + rnd(3), 28), m, y, 100 * rnd(30))
  elseif k == 3 then
    a[#a + 1] = ("Trong 6 tháng đầu năm %d, địa phương đã giải ngân %d tỷ đồng cho chương trình này."):format(y, rnd(90))
  elseif k == 4 then
    a[#a + 1] = ("Năm %d, tỉnh từng thí điểm mô hình tương tự ở %d xã."):format(y - rnd(6), rnd(20))
  else
    a[#a + 1] = ("Sáng %d/%d, lãnh đạo tỉnh đã kiểm tra tiến độ tại công trường."):format(rnd(28), m)
  end
  a[#a + 1] = ("“Chúng tôi sẽ hoàn thành mọi hạng mục trước tháng %d/%d”, ông %s cho biết."):format(
    rnd(12), y + 1, pick(names))
  out[#out + 1] = table.concat(a, "\n")
end
io.write(table.concat(out, "\n\n"), "\n")
