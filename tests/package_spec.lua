-- The package: what it exports, what it installs, and that a C programmer,
-- a LuaRocks user and a Debian user can each build on it.
local helper = require "helper"
local q = helper.q

local function sh(cmd)   -- output (stdout and stderr) and whether it succeeded
  local p = io.popen("(" .. cmd .. ") 2>&1")
  local out = p:read("a")
  local ok = p:close()
  return out, ok
end

local function have(prog) return (select(2, sh("command -v " .. prog .. " >/dev/null"))) end

local function tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p " .. q(d)))
  return d
end

-- The functions vnt.h declares (outside comments).
local function header_functions()
  local text = helper.read(helper.root .. "/core/vnt.h")
  text = text:gsub("/%*.-%*/", " "):gsub("#define[^\n]*", " ")
  local set = {}
  for name in text:gmatch("[%w_%*]%s*%*?%s*(vnt_[%w_]+)%s*%(") do set[name] = true end
  return set
end

local function dynamic_symbols(path)
  local out, ok = sh("nm -D --defined-only " .. q(path))
  assert(ok, out)
  local set = {}
  for name in out:gmatch("%s[TDBRVW]%s+([%w_@.]+)") do set[(name:gsub("@.*", ""))] = true end
  return set
end

local function keys(t)
  local l = {}
  for k in pairs(t) do l[#l + 1] = k end
  table.sort(l)
  return l
end

describe("the libraries", function()
  local build = helper.sanitized and "build-san/" or ""

  it("vnt.so exports luaopen_vnt and nothing else", function()
    assert.same({"luaopen_vnt"}, keys(dynamic_symbols(helper.root .. "/" .. build .. "vnt.so")))
  end)

  it("libvnt.so.0 has its soname and exports exactly the functions of vnt.h", function()
    local lib = helper.root .. "/" .. build .. "libvnt.so.0"
    local out = sh("readelf -d " .. q(lib))
    assert.matches("Library soname: %[libvnt%.so%.0%]", out)
    local exported = dynamic_symbols(lib)
    exported.VNT_0 = nil   -- the version node
    local declared = header_functions()
    assert.is_true(#keys(declared) > 50)
    assert.same(keys(declared), keys(exported))
  end)
end)

describe("an installed prefix", function()
  if helper.sanitized then
    pending("skipped in the sanitized run: it installs the normal build, tested in the other run")
    return
  end
  local prefix, out, ok
  setup(function()
    prefix = tmpdir()
    out, ok = sh("make -s install PREFIX=" .. q(prefix))
  end)
  teardown(function() os.execute("rm -rf " .. q(prefix)) end)

  it("builds a C program with pkg-config, linked to the shared and to the static library", function()
    assert(ok, out)
    local env = "PKG_CONFIG_PATH=" .. q(prefix .. "/lib/pkgconfig") .. " "
    local cflags = sh(env .. "pkg-config --cflags vnt")
    assert.matches("-I" .. prefix .. "/include", cflags, 1, true)
    local exe = prefix .. "/tones"
    local o, built = sh(("cc -Wall -Wextra -Werror %s/examples/c/tones.c $(%s pkg-config --cflags --libs vnt) -o %s")
      :format(q(helper.root), env, q(exe)))
    assert(built, o)
    assert.matches("libvnt.so.0", (sh("readelf -d " .. q(exe))), 1, true)
    local res = sh("LD_LIBRARY_PATH=" .. q(prefix .. "/lib") .. " " .. q(exe) .. " 'Hòa bình. Thủy điện lớn nhất!'")
    assert.equal("Hoà bình. Thuỷ điện lớn nhất!\n  2 syllables: Hoà bình.\n  4 syllables: Thuỷ điện lớn nhất!\n", res)
    -- static: no libvnt.so needed at run time
    o, built = sh(("cc %s/examples/c/tones.c $(%s pkg-config --cflags vnt) %s/lib/libvnt.a $(%s pkg-config --static --libs-only-l vnt | sed 's/-lvnt//') -o %s")
      :format(q(helper.root), env, q(prefix), env, q(exe .. "-static")))
    assert(built, o)
    assert.is_nil(sh("readelf -d " .. q(exe .. "-static")):find("libvnt", 1, true))
    assert.equal(res, (sh(q(exe .. "-static") .. " 'Hòa bình. Thủy điện lớn nhất!'")))
  end)

  it("has man pages for vnt and every script, and completions that know the options", function()
    assert(ok, out)
    local man1 = prefix .. "/share/man/man1/"
    for _, s in ipairs(helper.dir(helper.root .. "/scripts")) do
      local name = s:match("^(.-)%.lua$")
      if name then assert.is_true(helper.exists(man1 .. "vnt-" .. name .. ".1"), name) end
    end
    if have("man") then
      local page = sh("MANWIDTH=200 man -l " .. q(man1 .. "vnt-timeline.1")):gsub("%s+", " ")
      -- every option of the script's --help is in its page
      local help = sh(q(helper.bin) .. " timeline --help")
      for opt in help:gmatch("\n%s+(%-%-[%w%-]+)") do assert.matches(opt, page, 1, true) end
      assert.matches("One of: text, json, jsonl, csv, html", page, 1, true)
    end
    local comp = prefix .. "/share/bash-completion/completions/vnt"
    local o = sh(("bash -c 'source %s; COMP_WORDS=(vnt timeline --format \"\"); COMP_CWORD=3; _vnt; echo \"${COMPREPLY[*]}\"'"):format(q(comp)))
    assert.equal("text json jsonl csv html\n", o)
    o = sh(("bash -c 'source %s; COMP_WORDS=(vnt quo); COMP_CWORD=1; _vnt; echo \"${COMPREPLY[*]}\"'"):format(q(comp)))
    assert.equal("quotes\n", o)
    assert.is_true(helper.exists(prefix .. "/share/zsh/vendor-completions/_vnt"))
    assert.is_true(helper.exists(prefix .. "/share/fish/vendor_completions.d/vnt.fish"))
  end)

  it("carries the default word list with its licence, so that words are found without a network", function()
    assert(ok, out)
    assert.matches("MIT License", helper.read(prefix .. "/share/vnt/dict/LICENSE"), 1, true)
    local o = sh("echo 'Hôm nay trời đẹp' | " .. q(prefix .. "/bin/vnt") .. " words")
    assert.equal("Hôm_nay trời đẹp\n", o)
  end)
end)

describe("LuaRocks", function()
  if helper.sanitized then
    pending("skipped in the sanitized run: it builds the normal module, tested in the other run")
    return
  end
  if not have("luarocks") then
    pending("skipped: luarocks is not installed (Debian package luarocks; make test installs it as root)")
    return
  end
  it("luarocks make builds the rock into a local tree; stock lua5.4 requires vnt from it", function()
    local tree, src = tmpdir(), tmpdir()
    -- a copy of the source tree, so that the rock is built from scratch
    local o, ok = sh(("cd %s && git ls-files -co --exclude-standard | tar cf - -T - | tar xf - -C %s")
      :format(q(helper.root), q(src)))
    assert(ok, o)
    -- lpeg, argparse and lfs come from Debian's packages, not from rocks
    o, ok = sh(("cd %s && luarocks --lua-version 5.4 make --deps-mode none --tree %s vnt-scm-1.rockspec")
      :format(q(src), q(tree)))
    assert(ok, o)
    local path = sh("luarocks --lua-version 5.4 --tree " .. q(tree) .. " path")
    local res = sh(path:gsub("\n", "; ") .. " cd / && lua5.4 -e 'local v = require \"vnt\"; " ..
      "print(package.searchpath(\"vnt\", package.cpath), v.nfc(\"Vie\\u{323}\\u{302}t\"), " ..
      "require(\"vnt.timex\") ~= nil)'")
    assert.equal(tree .. "/lib/lua/5.4/vnt.so\tViệt\ttrue\n", res)
    -- the tree's vnt finds its scripts and word list
    res = sh("printf 'Sáng 29/10/2022, hội chợ khai mạc.\\n' | " .. q(tree .. "/bin/vnt") .. " timeline --format jsonl")
    assert.matches('"value":"2022-10-29"', res, 1, true)
    assert.equal("Hôm_nay trời đẹp\n", (sh("echo 'Hôm nay trời đẹp' | " .. q(tree .. "/bin/vnt") .. " words")))
    os.execute("rm -rf " .. q(tree) .. " " .. q(src))
  end)
end)

describe("Debian packages", function()
  if helper.sanitized then
    pending("skipped in the sanitized run: it builds the normal packages, tested in the other run")
    return
  end
  local why
  if not have("dpkg-buildpackage") or not have("dh") then
    why = "dpkg-buildpackage or debhelper is not installed (make test installs dpkg-dev and debhelper as root)"
  elseif sh("id -u") ~= "0\n" then
    why = "not root: the test installs the packages into this machine with apt-get"
  elseif os.getenv("VNT_SKIP_DEB") == "1" then
    why = "VNT_SKIP_DEB=1"
  end
  if why then pending("skipped: " .. why) return end

  it("dpkg-buildpackage builds libvnt0, libvnt-dev, lua-vnt and vnt; apt installs them; they work; they purge", function()
    local top = tmpdir()
    local src = top .. "/vnt"
    local o, ok = sh(("mkdir -p %s && cd %s && git ls-files -co --exclude-standard | tar cf - -T - | tar xf - -C %s")
      :format(q(src), q(helper.root), q(src)))
    assert(ok, o)
    o, ok = sh(("cd %s && dpkg-buildpackage -us -uc -b"):format(q(src)))
    assert(ok, o:sub(-3000))
    local debs = {}
    for _, p in ipairs {"libvnt0", "libvnt-dev", "lua-vnt", "vnt"} do
      local deb = ("%s/%s_0.1.0_%s.deb"):format(top, p, (sh("dpkg --print-architecture"):gsub("%s", "")))
      assert.is_true(helper.exists(deb), deb)
      debs[#debs + 1] = q(deb)
    end
    o, ok = sh("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " .. table.concat(debs, " "))
    assert(ok, o)
    local finally_purge = "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq vnt lua-vnt libvnt-dev libvnt0"
    local good, err = pcall(function()
      -- the headline job from the installed package, on the bundled examples
      local res = sh("cd / && /usr/bin/vnt timeline " .. q(helper.root .. "/examples/articles"))
      assert.matches("2023%-06%-12", res)
      assert.matches("02-da-nang-khoi-nghiep.txt", res, 1, true)
      -- Lua from stock lua5.4, C through pkg-config
      assert.equal("Việt\n", (sh("cd / && lua5.4 -e 'print(require(\"vnt\").nfc(\"Vie\\u{323}\\u{302}t\"))'")))
      local exe = top .. "/tones"
      local b, built = sh(("cc %s/examples/c/tones.c $(pkg-config --cflags --libs vnt) -o %s"):format(q(helper.root), q(exe)))
      assert(built, b)
      assert.matches("^Hoà bình%.\n", (sh(q(exe) .. " 'Hòa bình.'")))
      assert.matches("/usr/share/man/man1/vnt%-quotes%.1", (sh("ls /usr/share/man/man1/vnt-quotes.1*")))
    end)
    o, ok = sh(finally_purge)
    assert(ok, o)
    os.execute("rm -rf " .. q(top))
    assert(good, err)
  end)
end)
