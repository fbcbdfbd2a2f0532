--- vnt.lexicon: where the default word list lives, loaded once.
--
-- The default dictionary comes from the MIT-licensed npm package
-- "vntk/dictionary" (scope vntk): the headwords of its dictionary.json with the single
-- syllables of its Viet74K.txt (tools/dict-words.lua), committed as
-- data/dict/words.txt (with its licence and provenance) and installed into
-- PREFIX/share/vnt/dict/ (a LuaRocks tree: beside the modules, vnt/dict/).
-- VNT_DICT=PATH points at another word list (one word a line);
-- VNT_DICT=none turns the dictionary off.
-- @module vnt.lexicon
local vnt = require "vnt"

local io, os, debug = io, os, debug

local M = {}

local here = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")) or "."

--- Candidate paths of the default word list, most specific first.
function M.paths()
  local env = os.getenv("VNT_DICT")
  if env and env ~= "" then return {env} end
  return {
    here .. "/../../../data/dict/words.txt",    -- the source tree: bindings/lua/vnt/
    here .. "/../../../vnt/dict/words.txt",     -- installed: PREFIX/share/lua/5.4/vnt/
    here .. "/dict/words.txt",                  -- a LuaRocks tree: share/lua/5.4/vnt/dict/
  }
end

--- Load a word list (one word a line) into a new dictionary; with
-- opts.split_free, two-syllable free combinations are left out (see
-- vnt_dict_split_free; the default dictionary is loaded that way).
-- Returns the dictionary, or nil and "path: reason".
function M.load(path, opts)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local text, rerr, code = f:read("a")
  f:close()
  if not text then   -- a directory opens, and fails to read
    return nil, ("%s: %s"):format(path, code == 21 and "is a directory, not a word list" or tostring(rerr))
  end
  local ok, pos = vnt.valid_utf8(text)
  if not ok then return nil, ("%s: invalid UTF-8 at byte %d"):format(path, pos) end
  local d = vnt.dict()
  d:add_lines(text, opts)
  return d
end

local cached, tried, why

--- The default dictionary, loaded on first use; nil and the reason when
-- there is none (segmentation then keeps every syllable a word).
function M.default()
  if tried then return cached, why end
  tried = true
  if os.getenv("VNT_DICT") == "none" then
    why = "VNT_DICT=none"
    return nil, why
  end
  local reasons = {}
  for _, p in ipairs(M.paths()) do
    local d, err = M.load(p)
    if d then cached = d return d end
    reasons[#reasons + 1] = err
  end
  why = "no default dictionary (" .. table.concat(reasons, "; ") .. "); reinstall vnt (data/dict/words.txt), or set VNT_DICT"
  return nil, why
end

return M
