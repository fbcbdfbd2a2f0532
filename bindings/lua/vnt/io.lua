--- vnt.io: reading documents: files, directories and standard input, in
-- any encoding vnt knows -- as UTF-8 NFC text.
--
-- Failures of the outside world are values, not errors: functions return
-- nil and "path: reason"; the documents iterator yields (name, nil, reason)
-- for a document it could not read, and goes on.
-- @module vnt.io
local vnt = require "vnt"
local lfs = require "lfs"

local io, table, string, ipairs, type = io, table, string, ipairs, type

local M = {}

--- The files named by `paths`: directories are walked (sorted, hidden
-- entries skipped), "-" stands for standard input, and the file standard
-- output writes to is left out.  Returns the list, the problems met
-- ("path: reason") and notes on what was left out.
function M.expand(paths)
  local files, problems, notes = {}, {}, {}
  local out_id = vnt.file_id()   -- standard output, when it is a file
  local function walk(p)
    local attr, err = lfs.attributes(p)
    if not attr then
      err = (err or "cannot read"):gsub("^cannot obtain information from file '.-': ", "")
      problems[#problems + 1] = p .. ": " .. err
      return
    end
    if attr.mode == "directory" then
      local names = {}
      local ok, iter, dir = pcall(lfs.dir, p)
      if not ok then problems[#problems + 1] = p .. ": " .. tostring(iter) return end
      for name in iter, dir do
        if name:sub(1, 1) ~= "." then names[#names + 1] = name end
      end
      table.sort(names)
      for _, name in ipairs(names) do walk(p:gsub("/+$", "") .. "/" .. name) end
    elseif out_id and vnt.file_id(p) == out_id then
      notes[#notes + 1] = p .. ": is the output file; skipped"
    else
      files[#files + 1] = p
    end
  end
  for _, p in ipairs(paths) do
    if p == "-" then files[#files + 1] = "-" else walk(p) end
  end
  return files, problems, notes
end

local function line_of(text, pos)
  local line, p = 1, 1
  while true do
    p = text:find("\n", p, true)
    if not p or p >= pos then return line end
    line, p = line + 1, p + 1
  end
end

--- Turn the bytes of a document into UTF-8 NFC text.
-- opts.encoding forces an encoding (else it is detected); opts.repair
-- replaces invalid UTF-8 with U+FFFD.  Returns text and meta {encoding,
-- confidence, repairs}, or nil and "name: reason" (binary data, an
-- encoding it cannot tell, invalid UTF-8 with its line and byte).
function M.decode(bytes, name, opts)
  opts = opts or {}
  local enc, conf = opts.encoding, 100
  if not enc then
    enc, conf = vnt.detect(bytes)
    -- a weak guess at a legacy encoding is more likely UTF-8 with a bad
    -- byte: say so, with its place, rather than decode it silently
    if enc ~= "utf-8" and enc ~= "binary" and enc ~= "unknown" and conf < 50 then enc = "utf-8" end
    if enc == "binary" then return nil, name .. ": binary data (NUL or control bytes), not text" end
    if enc == "unknown" then
      return nil, name .. ": cannot tell the encoding (not UTF-8, UTF-16, CP1258, TCVN3, VNI, VIQR or VISCII); use --encoding"
    end
  end
  if enc == "utf-8" then
    local ok, pos = vnt.valid_utf8(bytes)
    if not ok then
      if not opts.repair then
        return nil, ("%s:%d: invalid UTF-8 at byte %d (use --repair to replace it)"):format(name, line_of(bytes, pos), pos)
      end
      local text, n = vnt.normalize(bytes, {repair = true})
      return text, {encoding = enc, confidence = conf, repairs = n}
    end
    if bytes:sub(1, 3) == "\xEF\xBB\xBF" then bytes = bytes:sub(4) end
    return vnt.nfc(bytes), {encoding = enc, confidence = conf, repairs = 0}
  end
  local ok, text = pcall(vnt.decode, bytes, enc)
  if not ok then return nil, name .. ": " .. tostring(text):gsub("^vnt%.decode: ", "") end
  return text, {encoding = enc, confidence = conf, repairs = 0}
end

--- Read a whole document ("-": standard input) as UTF-8 NFC text.
-- Returns text, meta or nil, "path: reason".
function M.read(path, opts)
  local f, name
  if path == "-" then
    f, name = io.stdin, "<stdin>"
  else
    local err
    f, err = io.open(path, "rb")
    if not f then return nil, err end
    name = path
  end
  local bytes, err, code = f:read("a")
  if f ~= io.stdin then f:close() end
  if not bytes then
    return nil, name .. ": " .. (code == 21 and "is a directory" or tostring(err))
  end
  return M.decode(bytes, name, opts)
end

--- Iterate over the documents of `paths` (files, directories, "-"):
-- yields name, text, meta -- or name, nil, reason for one that could not
-- be read (the iteration goes on).
function M.documents(paths, opts)
  if type(paths) == "string" then paths = {paths} end
  local files, problems = M.expand(paths)
  local i, p = 0, 0
  return function()
    if p < #problems then
      p = p + 1
      return problems[p]:match("^(.-): ") or problems[p], nil, problems[p]
    end
    i = i + 1
    local path = files[i]
    if not path then return nil end
    local text, meta = M.read(path, opts)
    return path == "-" and "<stdin>" or path, text, meta
  end
end

--- Iterate over the lines of a UTF-8 file, without their line ends, in
-- bounded memory.  Raises on invalid UTF-8, naming the line.
function M.lines(path)
  local f = path == "-" and io.stdin or assert(io.open(path, "rb"))
  local n = 0
  return function()
    local line = f:read("L")
    if not line then
      if f ~= io.stdin then f:close() end
      return nil
    end
    n = n + 1
    local ok, pos = vnt.valid_utf8(line)
    if not ok then error(("%s:%d: invalid UTF-8 at byte %d of the line"):format(path, n, pos), 2) end
    return (line:gsub("\r?\n$", ""))
  end
end

return M
