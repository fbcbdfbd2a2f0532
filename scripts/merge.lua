-- merge: add up counts saved by 'vnt count --save' (exactly the counts of the whole)
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("merge",
  "Add up count files written by 'vnt count --save' (key<TAB>count lines) and print\n" ..
  "the result like 'vnt count' does, or save it.")
p:argument("files", "Count files."):args("+")
p:option("--top", "Print only the K most frequent."):convert(tonumber)
p:option("--min-count", "Print only keys counted at least M times.", "1"):convert(tonumber)
p:option("--format", "tsv (key<TAB>count) or json.", "tsv"):choices {"tsv", "json"}
p:option("--save", "Write the merged counts to FILE instead of printing.")
local a = cli.parse(p, arg)

local total = vnt.counter()
for _, path in ipairs(a.files) do
  local c, err = vnt.counter.load(path)
  if c then
    local ok, merr = pcall(total.merge, total, c)
    -- (a count past INT64_MAX: an error, never a wrapped number; nothing is printed)
    if not ok then cli.die(("%s: %s"):format(path, (tostring(merr):gsub("^.-vnt%.counter:merge: ", "")))) end
  else
    cli.warn(err)
  end
end
cli.write_counts(total, a)
os.exit(cli.status(), true)   -- close the state: everything freed
