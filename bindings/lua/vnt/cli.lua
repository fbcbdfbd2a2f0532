--- vnt.cli: what every vnt script shares -- option parsing, input files,
-- errors with the file and line they come from, and exit statuses.
--
-- Exit statuses: 0 success, 1 an input could not be processed (the others
-- still were), 2 a usage error.  Errors travel as {exit = N, msg = "..."}
-- tables that the vnt launcher prints as "vnt: msg".
-- @module vnt.cli
local argparse = require "argparse"

local io = io
local error, setmetatable = error, setmetatable

local M = {}

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

--- Report a problem with one input on stderr without stopping the script;
-- M.status() is then 1.
local failures = 0
function M.warn(msg)
  io.stderr:write("vnt: ", msg, "\n")
  failures = failures + 1
end

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

return M
