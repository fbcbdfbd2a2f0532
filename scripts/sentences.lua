-- sentences: split text into sentences, one a line (or JSON Lines with byte offsets)
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("sentences",
  "Split Vietnamese text into sentences and print one a line.\n" ..
  "A line break ends a sentence unless the next line goes on in lower case;\n" ..
  "no split after abbreviations (TP., TS., PGS.TS.), initials, inside numbers,\n" ..
  "URLs and e-mail addresses, or inside a quote that closes mid-sentence.")
p:argument("files", "Files to read; '-' (the default) is standard input."):args("*")
p:option("--format", "Output format: text (one sentence a line) or jsonl ({doc, text, start, stop}, 0-based byte offsets, stop exclusive).", "text")
  :choices {"text", "jsonl"}
p:option("--abbrev", "More abbreviations after which a full stop does not end a sentence, without the stop; " ..
         "comma-separated, and the option may be repeated: --abbrev Bs,ThS --abbrev GĐ.")
  :count("*")
p:flag("--no-soft-wrap", "Every line break ends a sentence.")
cli.input_options(p)
local a = cli.parse(p, arg)

local abbrev = {}
for _, group in ipairs(a.abbrev) do
  for w in group:gmatch("[^,%s]+") do abbrev[#abbrev + 1] = (w:gsub("%.$", "")) end
end
local out = io.stdout
cli.each_input(a.files, function(src, name)
  -- blocks end at line ends; the last sentence of each is carried on,
  -- since the next block may continue it (a wrapped line)
  local carry, base = "", 0
  local opts = {abbrev = abbrev, soft_wrap = not a.no_soft_wrap, format = a.format, doc = name, final = false}
  for block in cli.blocks(src, name) do
    local text = carry .. block
    opts.base = base
    local used, err = vnt.write_sentences(out, text, opts)
    if not used then cli.die(err) end
    carry, base = text:sub(used + 1), base + used
  end
  opts.final, opts.base = true, base
  local ok, err = vnt.write_sentences(out, carry, opts)
  if not ok then cli.die(err) end
end, {encoding = a.encoding, repair = a.repair})
out:flush()
os.exit(cli.status(), true)   -- close the state: everything freed
