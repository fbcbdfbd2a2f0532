--- vnt.document: an article read once for every analysis.  Its NFC text,
-- what vnt.clean keeps and drops, its sentences and its own date are
-- computed the first time one asks for them and kept; vnt.timeline,
-- vnt.quotes and vnt.summary take a document where they take a text, so a
-- script that runs all of them on an article normalizes and cleans it once.
--
--   local document = require "vnt.document"
--   local d = document.new(text, {name = "a.txt"})
--   local b = require("vnt.timeline").new()
--   b:add_document(d)                              -- the timeline of it
--   local qs = require("vnt.quotes").find(d)       -- its quotes, cleaned the same way
--   local s = require("vnt.summary").summarize(d)  -- its summary
--   print(d:date())                                -- "2023-06-12", "byline"
--
-- @module vnt.document
local vnt = require "vnt"

local setmetatable, ipairs, type = setmetatable, ipairs, type

local M = {}

local Document = {}
Document.__index = Document

--- A document of `text` (UTF-8; read as its NFC form).  opts.name: its name
-- (default "<text>"); opts.date: its date, "YYYY-MM-DD", when the caller
-- knows it; opts.line, opts.offset: where the text starts in its file (a
-- corpus of many articles), so that lines and offsets point into the file.
function M.new(text, opts)
  opts = opts or {}
  if type(text) ~= "string" then error("vnt.document.new: text must be a string", 2) end
  if not vnt.is_normalized(text, "NFC") then text = vnt.nfc(text) end
  return setmetatable({text = text, name = opts.name or "<text>", given_date = opts.date,
                       line = opts.line or 1, offset = opts.offset or 0}, Document)
end

--- Is `x` a document?
function M.is(x) return getmetatable(x) == Document end

--- The document's cleaning (vnt.clean: text, title, author, date, source,
-- dropped, kept), computed once.
function Document:clean()
  local c = self._clean
  if not c then
    c = vnt.clean(self.text)
    self._clean = c
  end
  return c
end

--- The set of line numbers vnt.clean drops ({[n] = true}), once.
function Document:dropped_lines()
  local s = self._dropped
  if not s then
    s = {}
    for _, d in ipairs(self:clean().dropped) do s[d.line] = true end
    self._dropped = s
  end
  return s
end

--- The sentences of the cleaned article (its headline left out): a list of
-- strings, once.
function Document:sentences()
  local t = self._sentences
  if not t then
    t = {}
    local c = self:clean()
    for s in vnt.sentences(c.text) do
      if not (c.title and s == c.title) then t[#t + 1] = s end
    end
    self._sentences = t
  end
  return t
end

--- The document's own date and where it comes from: the date given
-- (source "given"), else its byline's timestamp ("byline"), else the first
-- full date of its opening lines that is not of an event it announces
-- ("text"); nil when it names none.  Once.
function Document:date()
  if self._date == nil then
    if self.given_date then
      self._date, self._date_source = self.given_date, "given"
    else
      local timex = require "vnt.timex"
      local c = self:clean()
      local d
      if c.date then
        d = timex.doc_date(self.text, c)
        if d then self._date_source = "byline" end
      end
      if not d then
        d = select(2, timex.find(self.text, {guess_date = true}))
        if d then self._date_source = "text" end
      end
      self._date = d or false
    end
  end
  return self._date or nil, self._date_source
end

return M
