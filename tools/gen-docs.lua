-- gen-docs.lua OUTDIR [SCRIPTDIR] -- man pages and shell completions made
-- from the scripts' own argparse definitions, so they cannot drift from
-- `vnt NAME --help`.  Run with the vnt executable (make man):
--
--   ./vnt run tools/gen-docs.lua build/man scripts
--
-- writes OUTDIR/man1/vnt.1, OUTDIR/man1/vnt-NAME.1 for every script, and
-- OUTDIR/completions/{vnt.bash,_vnt,vnt.fish} (lua-argparse's generators,
-- over a parser that has every script as a command), and OUTDIR/options.md,
-- every script's options in Markdown (committed as docs/options.md).
local argparse = require "argparse"
local cli = require "vnt.cli"
local lfs = require "lfs"

local outdir, scriptdir = arg[1], arg[2] or "scripts"
if not outdir then
  io.stderr:write("usage: vnt run tools/gen-docs.lua OUTDIR [SCRIPTDIR]\n")
  os.exit(2)
end

-- Each script is run up to its cli.parse, which hands over the parser and
-- stops the script there.
local STOP = {}
local captured
cli.parse = function(p) captured = p error(STOP, 0) end

local names = {}
for f in lfs.dir(scriptdir) do
  local n = f:match("^([%w%-_]+)%.lua$")
  if n then names[#names + 1] = n end
end
table.sort(names)

local scripts = {}
for _, n in ipairs(names) do
  local path = scriptdir .. "/" .. n .. ".lua"
  local fh = assert(io.open(path))
  local first = fh:read("l") or ""
  fh:close()
  local chunk = assert(loadfile(path))
  captured = nil
  local saved_arg = _G.arg
  _G.arg = {[0] = path}
  local ok, err = pcall(chunk)
  _G.arg = saved_arg
  if ok or err ~= STOP or not captured then
    io.stderr:write(("gen-docs: %s did not reach cli.parse (%s)\n"):format(path, tostring(err)))
    os.exit(1)
  end
  scripts[#scripts + 1] = {name = n, parser = captured,
                           summary = first:match("^%-%-%s*[^:]+:%s*(.*)$") or ""}
end

local function mkdir_p(d)
  local acc = ""
  for part in d:gmatch("[^/]+") do
    acc = (acc == "" and (d:sub(1, 1) == "/" and "/" or "") or acc .. "/") .. part
    lfs.mkdir(acc)
  end
end

local function write(path, text)
  local tmp = path .. ".tmp"
  local fh = assert(io.open(tmp, "wb"))
  assert(fh:write(text))
  assert(fh:close())
  assert(os.rename(tmp, path))
end

-- roff: escape backslashes, a leading dot or quote, and hyphens in options
local function roff(s)
  s = s:gsub("\\", "\\e"):gsub("%-", "\\-")
  s = s:gsub("\n([.'])", "\n\\&%1")
  if s:match("^[.']") then s = "\\&" .. s end
  return s
end

local function para(s)   -- argparse descriptions: lines joined, blank lines kept
  local out = {}
  for block in (s .. "\n\n"):gmatch("(.-)\n\n+") do
    if block ~= "" then out[#out + 1] = roff((block:gsub("\n", " "))) end
  end
  return table.concat(out, "\n.PP\n")
end

local DATE = os.date("!%Y-%m-%d", tonumber(os.getenv("SOURCE_DATE_EPOCH") or "") or os.time())
local VERSION = require("vnt").version

local function element_names(e)
  local t = {}
  for _, a in ipairs(e._aliases or {e._name}) do t[#t + 1] = "\\fB" .. roff(a) .. "\\fR" end
  local argname = ""
  if (e._maxargs or 0) > 0 then
    local an = e._argname
    if type(an) == "table" then an = table.concat(an, " ") end
    argname = " \\fI" .. roff(an or ("<" .. e._name:gsub("^%-+", "") .. ">")) .. "\\fR"
  end
  return table.concat(t, ", ") .. argname
end

local function describe(e)
  local d = e._description or ""
  local extra = {}
  if e._choices then extra[#extra + 1] = "One of: " .. table.concat(e._choices, ", ") .. "." end
  if e._default ~= nil and (e._maxargs or 0) > 0 then extra[#extra + 1] = "Default: " .. tostring(e._default) .. "." end
  if #extra > 0 then d = d .. (d ~= "" and " " or "") .. table.concat(extra, " ") end
  return para(d)
end

local function man_page(s)
  local p = s.parser
  local t = {}
  t[#t + 1] = ('.TH VNT\\-%s 1 "%s" "vnt %s" "vnt manual"'):format(roff(s.name:upper()), DATE, VERSION)
  t[#t + 1] = ".SH NAME"
  t[#t + 1] = ("vnt\\-%s \\- %s"):format(roff(s.name), roff(s.summary))
  t[#t + 1] = ".SH SYNOPSIS"
  t[#t + 1] = ".nf"
  t[#t + 1] = roff(p:get_usage():gsub("^Usage: ", ""))
  t[#t + 1] = ".fi"
  if p._description then
    t[#t + 1] = ".SH DESCRIPTION"
    t[#t + 1] = para(p._description)
  end
  if #p._arguments > 0 then
    t[#t + 1] = ".SH ARGUMENTS"
    for _, e in ipairs(p._arguments) do
      t[#t + 1] = ".TP"
      t[#t + 1] = "\\fI" .. roff(e._name) .. "\\fR"
      t[#t + 1] = describe(e)
    end
  end
  t[#t + 1] = ".SH OPTIONS"
  for _, e in ipairs(p._options) do
    t[#t + 1] = ".TP"
    t[#t + 1] = element_names(e)
    t[#t + 1] = describe(e)
  end
  if p._epilog then
    t[#t + 1] = ".SH NOTES"
    t[#t + 1] = ".nf"
    t[#t + 1] = roff(p._epilog)
    t[#t + 1] = ".fi"
  end
  t[#t + 1] = ".SH EXIT STATUS"
  t[#t + 1] = "0 on success; 1 when an input could not be read or was invalid (each such input is named on standard error with the byte offset or line, and the others are still processed); 2 for a usage error."
  t[#t + 1] = ".SH SEE ALSO"
  t[#t + 1] = "\\fBvnt\\fR(1)"
  return table.concat(t, "\n") .. "\n"
end

local function main_page()
  local t = {}
  t[#t + 1] = ('.TH VNT 1 "%s" "vnt %s" "vnt manual"'):format(DATE, VERSION)
  t[#t + 1] = ".SH NAME"
  t[#t + 1] = "vnt \\- Vietnamese text processing: normalization, segmentation, counting, timelines, quotes, summaries"
  t[#t + 1] = ".SH SYNOPSIS"
  t[#t + 1] = ".nf"
  t[#t + 1] = "\\fBvnt\\fR \\fINAME\\fR [\\fIOPTIONS\\fR] [\\fIFILES\\fR...]"
  t[#t + 1] = "\\fBvnt run\\fR \\fISCRIPT\\fR [\\fIARGS\\fR...]"
  t[#t + 1] = "\\fBvnt \\-e\\fR \\fICODE\\fR [\\fIARGS\\fR...]"
  t[#t + 1] = "\\fBvnt help\\fR [\\fINAME\\fR]"
  t[#t + 1] = "\\fBvnt \\-\\-version\\fR"
  t[#t + 1] = ".fi"
  t[#t + 1] = ".SH DESCRIPTION"
  t[#t + 1] = "\\fBvnt\\fR is Lua 5.4 with the vnt module loaded. It runs its own scripts by name and any Lua script given by path; a script reads files, directories or standard input, and writes text, JSON or CSV to standard output."
  t[#t + 1] = ".SH SCRIPTS"
  for _, s in ipairs(scripts) do
    t[#t + 1] = ".TP"
    t[#t + 1] = ("\\fB%s\\fR"):format(roff(s.name))
    t[#t + 1] = roff(s.summary) .. (" See \\fBvnt\\-%s\\fR(1)."):format(roff(s.name))
  end
  t[#t + 1] = ".SH ENVIRONMENT"
  t[#t + 1] = ".TP\n\\fBVNT_SCRIPTS\\fR\nA directory of your own scripts, found by name before the built-in ones."
  t[#t + 1] = ".TP\n\\fBVNT_DICT\\fR\nThe word list to segment words with, one word a line; \\fBnone\\fR for none."
  t[#t + 1] = ".SH EXIT STATUS"
  t[#t + 1] = "What the script gives; 1 for an error in a script or an input; 2 for a usage error."
  t[#t + 1] = ".SH SEE ALSO"
  local see = {}
  for _, s in ipairs(scripts) do see[#see + 1] = ("\\fBvnt\\-%s\\fR(1)"):format(roff(s.name)) end
  t[#t + 1] = table.concat(see, ", ")
  return table.concat(t, "\n") .. "\n"
end

mkdir_p(outdir .. "/man1")
write(outdir .. "/man1/vnt.1", main_page())
for _, s in ipairs(scripts) do write(("%s/man1/vnt-%s.1"):format(outdir, s.name), man_page(s)) end

-- Completions: one parser named vnt, a command per script with the
-- script's options (names, choices, whether they take a value).
local top = argparse("vnt", "Vietnamese text processing")
top:add_help(false)
top:flag("-h --help", "Show help.")
top:flag("-v --version", "Show the version.")
top:command_target("command")
local run = top:command("run", "Run a Lua script with the vnt module loaded.")
run:argument("script", "A Lua script."):args(1)
run:argument("args", "Its arguments."):args("*")
local help = top:command("help", "Usage, or the options of one script.")
help:argument("name", "A script."):args("?"):choices((function()
  local t = {} for _, s in ipairs(scripts) do t[#t + 1] = s.name end return t end)())
for _, s in ipairs(scripts) do
  local c = top:command(s.name, s.summary)
  c:add_help(false)
  for _, e in ipairs(s.parser._options) do
    local o
    local name = table.concat(e._aliases or {e._name}, " ")
    if (e._maxargs or 0) == 0 then
      o = c:flag(name, e._description)
    else
      o = c:option(name, e._description)
      if e._choices then o:choices(e._choices) end
    end
  end
  for _, e in ipairs(s.parser._arguments) do
    c:argument(e._name, e._description):args("*")
  end
end
mkdir_p(outdir .. "/completions")
write(outdir .. "/completions/vnt.bash", top:get_bash_complete())
write(outdir .. "/completions/_vnt", top:get_zsh_complete())
write(outdir .. "/completions/vnt.fish", top:get_fish_complete())
-- Markdown: every script's usage and options, as --help gives them
local md = {"# The options of every script", "",
  "Generated by `tools/gen-docs.lua` from the scripts' own definitions (`make man` writes",
  "`build/man/options.md`; a spec checks that this copy is the same). What the scripts",
  "do and what their output holds: [cli.md](cli.md).", ""}
for _, s in ipairs(scripts) do
  md[#md + 1] = "## `vnt " .. s.name .. "`"
  md[#md + 1] = ""
  md[#md + 1] = s.summary:sub(1, 1):upper() .. s.summary:sub(2) .. "."
  md[#md + 1] = ""
  md[#md + 1] = "```"
  md[#md + 1] = (s.parser:get_help():gsub("%s+$", ""))
  md[#md + 1] = "```"
  md[#md + 1] = ""
end
write(outdir .. "/options.md", table.concat(md, "\n"))

print(("gen-docs: %d man pages and 3 completion files in %s"):format(#scripts + 1, outdir))
