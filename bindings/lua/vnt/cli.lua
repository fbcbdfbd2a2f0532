--- vnt.cli: what every vnt script shares: option parsing, input files,
-- errors with the file and line they come from, and exit statuses.
--
-- Exit statuses: 0 success, 1 an input could not be processed (the others
-- still were), 2 a usage error.  Errors travel as {exit = N, msg = "..."}
-- tables that the vnt launcher prints as "vnt: msg".
-- @module vnt.cli
local argparse = require "argparse"
local vnt = require "vnt"
local safe_cut = vnt.safe_cut

local io, table, math, type, tostring, tonumber, os, ipairs = io, table, math, type, tostring, tonumber, os, ipairs
local error, setmetatable = error, setmetatable

local M = {}

local function vnt_encoding_ok(name)
  local ok = pcall(vnt.decode, "", name)
  return ok
end

--- Stop the script with message `msg` and exit status `code` (default 1).
function M.die(msg, code)
  error(setmetatable({exit = code or 1, msg = msg},
                     {__tostring = function(e) return e.msg end}), 0)
end

--- A parser for script `name`; `vnt NAME --help` prints its help.
function M.parser(name, description, epilog)
  local p = argparse("vnt " .. name, description, epilog)
  p:help_max_width(100)
  return p
end

--- Parse `args` (default: the script's arg table); a usage error exits with
-- status 2 and the usage line, --help prints help and exits 0.
function M.parse(p, args)
  local ok, res = p:pparse(args)
  if not ok then
    M.die(res .. "\n" .. p:get_usage(), 2)
  end
  return res
end

local failures = 0
--- Report a problem with one input on stderr without stopping the script;
-- M.status() is then 1.
function M.warn(msg)
  io.stderr:write("vnt: ", msg, "\n")
  failures = failures + 1
end

--- A note on stderr that is not a failure (the exit status stays 0).
function M.note(msg)
  io.stderr:write("vnt: ", msg, "\n")
end

--- Check a calendar date written YYYY-MM-DD (a real day: no 2023-13-45,
-- no 30 February); for argparse's :convert.  Returns the string, or nil and
-- the reason.
function M.check_date(s)
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return nil, ("'%s' is not a date written YYYY-MM-DD"):format(s) end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local len = {31, (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) and 29 or 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
  if m < 1 or m > 12 then return nil, ("'%s' has no month %d"):format(s, m) end
  if d < 1 or d > len[m] then return nil, ("'%s': month %d of %d has no day %d"):format(s, m, y, d) end
  return s
end

--- The exit status the script should end with: 1 after a warning, else 0.
function M.status()
  return failures > 0 and 1 or 0
end

--- Open `path` for reading in binary mode ('-' is standard input).
-- Returns the handle and a display name, or nil and "path: reason".
function M.open(path)
  if path == "-" then return io.stdin, "<stdin>" end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  -- io.open succeeds on a directory on Linux; reading then fails.  Say so.
  local ok, rerr, code = f:read(0)
  if ok == nil and code == 21 then
    f:close()
    return nil, path .. ": is a directory"
  end
  return f, path
end

--- Add the input options every script shares: --encoding and (unless
-- with_repair is false) --repair.
function M.input_options(p, with_repair)
  p:option("--encoding", "Encoding of the input: utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni, viqr, viscii " ..
           "(default: detected; a file vnt cannot tell is reported and skipped).")
  if with_repair ~= false then
    p:flag("--repair", "Replace invalid UTF-8 with U+FFFD (and say how many) instead of stopping at it.")
  end
end

-- A progress line on stderr for inputs over 4 MB, when stderr is a terminal.
local stderr_tty
local function progress(name, done, total)
  if total < (4 << 20) then return end
  if stderr_tty == nil then stderr_tty = os.execute("[ -t 2 ]") == true end
  if not stderr_tty then return end
  if done >= total then
    io.stderr:write("\r\27[K")
  else
    io.stderr:write(("\rvnt: %s: %d%% (%d of %d MB)"):format(name, done * 100 // total, done >> 20, total >> 20))
  end
  io.stderr:flush()
end

-- An error raised while a script works on one input: the input's own fault
-- (a run of marks too long, text that is not UTF-8 where the core checks it)
-- is reported for that input, which is skipped, and the rest go on; a
-- failed write ends the script with its message; anything else is a bug and
-- keeps its traceback.
local function input_error(src, name, e)
  if type(e) == "table" then return e end   -- M.die
  local msg = tostring(e)
  local what, byte = msg:match("vnt[%w_.:]*: (.-) at byte (%d+)")
  if what and (what:find("combining marks", 1, true) or what:find("invalid UTF-8", 1, true)) then
    return {input = ("%s: %s at byte %d; the rest of it is skipped"):format(name, what,
                                                                     (src.block_off or 0) + tonumber(byte))}
  end
  local w = msg:match("(cannot write the output: .*)$")
  if w then return {exit = 1, msg = w} end
  return {exit = 1, msg = debug.traceback(msg, 2)}
end

local function call_input(fn, src, name)
  local ok, e = xpcall(fn, function(x) return input_error(src, name, x) end, src, name)
  if ok then return end
  if e.input then M.warn(e.input) return end
  error(e, 0)
end

--- Call fn(src, name) for each input in `files` (none: standard input):
-- files, directories (walked, sorted) and '-'.  The encoding is detected
-- from the first 64 KiB unless opts.encoding says it.  UTF-8 input comes as
-- a stream: src.f, the open file, and src.first, the bytes already read
-- from it (M.blocks(src, name) reads the rest in line-aligned blocks);
-- other encodings come decoded: src.text, UTF-8 NFC.  Inputs that cannot
-- be read -- missing, a directory without access, binary data, an encoding
-- that cannot be told -- are reported (M.warn) and skipped.
function M.each_input(files, fn, opts)
  opts = opts or {}
  if #files == 0 then files = {"-"} end
  local vio = require "vnt.io"
  local list, problems, notes = vio.expand(files)
  for _, msg in ipairs(problems) do M.warn(msg) end
  for _, msg in ipairs(notes) do io.stderr:write("vnt: ", msg, "\n") end
  if opts.encoding and vnt_encoding_ok(opts.encoding) == false then
    M.die("unknown encoding '" .. opts.encoding .. "'", 2)
  end
  for _, path in ipairs(list) do
    local f, name = M.open(path)
    if not f then
      M.warn(name)
    else
      local first = f:read(1 << 16) or ""
      local enc = opts.encoding
      if not enc then
        local conf
        enc, conf = vnt.detect(first)
        -- a weak guess at a legacy encoding: read it as UTF-8, which names a bad byte
        if enc ~= "utf-8" and enc ~= "binary" and enc ~= "unknown" and conf < 50 then enc = "utf-8" end
      end
      if enc == "utf-8" then
        local size = path ~= "-" and f:seek("end") or 0
        if path ~= "-" then f:seek("set", #first) end
        call_input(fn, {f = f, first = first, encoding = enc, repair = opts.repair, size = size}, name)
        progress(name, size, size)
      elseif enc == "binary" then
        M.warn(name .. ": binary data (NUL or control bytes), not text; skipped")
      elseif enc == "unknown" then
        M.warn(name .. ": cannot tell the encoding (not UTF-8, UTF-16, CP1258, TCVN3, VNI, VIQR or VISCII); use --encoding")
      else
        local text, err = vio.decode(first .. (f:read("a") or ""), name, {encoding = enc})
        if text then call_input(fn, {text = text, encoding = enc}, name) else M.warn(err) end
      end
      if f ~= io.stdin then f:close() end
    end
  end
end

--- Call fn(name, text, line, offset) for each document of `files`: each
-- file whole (opts.split "file", the default), or each run of lines
-- between blank lines of it (opts.split "blank": a corpus of many articles
-- in one file, named FILE#N, read block by block so that memory holds one
-- block and one document).  line and offset say where the document starts
-- in its file (1-based line, 0-based byte).  opts.encoding, opts.repair as
-- for M.each_input.
function M.each_document(files, opts, fn)
  local function split_blank(src, name)
    local n, pending, off, line = 0, "", 0, 1
    local function emit(chunk, coff, cline)
      local i = 1
      while i <= #chunk do
        local s, e = chunk:find("^[ \t\r]*\n", i)   -- blank lines
        while s do
          i, cline = e + 1, cline + 1
          s, e = chunk:find("^[ \t\r]*\n", i)
        end
        if i > #chunk then break end
        -- the next blank line: a plain search for each line end, then a look at the line after it
        -- (a pattern that starts with "\n" would be tried at every byte of the document)
        local j = i
        while true do
          j = chunk:find("\n", j, true)
          if not j then j = #chunk break end
          if chunk:find("^[ \t\r]*\n", j + 1) then break end
          j = j + 1
        end
        local doc = chunk:sub(i, j)
        n = n + 1
        src.block_off = coff + i - 1
        fn(("%s#%d"):format(name, n), doc, cline, coff + i - 1)
        i, cline = j + 1, cline + vnt.count_lines(doc)
      end
    end
    -- the last line break of what is pending: a blank line that ends a document can only start
    -- there or in the new block, so only that much is searched again (a text without blank lines
    -- costs linear time, not a search of all that is pending at every block)
    local lastnl = 0
    local function last_nl(s, from)
      local k = 0
      while true do
        local j = s:find("\n", from, true)
        if not j then return k end
        k, from = j, j + 1
      end
    end
    for block, boff, bline in M.blocks(src, name) do
      if pending == "" then off, line = boff, bline end
      local base = #pending
      pending = pending .. block
      local from = lastnl > 0 and lastnl or base + 1
      local cut = pending:match("^.*()\n[ \t\r]*\n", from)   -- (anchored at from, not tried from every byte)
      if cut then
        local head = pending:sub(1, cut)
        emit(head, off, line)
        off, line = off + #head, line + vnt.count_lines(head)
        pending = pending:sub(cut + 1)
        lastnl = last_nl(pending, 1)
      else
        local k = last_nl(pending, base + 1)
        if k > 0 then lastnl = k end
      end
    end
    emit(pending, off, line)
  end
  M.each_input(files, function(src, name)
    if opts.split == "blank" then return split_blank(src, name) end
    local parts = {}
    for block in M.blocks(src, name) do parts[#parts + 1] = block end
    src.block_off = 0
    fn(name, table.concat(parts), 1, 0)
  end, {encoding = opts.encoding, repair = opts.repair})
end

--- The line-aligned blocks of an input given by M.each_input: block, byte
-- offset of its start, number of its first line.
function M.blocks(src, name)
  if src.text then
    local done = false
    return function()
      if done or src.text == "" then return nil end
      done = true
      return src.text, 0, 1
    end
  end
  local it = M.line_blocks(src.f, name, nil, nil, src.first, src.repair, src.size)
  local seen, failed, failures0 = 0, false, failures
  return function()
    local block, off, line = it()
    if block then
      seen = off + #block
      src.block_off = off   -- (where an error the block causes is)
      if src.size and src.size >= (4 << 20) then progress(name, seen, src.size) end
    elseif src.size and src.size > 0 and seen < src.size and not failed and not src.repair then
      -- fewer bytes than the file had when it was opened: cut short while read
      -- (an invalid-UTF-8 stop is reported by line_blocks itself)
      failed = true
      if failures == failures0 then   -- (not when line_blocks stopped at invalid UTF-8: it said so)
        M.warn(("%s: the file was cut short while it was read (%d of %d bytes)"):format(name, seen, src.size))
      end
    end
    return block, off, line
  end
end

--- Iterate over the file `f` in blocks of about `size` bytes (default
-- 1 MiB) that end at a line end, so no line and no UTF-8 sequence is cut.
-- A line longer than `max` (default 64 blocks) is cut at its last run of
-- blanks (vnt.safe_cut) instead, so memory stays bounded whatever the
-- input.  Yields block, its byte offset in the file (0-based) and the number
-- of its first line.  Invalid UTF-8 is reported as "name:LINE: invalid
-- UTF-8 at byte N" and ends the iteration -- unless the input ended before
-- `expect` bytes (its size when it was opened): then the last block's
-- broken end is a file cut short while it was read, which the caller
-- reports, and the iteration just ends.
function M.line_blocks(f, name, size, max, first, repair, expect)
  size = size or tonumber(os.getenv("VNT_BLOCK_SIZE")) or 1 << 20
  max = max or 64 * size
  local offset, line, pending, repairs = 0, 1, first or "", 0
  return function()
    local parts, n = {pending}, #pending
    pending = ""
    local at_end = false
    while true do
      local data = f:read(size)
      if not data then at_end = true break end    -- end of input
      local nl = safe_cut(data)                    -- just after the last line end, if any
      if nl > 0 and data:byte(nl) == 10 then
        parts[#parts + 1] = data:sub(1, nl)
        pending = data:sub(nl + 1)
        break
      end
      parts[#parts + 1] = data
      n = n + #data
      if n >= max then break end                   -- a very long line
    end
    local data = table.concat(parts)
    if data == "" then
      if repairs > 0 then
        io.stderr:write(("vnt: %s: replaced %d invalid UTF-8 sequence%s with U+FFFD\n"):format(
          name, repairs, repairs == 1 and "" or "s"))
        repairs = 0
      end
      return nil
    end
    if n >= max and data:byte(-1) ~= 10 then
      local cut = safe_cut(data)                    -- cut it at its last blanks
      if cut == 0 then                               -- no blank at all: before its last character
        cut = #data
        while cut > 1 and data:byte(cut) >= 0x80 and data:byte(cut) < 0xC0 do cut = cut - 1 end
        cut = cut - 1
      end
      if cut > 0 then data, pending = data:sub(1, cut), data:sub(cut + 1) end
    end
    local ok, pos = vnt.valid_utf8(data)
    if not ok and repair then
      local fixed, n = vnt.normalize(data, {form = "none", repair = true})
      repairs = repairs + n
      offset = offset + #data
      for _ in data:gmatch("\n") do line = line + 1 end
      return fixed, offset - #data, line
    end
    local b_off, b_line = offset, line
    line = line + vnt.count_lines(data, 1, ok and -1 or pos - 1)
    if not ok then
      pending = ""
      if at_end and expect and offset + #data < expect then return nil end   -- cut short: the caller says so
      M.warn(("%s:%d: invalid UTF-8 at byte %d"):format(name, line, offset + pos))
      return nil
    end
    offset = offset + #data
    return data, b_off, b_line
  end
end

--- Print or save the counter `c` as options `a` say: a.save (a path),
-- a.top, a.min_count, a.format ("tsv" or "json").
function M.write_counts(c, a)
  if a.save then
    -- counts of only some of the inputs are never saved: a merge would take them for the whole
    if failures > 0 then
      M.die(("%s: not saved: %d input%s could not be counted (see above), and counts of the others alone are not written")
        :format(a.save, failures, failures == 1 and "" or "s"), 1)
    end
    local ok, err = c:save(a.save)
    if not ok then M.die(err, 1) end
    return
  end
  local out = io.stdout
  out:setvbuf("full", 1 << 16)
  local min = a.min_count or 1
  local first = true
  if a.format ~= "json" then   -- TSV straight from C
    c:write_top(out, a.top, min)
    out:flush()
    return
  end
  out:write("[")
  for key, n in c:top(a.top) do
    if n < min then break end
    out:write(first and "" or ",\n", M.json_record {"key", key, "count", n})
    first = false
  end
  out:write("]\n")
  out:flush()
end

--- A Lua value as JSON: strings (UTF-8, escaped as little as JSON needs),
-- numbers, booleans, nil (null), and tables: arrays, or objects given as
-- {key1, value1, key2, value2, ...} through M.json_record.  Written in C
-- (vnt.json, vnt.json_record).
M.null = setmetatable({}, {__tostring = function() return "null" end})   -- JSON null inside tables

-- control characters (C0 but tab and line feed, DEL, C1) as visible escapes
local function visible_char(c)
  if #c == 1 then return ("\\x%02x"):format(c:byte()) end
  return ("\\u%04x"):format(((c:byte(1) & 0x1F) << 6) | (c:byte(2) & 0x3F))
end
--- s with its control characters made visible (ESC as \x1b, U+0085 as
-- \u0085): text from an article can never move the cursor, recolour or
-- retitle the terminal it is shown on.  Tabs and line breaks stay.
function M.visible(s)
  if not s:find("[%z\1-\8\11-\31\127\194]") then return s end
  return (s:gsub("[%z\1-\8\11-\31\127]", visible_char):gsub("\194[\128-\159]", visible_char))
end

--- A writer for display formats (text, md): what it writes goes through
-- M.visible.
function M.display(f)
  local w = {}
  function w.write(_, ...)
    local n = select("#", ...)
    for i = 1, n do
      local x = select(i, ...)
      f:write(type(x) == "string" and M.visible(x) or x)
    end
    return w
  end
  function w.flush() return f:flush() end
  function w.setvbuf(_, ...) return f:setvbuf(...) end
  return w
end

--- A TSV field: backslash, tab, line feed and carriage return written as
-- \\, \t, \n, \r (a name with a tab cannot shift the columns), the rest
-- made visible as for M.visible.
function M.tsv(s)
  s = tostring(s)
  if s:find("[\\\t\n\r]") then
    s = s:gsub("[\\\t\n\r]", {["\\"] = "\\\\", ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r"})
  end
  return M.visible(s)
end

--- Markdown of plain text: the characters Markdown or HTML would read as
-- markup escaped (a raw <script> in an article stays text).
function M.md_escape(s)
  return (M.visible(s):gsub("[\\`*_%[%]<>&|]", function(c)
    if c == "<" then return "&lt;" elseif c == ">" then return "&gt;" elseif c == "&" then return "&amp;" end
    return "\\" .. c
  end))
end

--- CSV (RFC 4180): --csv-bom for the scripts that write it, so that a
-- spreadsheet that guesses the encoding (Excel) reads UTF-8.
function M.csv_options(p)
  p:flag("--csv-safe", "With --format csv: a field that starts with = + - @, a tab or a carriage return gets a " ..
         "leading ' so that a spreadsheet shows it as text and never runs it as a formula (OWASP's advice; " ..
         "off by default, since it changes the data).")
  p:flag("--csv-bom", "With --format csv: begin with a UTF-8 byte order mark, for Excel, which otherwise " ..
         "reads the file in the system's code page.")
end

local csv_safe = false
--- One CSV row of `values` (nil as an empty field), fields quoted
-- where they hold a comma, a quote or a line break; CRLF ends the row.
function M.csv_row(out, values, n)
  local row = {}
  for i = 1, n or #values do
    local v = values[i]
    v = v == nil and "" or tostring(v)
    if csv_safe and v:find("^[=+%-@\t\r]") and not v:find("^%-?%d[%d.,]*$") then v = "'" .. v end
    if v:find('[,"\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
    row[i] = v
  end
  out:write(table.concat(row, ","), "\r\n")
end

--- The CSV header row, after the byte order mark when a.csv_bom.
function M.csv_header(out, fields, a)
  csv_safe = a and a.csv_safe or false
  if a and a.csv_bom then out:write("\239\187\191") end
  M.csv_row(out, fields)
end

--- JSON of v, with M.null as null (vnt.json).
function M.json(v) return vnt.json(v, M.null) end

--- One JSON object with its keys in the order given:
-- json_record{"doc", "a.txt", "start", 0} --> {"doc":"a.txt","start":0}
function M.json_record(kv) return vnt.json_record(kv, M.null) end

return M
