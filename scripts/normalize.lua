-- normalize: Unicode and Vietnamese normalization of text (forms, tone marks, case, diacritics, spaces)
local vnt = require "vnt"
local cli = require "vnt.cli"

local p = cli.parser("normalize",
  "Normalize text files (or standard input) and write them to standard output.\n" ..
  "Streams its input: memory stays flat whatever the size of a file.",
  "Tone styles: 'new' puts the mark on the main vowel (hoà, khoẻ, thuỷ; the 2018 rules),\n" ..
  "'old' on the first vowel of open oa, oe, uy (hòa, khỏe, thủy); 'keep' leaves it.")
p:argument("files", "Files to read; '-' (the default) is standard input."):args("*")
p:option("--form", "Unicode normalization form.", "NFC"):choices {"NFC", "NFD", "NFKC", "NFKD", "none"}
p:option("--tones", "Tone-mark placement.", "keep"):choices {"keep", "new", "old"}
p:mutex(
  p:flag("--lower", "Lower-case."),
  p:flag("--upper", "Upper-case."),
  p:flag("--casefold", "Unicode case folding (for comparing text).")
)
p:flag("--strip", "Remove diacritics: Chuyển đổi số -> Chuyen doi so, đ -> d.")
p:flag("--space", "Spaces: NBSP and other blanks to ' ', zero-width characters removed, runs squeezed, lines trimmed.")
p:flag("--punct", "Punctuation: typographic quotes to ASCII, dashes to '-', '…' to '...'.")
p:flag("--repair", "Replace invalid UTF-8 with U+FFFD (and say how many) instead of stopping at it.")
cli.input_options(p, false)
local a = cli.parse(p, arg)

local opts = {
  form = a.form, tones = a.tones,
  case = a.lower and "lower" or a.upper and "upper" or a.casefold and "fold" or "keep",
  strip = a.strip, space = a.space, punct = a.punct, repair = a.repair,
}

local out = io.stdout
out:setvbuf("full", 1 << 16)

local block = tonumber(os.getenv("VNT_BLOCK_SIZE"))   -- for tests of the streaming

cli.each_input(a.files, function(src, name)
  if src.text then   -- decoded from another encoding: already whole
    out:write((vnt.normalize(src.text, opts)))
    return
  end
  local repairs, why, byte, line, got = vnt.normalize_stream(src.f, out, opts, block, src.first)
  if not repairs and why:find("^cannot write the output") then cli.die(why) end
  if repairs then got = why end   -- on success: repairs, bytes read
  if src.size and got < src.size and (repairs or why == "invalid UTF-8") then
    -- fewer bytes than the file had when it was opened (and a broken end is
    -- where the cut fell, not bad text)
    cli.warn(("%s: the file was cut short while it was read (%d of %d bytes)"):format(name, got, src.size))
  elseif not repairs then
    if byte then
      cli.warn(string.format("%s:%d: %s at byte %d%s", name, line, why, byte,
        why == "invalid UTF-8" and " (use --repair to replace it)" or ""))
    else
      cli.warn(string.format("%s: %s", name, why))
    end
  elseif repairs > 0 then
    io.stderr:write(string.format("vnt: %s: replaced %d invalid UTF-8 sequence%s with U+FFFD\n",
      name, repairs, repairs == 1 and "" or "s"))
  end
end, {encoding = a.encoding})
out:flush()
os.exit(cli.status(), true)   -- close the state: everything freed
