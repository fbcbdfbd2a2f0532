local helper = require "helper"

describe("the test set-up", function()
  it("loads the module and runs the binary of the build under test", function()
    local so = package.searchpath("vnt", package.cpath)
    assert.is_truthy(so)
    if helper.sanitized then
      assert.matches("/build%-san/vnt%.so$", so)
      assert.matches("/build%-san/vnt$", helper.bin)
    else
      assert.not_matches("build%-san", so)
    end
  end)
end)
