--- Shared by the specs: the module under test, the vnt binary, fixtures, shared/.
local M = {}

M.root = os.getenv("PWD")
M.bin = os.getenv("VNT_BIN") or (M.root .. "/vnt")
M.sanitized = os.getenv("VNT_SAN") == "1"
M.shared = M.root .. "/../shared"

function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

function M.write(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
end

function M.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

local function shell_quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end
M.q = shell_quote

--- Run the vnt binary with `args` (a list), optional stdin text and an
-- optional environment ("NAME=value ...", shell words).
-- Returns stdout, stderr, exit status.
function M.run(args, stdin, env)
  local tmp = os.tmpname()
  local cmd = { env and ("env " .. env) or nil, shell_quote(M.bin) }
  if not env then table.remove(cmd, 1) end
  for _, a in ipairs(args) do cmd[#cmd + 1] = shell_quote(a) end
  local line = table.concat(cmd, " ")
  if stdin then
    M.write(tmp .. ".in", stdin)
    line = line .. " < " .. shell_quote(tmp .. ".in")
  else
    line = line .. " < /dev/null"
  end
  line = line .. " > " .. shell_quote(tmp .. ".out") .. " 2> " .. shell_quote(tmp .. ".err")
  local _, _, code = os.execute(line)
  local out, err = M.read(tmp .. ".out"), M.read(tmp .. ".err")
  os.remove(tmp); os.remove(tmp .. ".in"); os.remove(tmp .. ".out"); os.remove(tmp .. ".err")
  return out, err, code
end

--- The files of a directory (sorted), or nil if it cannot be listed.
function M.dir(path)
  local p = io.popen("ls -1 " .. shell_quote(path) .. " 2>/dev/null")
  local list = {}
  for name in p:lines() do list[#list + 1] = name end
  p:close()
  if #list == 0 then return nil end
  table.sort(list)
  return list
end

--- Word-level P, R, F1 of predicted lines against gold lines, both in the
-- '_' format, the way ../shared/tools/wseg-eval counts: a predicted word is
-- right when its syllable span equals a gold word's.
function M.wseg_f1(gold_lines, pred_lines)
  local function spans(line)
    local t, pos = {}, 0
    for w in line:gmatch("%S+") do
      local n = select(2, w:gsub("[^_]+", ""))
      t[pos .. ":" .. (pos + n)] = true
      pos = pos + n
    end
    return t
  end
  local tp, np, ng = 0, 0, 0
  for i, gl in ipairs(gold_lines) do
    local g, p = spans(gl), spans(pred_lines[i] or "")
    for k in pairs(p) do np = np + 1; if g[k] then tp = tp + 1 end end
    for _ in pairs(g) do ng = ng + 1 end
  end
  local P, R = tp / np, tp / ng
  return 2 * P * R / (P + R), P, R
end

function M.lines(path)
  local t = {}
  for l in io.lines(path) do t[#t + 1] = l end
  return t
end

--- Score a vnt command against a gold file of ../shared/gold-dev with one
-- of the shared Python scorers: runs `vnt ARGS... SEEDS` on the gold's
-- documents, writes the output to a temporary file, and returns the
-- scorer's printout.  extra: more scorer arguments (after the documents).
function M.score_gold(gold, scorer, args, extra)
  local cjson = require "cjson"
  local docs, names = {}, {}
  for l in io.lines(gold) do docs[cjson.decode(l).doc] = true end
  args = {table.unpack(args)}
  for d in pairs(docs) do
    args[#args + 1] = M.shared .. "/corpus/seeds/" .. d
    names[#names + 1] = d
  end
  local pred = os.tmpname()
  M.write(pred, (M.run(args)))
  local p = io.popen("python3 " .. shell_quote(M.shared .. "/tools/" .. scorer) .. " " .. shell_quote(gold) .. " " ..
                     shell_quote(pred) .. " " .. table.concat(names, " ") .. " " .. (extra or "") .. " 2>/dev/null")
  local res = p:read("a")
  p:close()
  os.remove(pred)
  return res
end

return M
