-- count: frequencies of syllables, words or n-grams, streaming any size of input; mergeable
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("count",
  "Count the syllables (or words, or n-grams of them) of text, streaming: memory\n" ..
  "grows with the distinct keys, not with the input.  Prints key<TAB>count lines,\n" ..
  "most frequent first (ties by key), or saves the counts for 'vnt merge'.",
  "Split a corpus across cores and put the parts together exactly:\n" ..
  "  ls corpus/*.txt | parallel -j2 vnt count --save {}.counts {}\n" ..
  "  vnt merge corpus/*.counts --top 50")
p:argument("files", "Files or directories to read; '-' (the default) is standard input."):args("*")
p:option("--unit", "What to count: syllables (word and abbreviation tokens) or words (dictionary segmentation).",
         "syllable"):choices {"syllable", "word"}
p:option("--ngram", "Count n-grams of N units (within a sentence, not across punctuation).", "1"):convert(tonumber)
p:option("--top", "Print only the K most frequent."):convert(tonumber)
p:option("--min-count", "Print only keys counted at least M times.", "1"):convert(tonumber)
p:flag("--lower", "Count lower-cased keys.")
p:option("--tones", "Count keys with the tone marks placed in one style.", "keep"):choices {"keep", "new", "old"}
p:flag("--nfc", "Count keys in NFC, so that a word written in NFC and in NFD (Việt, Vie\u{323}\u{302}t) is one key; " ..
       "implied by --lower and --tones.")
p:flag("--all", "Count numbers, dates, symbols... too (never punctuation).")
p:option("--format", "tsv (key<TAB>count) or json.", "tsv"):choices {"tsv", "json"}
p:option("--save", "Write all the counts, sorted by key, to FILE (complete or not at all) instead of printing.")
p:option("-j --jobs", "Count each file on N threads (the result is the same).", "1"):convert(tonumber)
cli.input_options(p)
local a = cli.parse(p, arg)
if not a.ngram or a.ngram < 1 or a.ngram > 8 then cli.die("--ngram must be 1..8", 2) end

local opts = {unit = a.unit, n = a.ngram, all = a.all}
if a.lower or a.tones ~= "keep" or a.nfc then
  opts.normalize = {form = "NFC", case = a.lower and "lower" or "keep", tones = a.tones}
end

if not a.jobs or a.jobs < 1 or a.jobs > 64 then cli.die("--jobs must be 1..64", 2) end

local c = vnt.counter()
cli.each_input(a.files, function(src, name)
  -- a UTF-8 file: read and counted in C, on a.jobs threads
  if src.f and src.f ~= io.stdin and not a.repair then
    local ok, err = c:add_file(name, opts, a.jobs)
    if not ok then cli.warn(err) end
    return
  end
  for block in cli.blocks(src, name) do c:add_tokens(block, opts) end
end, {encoding = a.encoding, repair = a.repair})

-- Keys as written: say so when some are not in NFC, since a word then
-- counts apart from its look-alike in NFC.
if not opts.normalize then
  local n = 0
  for key in pairs(c) do
    if not vnt.is_normalized(key) then n = n + 1 end
  end
  if n > 0 then
    cli.note(("count: %d key%s not in NFC (the input mixes Unicode forms, and a word in NFD counts apart " ..
              "from the same word in NFC); --nfc counts them as one"):format(n, n == 1 and " is" or "s are"))
  end
end
cli.write_counts(c, a)
os.exit(cli.status(), true)   -- close the state: everything freed
