-- tokens: typed tokens (word, number, date, time, punct, symbol, url, email, hashtag, mention, abbrev)
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("tokens",
  "Print the typed tokens of Vietnamese text, one a line.\n" ..
  "Kinds: word, number, date, time, punct, symbol, url, email, hashtag, mention, abbrev\n" ..
  "(see docs/text.md, 'Token kinds', for the rule of each).",
  "Offsets are 0-based bytes into each file, stop exclusive.")
p:argument("files", "Files to read; '-' (the default) is standard input."):args("*")
p:option("--format", "tsv (doc, start, stop, kind, token), text (the tokens separated by spaces, a line per input line) or jsonl.", "tsv")
  :choices {"tsv", "text", "jsonl"}
p:option("--kinds", "Print only these kinds (comma-separated), e.g. date,time.")
cli.input_options(p)
local a = cli.parse(p, arg)

local KINDS = {"word", "number", "date", "time", "punct", "symbol", "url", "email", "hashtag", "mention", "abbrev"}
local known = {}
for _, k in ipairs(KINDS) do known[k] = true end
local kinds
if a.kinds then
  kinds = {}
  for k in a.kinds:gmatch("[^,%s]+") do
    if not known[k] then
      cli.die(("unknown token kind '%s' for --kinds (kinds: %s)\n%s"):format(k, table.concat(KINDS, ", "), p:get_usage()), 2)
    end
    kinds[#kinds + 1] = k
  end
  if #kinds == 0 then cli.die("--kinds needs at least one kind (" .. table.concat(KINDS, ", ") .. ")\n" .. p:get_usage(), 2) end
end

local out = io.stdout
cli.each_input(a.files, function(src, name)
  local opts = {format = a.format, doc = a.format == "tsv" and cli.tsv(name) or name, kinds = kinds}
  local last
  for block, base in cli.blocks(src, name) do
    opts.base = base
    local ok, err = vnt.write_tokens(out, block, opts)
    if not ok then cli.die(err) end
    last = block
  end
  if a.format == "text" and last and last:byte(-1) ~= 10 then out:write("\n") end
end, {encoding = a.encoding, repair = a.repair})
out:flush()
os.exit(cli.status(), true)   -- close the state: everything freed
