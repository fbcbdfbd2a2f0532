-- Memcheck on the vnt executable: no invalid access, no leak.  Skipped
-- where valgrind is absent and in the sanitized run (ASan and valgrind do
-- not mix).
local helper = require "helper"

describe("valgrind memcheck", function()
  local has = os.execute("command -v valgrind > /dev/null 2>&1")
  if not has or helper.sanitized then
    pending("skipped: " .. (helper.sanitized and "the sanitized build" or "valgrind is not installed"))
    return
  end
  for _, cmd in ipairs {
    {"normalize", "--tones", "new", "--space", "examples/articles"},
    {"sentences", "--format", "jsonl", "examples/articles"},
    {"words", "examples/articles"},
    {"count", "--ngram", "2", "-j", "2", "examples/articles/01-can-tho-hoi-thao.txt"},
    {"clean", "--format", "json", "examples/articles"},
  } do
    it("finds no error in vnt " .. table.concat(cmd, " "), function()
      local args = {}
      for i, a in ipairs(cmd) do args[i] = helper.q(a) end
      local log = os.tmpname()
      local ok = os.execute(("valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible " ..
        "--error-exitcode=9 %s %s > /dev/null 2> %s"):format(helper.q(helper.bin), table.concat(args, " "), log))
      local err = helper.read(log)
      os.remove(log)
      assert(ok, err)
    end)
  end
end)
