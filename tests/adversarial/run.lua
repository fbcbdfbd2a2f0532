-- run.lua [short|long] [VNT] -- the script-level adversarial suite: hostile
-- documents (made here) through every script at two sizes, the larger ten
-- times the smaller.  For each run it asserts
--   * time: at most 15 times as long for 10 times the input (over a floor of
--     FLOOR seconds, below which start-up dominates),
--   * memory: peak RSS under RSS_MIB,
--   * output: valid in its format (JSON and JSON Lines parse, UTF-8),
--   * errors: exit 0, or 1 with one-line "vnt: ..." messages; never a
--     traceback, never a signal.
-- Prints a table (doc, script, size, seconds, MiB at both sizes, ratio) and
-- "N passed, N failed".  `make test` runs it short (about 20 KB and 200 KB
-- inputs); `make fuzz` long (about 200 KB and 2 MB).
local cjson = require "cjson"

local mode = arg[1] or "short"
local VNT = arg[2] or "./vnt"
local BASE = mode == "long" and 200000 or 20000   -- bytes of the smaller input, about
local FLOOR, RSS_MIB = 0.25, 600

local tmp = os.tmpname()
os.remove(tmp)
assert(os.execute("mkdir -p '" .. tmp .. "'"))

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
local function rep_to(unit, bytes, sep) -- unit repeated to about `bytes`
  local n = math.max(1, bytes // #unit)
  return (unit .. (sep or "")):rep(n)
end

-- The hostile documents: name -> function(bytes) returning the text.
local docs = {
  {"no line breaks", function(b)
    return rep_to("Ngày 5/6/2024, ông Lê Văn An cho biết mưa lớn kéo dài ở Huế. ", b) end},
  {"no blank lines", function(b)
    return rep_to("Sáng 12/3, “Chúng tôi sẽ làm xong”, bà Mai nói.\n", b) end},
  {"quote marks", function(b)
    return "Tin\n" .. rep_to("“Câu nói số một.” ông An nói, “rồi hai” ", b) .. "\n" end},
  {"dates in a sentence", function(b)
    return "Các ngày " .. rep_to("5/6/2024, tháng 3/2021, năm 2019, ", b) .. "đều được nhắc.\n" end},
  {"unbalanced brackets", function(b)
    return "Ngày 1/1/2020 " .. ("("):rep(b) .. " ông nói: “được”.\n" end},
  {"runs of capitals", function(b)
    return "Ông " .. rep_to("Nguyễn Văn An Bình Châu Đông ", b) .. "nói: “xong”.\n" end},
  {"a huge word", function(b) return "Từ " .. ("a"):rep(b) .. " dài.\n" end},
  {"runs of marks", function(b)   -- long, but under the 4 Mi marks of one sequence
    return "a" .. ("\204\129"):rep(b // 2) .. " và ngày 1/2/2003.\n" end},
  {"NUL bytes", function(b) return rep_to("Ngày 1/2/2003\0 họp.\n", b) end},
  {"invalid UTF-8", function(b) return rep_to("Ngày 1/2/2003 họp.\n", b) .. "\255\254 hỏng\n" end},
  {"quotes never closed", function(b) return rep_to("“Mở mà không đóng, ông nói ", b) .. "\n" end},
  {"a corpus of tiny articles", function(b) return rep_to("Ngày 5/6/2024, mưa.\n\n", b) end},
}

-- The scripts, each with a format whose output can be checked.
local runs = {
  {"normalize", {"--tones", "new"}, "text"},
  {"sentences", {"--format", "jsonl"}, "jsonl"},
  {"tokens", {"--format", "jsonl"}, "jsonl"},
  {"words", {}, "text"},
  {"clean", {"--format", "json"}, "json"},
  {"count", {"--format", "json", "--top", "20"}, "json"},
  {"stats", {"--format", "json"}, "json"},
  {"keywords", {"--format", "json"}, "json"},
  {"collocations", {"--format", "json"}, "json"},
  {"timeline", {"--format", "jsonl", "--all"}, "jsonl"},
  {"timeline", {"--format", "html", "--split", "blank"}, "html"},
  {"quotes", {"--format", "jsonl", "--split", "blank"}, "jsonl"},
  {"summary", {"--format", "json"}, "json"},
}

local function run(script, args, file)
  local out, err = tmp .. "/out", tmp .. "/err"
  local cmd = {"/usr/bin/time", "-f", q("%e %M %x"), "-o", q(tmp .. "/time"), q(VNT), script}
  for _, a in ipairs(args) do cmd[#cmd + 1] = q(a) end
  cmd[#cmd + 1] = q(file)
  os.execute(table.concat(cmd, " ") .. " > " .. q(out) .. " 2> " .. q(err) .. " < /dev/null")
  local function read(p) local f = io.open(p, "rb") local s = f:read("a") f:close() return s end
  local t = read(tmp .. "/time")
  local secs, kib, code = t:match("([%d.]+) (%d+) (%-?%d+)%s*$")
  if not secs then   -- killed by a signal: time says so on a line of its own
    return {signal = t:match("signal (%d+)") or t, out = read(out), err = read(err)}
  end
  return {secs = tonumber(secs), mib = tonumber(kib) / 1024, code = tonumber(code), out = read(out), err = read(err)}
end

local function check_output(r, fmt)
  if r.signal then return "killed by signal " .. r.signal end
  if r.code ~= 0 and r.code ~= 1 then return "exit " .. r.code end
  if r.err:find("traceback", 1, true) then return "a traceback: " .. r.err:sub(1, 200) end
  for line in r.err:gmatch("[^\n]+") do
    if not line:find("^vnt: ") then return "stderr line not a vnt message: " .. line:sub(1, 120) end
  end
  if not utf8.len(r.out) then return "output is not valid UTF-8" end
  if fmt == "json" then
    local ok, e = pcall(cjson.decode, r.out)
    if not ok then return "invalid JSON: " .. tostring(e) end
  elseif fmt == "jsonl" then
    for line in r.out:gmatch("[^\n]+") do
      local ok, e = pcall(cjson.decode, line)
      if not ok then return "invalid JSON line: " .. tostring(e) end
    end
  elseif fmt == "html" then
    if not r.out:find("^<!DOCTYPE html>") then return "no HTML page" end
  end
  return nil
end

local pass, fail = 0, 0
local rows = {}
io.write(("%-26s %-22s %8s %8s %8s %8s %7s  %s\n"):format("document", "script", "s (1x)", "MiB", "s (10x)", "MiB",
  "ratio", "result"))
for _, d in ipairs(docs) do
  local name, gen = d[1], d[2]
  local f1, f10 = tmp .. "/small.txt", tmp .. "/large.txt"
  local h = io.open(f1, "wb") h:write(gen(BASE)) h:close()
  h = io.open(f10, "wb") h:write(gen(BASE * 10)) h:close()
  for _, r in ipairs(runs) do
    local label = r[1] .. (r[3] ~= "text" and (" " .. r[3]) or "")
    local a, b = run(r[1], r[2], f1), run(r[1], r[2], f10)
    local why = check_output(a, r[3]) or check_output(b, r[3])
    local ratio = (b.secs or 0) / math.max(a.secs or 0, FLOOR)
    if not why and ratio > 15 then why = ("time grows %.1fx for 10x the input"):format(ratio) end
    if not why and (b.mib or 0) > RSS_MIB then why = ("peak RSS %.0f MiB > %d"):format(b.mib, RSS_MIB) end
    if why then fail = fail + 1 else pass = pass + 1 end
    io.write(("%-26s %-22s %8.2f %8.1f %8.2f %8.1f %7.1f  %s\n"):format(name, label, a.secs or -1, a.mib or -1,
      b.secs or -1, b.mib or -1, ratio, why and ("FAIL: " .. why) or "ok"))
    rows[#rows + 1] = why
  end
end
-- a file whose name holds a tab, a line break and an escape sequence
do
  local weird = tmp .. "/a\tb\nc\27[31m.txt"
  local h = io.open(weird, "wb") h:write("Ngày 5/6/2024, ông An nói: “Mưa lớn.”\n") h:close()
  for _, r in ipairs(runs) do
    local x = run(r[1], r[2], weird)
    local why = check_output(x, r[3])
    if not why and (r[3] == "text" or r[3] == "html") and x.out:find("\27", 1, true) then why = "an escape reached the output" end
    if why then fail = fail + 1 else pass = pass + 1 end
    io.write(("%-26s %-22s %8.2f %8.1f %8s %8s %7s  %s\n"):format("a name with tab, LF, ESC", r[1] .. " " .. r[3],
      x.secs or -1, x.mib or -1, "", "", "", why and ("FAIL: " .. why) or "ok"))
  end
end
os.execute("rm -rf " .. q(tmp))
print(("%d passed, %d failed"):format(pass, fail))
os.exit(fail == 0 and 0 or 1)
