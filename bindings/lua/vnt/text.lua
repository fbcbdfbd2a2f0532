--- vnt.text: the small text helpers the analysis modules share: trimming,
-- cutting at a character, capital letters, word lists matched at word
-- boundaries, literal tries in LPeg.
-- @module vnt.text
local vnt = require "vnt"
local lpeg = require "lpeg"

local ipairs, table, setmetatable = ipairs, table, setmetatable

local M = {}

local function lower(s) return vnt.lower(s) end

local function trim(s)
  local i = s:find("%S")
  if not i then return "" end
  local j = #s
  while j > i and s:byte(j) <= 32 do j = j - 1 end
  return s:sub(i, j)
end

-- the first n bytes of s or a little less: never half a character
local function prefix(s, n)
  if #s <= n then return s end
  while n > 0 and s:byte(n + 1) >= 0x80 and s:byte(n + 1) < 0xC0 do n = n - 1 end
  return s:sub(1, n)
end

-- the character at byte i of s (no copy of the rest), the first by default
local function first_char_at(s, i)
  return s:match("^[%z\1-\127\194-\244][\128-\191]*", i) or ""
end
local function first_char(s) return first_char_at(s, 1) end

-- is the first letter of w a capital?  ASCII by its byte; other letters
-- through vnt.upper once each, then remembered
local cap_of = {}
local function capitalized(w)
  local b = w:byte(1)
  if not b then return false end
  if b < 128 then return b >= 65 and b <= 90 end
  local c = first_char(w)
  local r = cap_of[c]
  if r == nil then
    r = vnt.upper(c) == c and vnt.lower(c) ~= c
    cap_of[c] = r
  end
  return r
end

local function all_caps(w)
  return vnt.upper(w) == w and #w > 1
end

local function split_words(s)
  local t = {}
  for w in s:gmatch("%S+") do t[#t + 1] = w end
  return t
end

-- The phrases of `list` by their first (or last) word, built once per list
-- and length: a phrase lookup tests a few candidates, not the whole list.
local index_caches = {first = setmetatable({}, {__mode = "k"}), last = setmetatable({}, {__mode = "k"})}
local function phrase_index(list, which)
  local cache = index_caches[which]
  local idx = cache[list]
  if not idx or idx.count ~= #list then
    idx = {count = #list, map = {}}
    for _, w in ipairs(list) do
      local key = which == "first" and w:match("^%S+") or w:match("(%S+)$")
      idx.map[key] = idx.map[key] or {}
      table.insert(idx.map[key], w)
    end
    cache[list] = idx
  end
  return idx.map
end

-- does lower-case text `s` start with one of `list` at a word boundary? returns the longest
local function starts_with_any(s, list)
  local map = phrase_index(list, "first")
  local f = s:match("^[^%s,.:;]+")
  local cands = f and map[f]
  if not cands then
    f = s:match("^%S+")   -- titles with a dot: "gs.", "pgs.ts."
    cands = f and map[f]
  end
  if not cands then return nil end
  local best
  for _, w in ipairs(cands) do
    if s:sub(1, #w) == w and (#s == #w or s:sub(#w + 1, #w + 1):match("[%s,.:;%-\226]")) then
      if not best or #w > #best then best = w end
    end
  end
  return best
end

-- does it end with one of `list` at a word boundary? returns the longest
-- (the last word found going back from the end: a pattern ending in $ would be tried at every byte)
local word_end_break = {[9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true, [44] = true,
                        [46] = true, [58] = true, [59] = true}
local function ends_with_any(s, list)
  local j = #s
  local i = j
  while i > 0 and not word_end_break[s:byte(i)] do i = i - 1 end
  local l = i < j and s:sub(i + 1, j) or nil
  local cands = l and phrase_index(list, "last")[l]
  if not cands then return nil end
  local best
  for _, w in ipairs(cands) do
    if #s >= #w and s:sub(-#w) == w and (#s == #w or s:sub(-#w - 1, -#w - 1):match("[%s,.:;%-\128-\255]")) then
      if not best or #w > #best then best = w end
    end
  end
  return best
end

-- One of `words` (none a prefix of another), as a trie over bytes: one test
-- a byte picks the branch, whatever the number of words.
local function literal_trie(words, depth)
  depth = depth or 1
  local groups, order, ends = {}, {}, false
  for _, w in ipairs(words) do
    if #w < depth then
      ends = true
    else
      local b = w:sub(depth, depth)
      if not groups[b] then groups[b] = {} order[#order + 1] = b end
      table.insert(groups[b], w)
    end
  end
  local pat = lpeg.P(false)
  for _, b in ipairs(order) do pat = pat + lpeg.P(b) * literal_trie(groups[b], depth + 1) end
  if ends then pat = pat + lpeg.P(true) end
  return pat
end


--- Lower case (vnt.lower).
M.lower = lower
--- s without the blanks at its ends.
M.trim = trim
--- The first n bytes of s or a little less: never half a character.
M.prefix = prefix
--- The character at byte i of s.
M.first_char_at = first_char_at
--- The first character of s.
M.first_char = first_char
--- Is the first letter of w a capital?
M.capitalized = capitalized
--- Is w in capitals (two characters or more)?
M.all_caps = all_caps
--- The words of s (split at blanks).
M.split_words = split_words
--- The longest of `list` that lower-case `s` starts with, at a word boundary, or nil.
M.starts_with_any = starts_with_any
--- The longest of `list` that lower-case `s` ends with, at a word boundary, or nil.
M.ends_with_any = ends_with_any
--- An LPeg pattern matching any one of `words` (none a prefix of another), as a trie over bytes.
M.literal_trie = literal_trie

return M
