-- The vnt executable, run as a user runs it.
local helper = require "helper"
local vnt = require "vnt"
local run = helper.run

describe("vnt (the launcher)", function()
  it("prints its version with Lua's and Unicode's", function()
    local out, _, code = run { "--version" }
    assert.equal(0, code)
    assert.matches("^vnt %d+%.%d+%.%d+ %(Lua 5%.4", out)
    assert.matches("Unicode " .. vnt.unicode_version:gsub("%.", "%%."), out)
  end)

  it("lists the scripts with their one-line descriptions in help", function()
    for _, args in ipairs { { "help" }, { "--help" } } do
      local out, _, code = run(args)
      assert.equal(0, code)
      assert.matches("usage: vnt run SCRIPT", out, 1, true)
      assert.matches("\n  normalize +Unicode and Vietnamese normalization", out)
    end
  end)

  it("takes many file arguments (more than the Lua stack's first 20 slots)", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write("Hà Nội mưa to.\n")
    f:close()
    local args = {"count"}
    for i = 1, 300 do args[#args + 1] = path end
    local out, _, code = run(args)
    os.remove(path)
    assert.equal(0, code)
    assert.matches("mưa\t300\n", out, 1, true)
  end)

  it("exits 2 with help on stderr when given nothing", function()
    local out, err, code = run {}
    assert.equal(2, code)
    assert.equal("", out)
    assert.matches("usage:", err, 1, true)
  end)

  it("exits 2 on an unknown command or option", function()
    local _, err, code = run { "no-such-script" }
    assert.equal(2, code)
    assert.equal("vnt: 'no-such-script' is not a vnt command or script (see 'vnt help')\n", err)
    _, err, code = run { "--frobnicate" }
    assert.equal(2, code)
    assert.matches("unknown option '--frobnicate'", err, 1, true)
    _, err, code = run { "run", "/no/such/file.lua" }
    assert.equal(2, code)
    assert.matches("cannot find script '/no/such/file.lua'", err, 1, true)
  end)

  it("runs -e code with vnt loaded and arg set", function()
    local out, _, code = run { "-e", "print(vnt.nfc('Vie\\u{323}\\u{302}t'), #arg, arg[1], select('#', ...))", "x", "y" }
    assert.equal(0, code)
    assert.equal("Việt\t2\tx\t2\n", out)
  end)

  it("runs a script by path with arg like lua5.4 sets it", function()
    local path = os.tmpname()
    helper.write(path, "print(arg[0] == ..., arg[1], arg[2], select('#', ...))\nprint(require('vnt').lower('ĐÀ'))")
    local out, _, code = run { "run", path, "a", "b" }
    os.remove(path)
    assert.equal(0, code)
    assert.equal("false\ta\tb\t2\nđà\n", out)
  end)

  it("reports a script error as file:line with a traceback, exit 1", function()
    local path = os.tmpname() .. ".lua"
    helper.write(path, "local t = nil\n\nreturn t.x\n")
    local _, err, code = run { "run", path }
    os.remove(path)
    assert.equal(1, code)
    assert.matches("^vnt: " .. path:gsub("%p", "%%%0") .. ":3: attempt to index a nil value", err)
    assert.matches("stack traceback:", err, 1, true)
  end)

  it("raises on a global that does not exist instead of reading nil", function()
    local _, err, code = run { "-e", "print(pirnt)" }
    assert.equal(1, code)
    assert.matches("script attempted to access nonexistent global variable 'pirnt'", err, 1, true)
  end)

  it("passes os.exit statuses through", function()
    local _, _, code = run { "-e", "os.exit(3)" }
    assert.equal(3, code)
  end)
end)

describe("vnt normalize", function()
  local nfd_file = os.tmpname()
  local text = "Hòa bình, thủy điện “Sông Đà”.\nKhỏe  mạnh\u{A0}và  QUẢ   ĐÚNG.\n"
  helper.write(nfd_file, vnt.nfd(text))

  it("turns NFD text into NFC by default", function()
    local out, err, code = run { "normalize", nfd_file }
    assert.equal(0, code)
    assert.equal("", err)
    assert.equal(text, out)
  end)

  it("reads standard input when given no file or '-'", function()
    assert.equal(text, (run({ "normalize" }, vnt.nfd(text))))
    assert.equal(text, (run({ "normalize", "-" }, vnt.nfd(text))))
  end)

  it("applies every option as vnt.normalize does", function()
    local opts = { tones = "new", case = "lower", space = true, punct = true, strip = false }
    local out = run { "normalize", "--tones", "new", "--lower", "--space", "--punct", nfd_file }
    assert.equal((vnt.normalize(text, opts)), out)
    assert.equal("hoà bình, thuỷ điện \"sông đà\".\nkhoẻ mạnh và quả đúng.\n", out)
    out = run { "normalize", "--strip", "--form", "NFD", nfd_file }
    assert.equal((vnt.normalize(text, { strip = true, form = "NFD" })), out)
  end)

  it("gives the same output whatever the block size (streaming)", function()
    local big = string.rep(text, 50) .. string.rep("không  dấu   xuống dòng ", 40)
    local want = vnt.normalize(big, { tones = "old", space = true })
    local path = os.tmpname()
    helper.write(path, vnt.nfd(big))
    for _, size in ipairs { 7, 64, 1000 } do
      local out = run { "-e", ("local f = io.popen(%q) local s = f:read('a') f:close() io.write(s)"):format(
        "VNT_BLOCK_SIZE=" .. size .. " " .. helper.bin .. " normalize --tones old --space " .. path) }
      assert.equal(want, out, "block size " .. size)
    end
    os.remove(path)
  end)

  it("names the file, line and byte of invalid UTF-8, writes the lines before it, exits 1", function()
    local path = os.tmpname()
    helper.write(path, "dòng một\ndòng hai \xC3(\ndòng ba\n")
    local out, err, code = run { "normalize", path }
    assert.equal(1, code)
    assert.equal("dòng một\n", out)
    assert.equal(("vnt: %s:2: invalid UTF-8 at byte 23 (use --repair to replace it)\n"):format(path), err)
    out, err, code = run { "normalize", "--repair", path }
    assert.equal(0, code)
    assert.equal("dòng một\ndòng hai \u{FFFD}(\ndòng ba\n", out)
    assert.equal(("vnt: %s: replaced 1 invalid UTF-8 sequence with U+FFFD\n"):format(path), err)
    os.remove(path)
  end)

  it("reports a missing file, goes on with the rest, exits 1", function()
    local out, err, code = run { "normalize", "/no/such/file", nfd_file }
    assert.equal(1, code)
    assert.equal(text, out)
    assert.equal("vnt: /no/such/file: No such file or directory\n", err)
  end)

  it("walks directories in name order, skipping hidden files, in any encoding", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert.is_true(os.execute("mkdir -p " .. helper.q(dir .. "/sub")))
    helper.write(dir .. "/b.txt", "Hòa bình\n")
    helper.write(dir .. "/a.txt", vnt.encode("Thủy điện\n", "tcvn3"))
    helper.write(dir .. "/sub/c.txt", vnt.encode("Khỏe mạnh\n", "utf-16le"))
    helper.write(dir .. "/.hidden", "không\n")
    helper.write(dir .. "/d.bin", "\0\1\2\3binary\0")
    local out, err, code = run { "normalize", "--tones", "new", dir }
    os.execute("rm -rf " .. helper.q(dir))
    assert.equal("Thuỷ điện\nHoà bình\nKhoẻ mạnh\n", out)
    assert.equal(1, code)
    assert.equal("vnt: " .. dir .. "/d.bin: binary data (NUL or control bytes), not text; skipped\n", err)
  end)

  it("gives nothing for an empty file", function()
    local path = os.tmpname()
    local out, err, code = run { "normalize", path }
    os.remove(path)
    assert.same({ "", "", 0 }, { out, err, code })
  end)

  it("exits 2 on a bad option value, with the usage", function()
    local _, err, code = run { "normalize", "--tones", "newer" }
    assert.equal(2, code)
    assert.matches("--tones", err, 1, true)
    assert.matches("Usage: vnt normalize", err, 1, true)
  end)

  it("describes itself with --help", function()
    local out, _, code = run { "normalize", "--help" }
    assert.equal(0, code)
    assert.matches("--tones", out, 1, true)
    assert.matches("hoà, khoẻ, thuỷ", out, 1, true)
  end)
end)

describe("vnt sentences", function()
  local path = os.tmpname()
  local text = "Sáng 29/10, TP. Cần Thơ mở hội thảo. “Một. Hai”, ông Lộc nói.\nẢnh: Minh Khoa\nCâu dài\nvẫn tiếp tục. Hết"
  helper.write(path, text)

  it("prints one sentence a line, a wrapped line joined", function()
    local out, err, code = run { "sentences", path }
    assert.equal(0, code)
    assert.equal("", err)
    assert.equal("Sáng 29/10, TP. Cần Thơ mở hội thảo.\n“Một. Hai”, ông Lộc nói.\nẢnh: Minh Khoa\nCâu dài vẫn tiếp tục.\nHết\n", out)
  end)

  it("gives JSON Lines with 0-based byte offsets into the file", function()
    local out = run { "sentences", "--format", "jsonl", path }
    local n = 0
    for line in out:gmatch("[^\n]+") do
      n = n + 1
      local start, stop = tonumber(line:match('"start":(%d+)')), tonumber(line:match('"stop":(%d+)'))
      local s = line:match('"text":"(.-)","start"'):gsub("\\n", "\n")
      assert.equal(text:sub(start + 1, stop), s)
      assert.matches('^{"doc":"' .. path:gsub("%p", "%%%0") .. '","text":', line)
    end
    assert.equal(5, n)
  end)

  it("gives the same sentences whatever the block size", function()
    local big = string.rep(text .. "\n", 30)
    local p2 = os.tmpname()
    helper.write(p2, big)
    local want = {}
    for s, i, j in vnt.sentences(big) do want[#want + 1] = (i - 1) .. ":" .. j end
    for _, size in ipairs { 5, 100, 100000 } do
      local out = run { "-e", ("local f = io.popen(%q) local s = f:read('a') f:close() io.write(s)"):format(
        "VNT_BLOCK_SIZE=" .. size .. " " .. helper.bin .. " sentences --format jsonl " .. p2) }
      local got = {}
      for a, b in out:gmatch('"start":(%d+),"stop":(%d+)') do got[#got + 1] = a .. ":" .. b end
      assert.same(want, got, "block size " .. size)
    end
    os.remove(p2)
  end)

  it("takes more abbreviations and can end every line", function()
    local out = run({ "sentences", "--abbrev", "Bs", "--no-soft-wrap" }, "Gặp Bs. Lan. Câu dài\nvẫn tiếp.")
    assert.equal("Gặp Bs. Lan.\nCâu dài\nvẫn tiếp.\n", out)
  end)

  it("names the file, line and byte of invalid UTF-8 and exits 1", function()
    local _, err, code = run({ "sentences" }, "Một.\nHai \xC3(.\n")
    assert.equal(1, code)
    assert.equal("vnt: <stdin>:2: invalid UTF-8 at byte 12\n", err)   -- "Một.\nHai " is 11 bytes
  end)
end)

describe("vnt tokens", function()
  local text = "Ngày 14/10/2021 lúc 16:50, Bộ TT&TT có 160.000 người.\nXem www.vnt.vn!"

  it("prints doc, offsets, kind and token as TSV", function()
    local out, _, code = run({ "tokens" }, text)
    assert.equal(0, code)
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.equal("<stdin>\t0\t5\tword\tNgày", lines[1])
    assert.equal("<stdin>\t6\t16\tdate\t14/10/2021", lines[2])
    for _, l in ipairs(lines) do
      local a, b, tok = l:match("^<stdin>\t(%d+)\t(%d+)\t%a+\t(.*)$")
      assert.equal(text:sub(a + 1, b), tok)
    end
  end)

  it("prints the tokens of each line separated by spaces with --format text", function()
    assert.equal("Ngày 14/10/2021 lúc 16:50 , Bộ TT&TT có 160.000 người .\nXem www.vnt.vn !\n",
      (run({ "tokens", "--format", "text" }, text)))
  end)

  it("filters kinds and gives JSON Lines", function()
    local out = run({ "tokens", "--kinds", "date,time,url", "--format", "jsonl" }, text)
    local function rec(kind, tok)
      local i = text:find(tok, 1, true)
      return ('{"doc":"<stdin>","start":%d,"stop":%d,"kind":"%s","token":"%s"}\n'):format(i - 1, i - 1 + #tok, kind, tok)
    end
    assert.equal(rec("date", "14/10/2021") .. rec("time", "16:50") .. rec("url", "www.vnt.vn"), out)
    local _, err, code = run({ "tokens", "--kinds", "dates" }, text)
    assert.equal(2, code)   -- a usage error
    assert.matches("unknown token kind 'dates'", err, 1, true)
  end)
end)

describe("reading in blocks (vnt.cli.line_blocks)", function()
  it("cuts a line longer than 64 blocks at blanks, and the output stays the same", function()
    local line = string.rep("Chuyển đổi số 2023, ", 300)   -- one line of about 6 KB
    local whole = run({ "tokens", "--format", "tsv" }, line)
    local path = os.tmpname()
    helper.write(path, line)
    local p = io.popen("VNT_BLOCK_SIZE=16 " .. helper.q(helper.bin) .. " tokens --format tsv " .. helper.q(path))
    local small = p:read("a")
    p:close()
    os.remove(path)
    assert.equal(whole:gsub("<stdin>", path), small)
  end)

  it("takes a broken end as a file cut short when it had more bytes when opened, else as invalid UTF-8", function()
    local cli = require "vnt.cli"
    local data = "một hai\nba b\xE1\xBB"   -- bố cut inside its three bytes, as a truncated read leaves it
    local function read_all(expect)
      local said, warn = {}, cli.warn
      cli.warn = function(msg) said[#said + 1] = msg end
      local i = 0
      local f = {read = function() i = i + 1; if i == 1 then return data end end}
      local blocks = {}
      for b in cli.line_blocks(f, "x.txt", 1 << 20, nil, nil, nil, expect) do blocks[#blocks + 1] = b end
      cli.warn = warn
      return blocks, said
    end
    local blocks, said = read_all(1000)   -- the file had 1000 bytes: cut short, for the caller to say
    assert.same({"một hai\n"}, blocks)
    assert.same({}, said)
    blocks, said = read_all(#data)        -- it is all there was: the text is broken
    assert.same({"một hai\n"}, blocks)
    assert.equal(1, #said)
    assert.truthy(said[1]:find("x.txt:2: invalid UTF-8 at byte", 1, true), said[1])
  end)

  it("cuts a line with no blank at all before a character, not inside one", function()
    local path = os.tmpname()
    helper.write(path, string.rep("đ", 2000))   -- 4000 bytes, no blank
    local p = io.popen("VNT_BLOCK_SIZE=16 " .. helper.q(helper.bin) .. " tokens --format text " .. helper.q(path) .. " 2>&1")
    local out = p:read("a")
    p:close()
    os.remove(path)
    assert.is_nil(out:find("invalid UTF-8", 1, true))
    assert.equal(4000, #(out:gsub("[%s]", "")))
  end)
end)

describe("vnt.json() and vnt.json_record()", function()
  local vnt = require "vnt"
  local cli = require "vnt.cli"
  -- the reference: the encoder as it was written in Lua
  local escapes = {['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t"}
  local function ref(v)
    local t = type(v)
    if v == cli.null then return "null" end
    if t == "string" then
      v = vnt.normalize(v, {form = "none", repair = true})   -- invalid UTF-8: U+FFFD a maximal subpart
      return '"' .. v:gsub('[%c"\\]', function(c) return escapes[c] or ("\\u%04x"):format(c:byte()) end) .. '"'
    elseif t == "number" then
      if math.type(v) == "integer" then return tostring(v) end
      if v ~= v or v == math.huge or v == -math.huge then return "null" end
      for prec = 15, 17 do   -- the shortest that reads back as the same number
        local s = ("%." .. prec .. "g"):format(v)
        if tonumber(s) == v then return s end
      end
    elseif t == "boolean" then
      return tostring(v)
    elseif v == nil then
      return "null"
    end
    local parts = {}
    for i = 1, #v do parts[i] = ref(v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end

  it("encodes as the Lua reference does: strings with every byte, numbers, booleans, null, arrays", function()
    local values = {"", "Hà Nội", 'a"b\\c', "x\ny\r\tz", "\0\1\31\127", "“trích dẫn” – ok", 0, -7,
                    math.maxinteger, math.mininteger, 0.1, -2.5e-300, 1e300, 0 / 0, math.huge, -math.huge,
                    1 / 3, 2 / 3, 3.404, 0.1 + 0.2, 2.0 ^ 53, 5e-324, 191 / 252,
                    true, false, cli.null, {}, {1, "a", {true, cli.null}}, {{}, {{}}}}
    local all = {}
    for b = 0, 255 do all[#all + 1] = string.char(b) end
    values[#values + 1] = table.concat(all)
    for _, v in ipairs(values) do assert.equal(ref(v), cli.json(v)) end
    assert.equal("null", cli.json(nil))
    local kv = {"doc", "a.txt", "line", 3, "quote", 'nói "không"', "speaker", cli.null, "score", 0.25}
    local parts = {}
    for i = 1, #kv, 2 do parts[#parts + 1] = ref(kv[i]) .. ":" .. ref(kv[i + 1]) end
    assert.equal("{" .. table.concat(parts, ",") .. "}", cli.json_record(kv))
    assert.equal("{}", cli.json_record({}))
    -- what JSON cannot hold is an error, not a guess
    assert.has_error(function() cli.json(print) end)
    assert.has_error(function() cli.json({io.stdout}) end)
    local deep = {}
    local t = deep
    for _ = 1, 200 do t[1] = {}; t = t[1] end
    assert.has_error(function() vnt.json(deep) end)
  end)
end)

describe("numbers in JSON", function()
  it("are written without float noise: 3.404, not 3.4039999999999999", function()
    local cli = require "vnt.cli"
    assert.equal("[3.404,0.1,0.30000000000000004,0.3333333333333333]", cli.json({3.404, 0.1, 0.1 + 0.2, 1 / 3}))
    local out = helper.run { "stats", "--format", "json", "examples/articles" }
    local n = 0
    for num in out:gmatch('"type_token_ratio":([%d.e+-]+)') do
      n = n + 1
      local x = tonumber(num)
      local shortest
      for prec = 15, 17 do
        shortest = ("%." .. prec .. "g"):format(x)
        if tonumber(shortest) == x then break end
      end
      assert.equal(shortest, num)
    end
    assert.equal(5, n)   -- four articles and the total
  end)
end)

describe("the CLI's options", function()
  local function run_env(env, args, stdin)
    local tmp = os.tmpname()
    local cmd = {env, helper.q(helper.bin)}
    for _, x in ipairs(args) do cmd[#cmd + 1] = helper.q(x) end
    helper.write(tmp .. ".in", stdin or "")
    local line = table.concat(cmd, " ") .. " < " .. helper.q(tmp .. ".in") .. " > " .. helper.q(tmp .. ".out") ..
                 " 2> " .. helper.q(tmp .. ".err")
    local _, _, code = os.execute(line)
    local out, err = helper.read(tmp .. ".out"), helper.read(tmp .. ".err")
    os.remove(tmp); os.remove(tmp .. ".in"); os.remove(tmp .. ".out"); os.remove(tmp .. ".err")
    return out, err, code
  end

  it("sentences: --abbrev takes one value (comma-separated, repeatable), so FILE stays a file", function()
    local f = os.tmpname()
    helper.write(f, "Gặp Bs. Lan và ThS. Hùng hôm qua. Rồi về.\n")
    local out, err, code = helper.run({"sentences", "--abbrev", "Bs", f}, "Câu từ stdin. Không được đọc.\n")
    assert.equal(0, code, err)
    assert.equal("Gặp Bs. Lan và ThS. Hùng hôm qua.\nRồi về.\n", out)
    out = helper.run { "sentences", "--abbrev", "Bs,ThS", "--abbrev", "GĐ.", f }
    assert.equal("Gặp Bs. Lan và ThS. Hùng hôm qua.\nRồi về.\n", out)
    os.remove(f)
  end)

  it("timeline: --date must be a real day written YYYY-MM-DD", function()
    for _, bad in ipairs {"2023-13-45", "2023-02-29", "2023-04-31", "23-4-1", "hôm qua"} do
      local out, err, code = helper.run({"timeline", "--date", bad, "-"}, "Ngày 5/6, họp.\n")
      assert.equal(2, code, bad)
      assert.equal("", out)
      assert.matches(bad, err, 1, true)
      assert.is_nil(err:find("traceback", 1, true))
    end
    local out, err, code = helper.run({"timeline", "--date", "2024-02-29", "--format", "jsonl", "-"}, "Ngày 5/6, họp.\n")
    assert.equal(0, code, err)
    assert.matches('"value":"2024-06-05"', out, 1, true)
  end)

  it("tokens: an unknown --kinds is a usage error that lists the kinds, not a traceback", function()
    local out, err, code = helper.run({"tokens", "--kinds", "date,foo"}, "Ngày 5/6.\n")
    assert.equal(2, code)
    assert.equal("", out)
    assert.matches("unknown token kind 'foo'", err, 1, true)
    assert.matches("word, number, date, time", err, 1, true)
    assert.is_nil(err:find("traceback", 1, true))
    out, err, code = helper.run({"tokens", "--kinds", "date", "--format", "text"}, "Ngày 5/6 lúc 7h.\n")
    assert.equal(0, code, err)
    assert.equal("5/6\n", out)
  end)

  it("vnt help NAME describes the script NAME", function()
    local out, err, code = helper.run { "help", "timeline" }
    assert.equal(0, code, err)
    assert.matches("^Usage: vnt timeline ", out)
    assert.matches("--date", out, 1, true)
    out, err, code = helper.run { "help", "no-such-script" }
    assert.equal(2, code)
    assert.matches("'no-such-script' is not a vnt script", err, 1, true)
  end)

  it("VNT_SCRIPTS adds a user's scripts to the built-in ones, and one of the same name comes first", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p " .. helper.q(dir)))
    helper.write(dir .. "/mine.lua", "-- mine: a script of my own\nprint('mine ' .. #arg)\n")
    helper.write(dir .. "/stats.lua", "-- stats: my own statistics\nprint('my stats')\n")
    local env = "VNT_SCRIPTS=" .. helper.q(dir)
    local out, err, code = run_env(env, {"mine", "a", "b"})
    assert.equal(0, code, err)
    assert.equal("mine 2\n", out)
    assert.equal("my stats\n", (run_env(env, {"stats"})))
    out = run_env(env, {"timeline", "--format", "jsonl", "-"}, "Ngày 5/6/2024, họp.\n")   -- built-in, still there
    assert.matches('"value":"2024-06-05"', out, 1, true)
    out = run_env(env, {"help"})
    assert.matches("mine +a script of my own", out)
    assert.matches("stats +characters, sentences.-%(replaced by your script of that name%)", out)
    os.execute("rm -rf " .. helper.q(dir))
  end)

  it("keywords of one document rank by count with a note, not every score 0", function()
    local out, err, code = helper.run { "keywords", "--top", "3", "examples/articles/01-can-tho-hoi-thao.txt" }
    assert.equal(0, code, err)
    assert.matches("one document and no --background", err, 1, true)
    local n = 0
    for term, count, score in out:gmatch("\t%d+\t([^\t]+)\t(%d+)\t([%d.]+)\n") do
      n = n + 1
      assert.equal(tonumber(count), tonumber(score))
      assert.is_true(tonumber(score) > 0)
      assert.is_nil(require("vnt.summary").stopwords[term])
    end
    assert.equal(3, n)
    assert.matches("\t1\thội_thảo\t", out, 1, true)
    -- a collection: TF-IDF, no note
    out, err = helper.run { "keywords", "--top", "1", "examples/articles" }
    assert.equal("", err)
    assert.matches("^[^\n]+\t1\thội_thảo\t3\t4%.159\n", out)
  end)

  it("count says when keys as written mix NFC and NFD, and --nfc counts them as one", function()
    local text = "Việt Nam\nVie\204\163\204\130t Nam\n"
    local out, err, code = helper.run({"count"}, text)
    assert.equal(0, code)
    assert.matches("Việt\t1\n", out, 1, true)
    assert.matches("1 key is not in NFC", err, 1, true)
    assert.matches("--nfc", err, 1, true)
    out, err = helper.run({"count", "--nfc"}, text)
    assert.equal("Nam\t2\nViệt\t2\n", out)
    assert.equal("", err)
    out, err = helper.run({"count"}, "Việt Nam\n")
    assert.equal("", err)
  end)

  it("--csv-bom begins CSV with a UTF-8 byte order mark for Excel; without it there is none", function()
    for _, script in ipairs {"timeline", "quotes"} do
      local with = helper.run { script, "--format", "csv", "--csv-bom", "examples/articles" }
      local without = helper.run { script, "--format", "csv", "examples/articles" }
      assert.equal("\239\187\191", with:sub(1, 3))
      assert.equal("doc,", without:sub(1, 4))
      assert.equal(without, with:sub(4))
    end
  end)
end)
