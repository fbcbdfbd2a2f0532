--- vnt.timeline_page: the timeline of a collection as one self-contained
-- HTML page drawn by vis-timeline (npm, Apache-2.0 OR MIT), its library
-- inlined into the page: zoom and pan on the time axis, entries grouped by
-- document or by year and clustered where dense, search and filter by text
-- and by document, the sources of an entry on click, labels in Vietnamese,
-- a legend of the documents, and below the axis a list of every entry that
-- a screen reader and a printout can use.  Nothing is fetched.
--
-- The page sets on <body>: data-ready ("1" once drawn), data-list ("1" once
-- the list is built), data-errors (script
-- errors), data-entries and data-shown (entries, and those the filters
-- leave), so that a test in a browser can read what it did; window.vntTimeline
-- is the vis.Timeline.
-- @module vnt.timeline_page
local cli = require "vnt.cli"
local timeline = require "vnt.timeline"

local ipairs, table, os, io, debug = ipairs, table, os, io, debug

local M = {}

local here = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")) or "."

--- Where vis-timeline's standalone build is looked for, first first:
-- VNT_VIS_JS, the source tree's build/js/ (make), PREFIX/share/vnt/js/
-- (make install), a LuaRocks tree's vnt/js/.
function M.library_paths()
  local env = os.getenv("VNT_VIS_JS")
  if env and env ~= "" then return {env} end
  return {here .. "/../../../build/js/vis-timeline-graph2d.min.js",
          here .. "/../../../vnt/js/vis-timeline-graph2d.min.js",
          here .. "/js/vis-timeline-graph2d.min.js"}
end

local lib_cache
--- The library's text, or nil and why not.
function M.library()
  if lib_cache then return lib_cache end
  local tried = {}
  for _, p in ipairs(M.library_paths()) do
    local f = io.open(p, "rb")
    if f then
      local s = f:read("a")
      f:close()
      if s and #s > 1000 then
        -- inline safely: nothing in it may end or re-enter the <script> element
        s = s:gsub("</([sS][cC][rR][iI][pP][tT])", "<\\/%1"):gsub("<!%-%-", "<\\!--")
        lib_cache = s
        return s
      end
    end
    tried[#tried + 1] = p
  end
  return nil, "vis-timeline is not installed (" .. table.concat(tried, ", ") .. "; make fetches it with npm)"
end

local function esc(s)   -- HTML text, its control characters made visible
  return (cli.visible(s):gsub("[&<>\"]", {["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;"}))
end

-- The start and the end (exclusive) of a value, as {y, m, d, hh, mi}.
local function next_month(y, m, k) m = m - 1 + k return y + m // 12, m % 12 + 1 end
local function part_bounds(v)
  local s = timeline.start_of(v)
  if not s then return nil end
  local y, m, d = s.y, s.m, s.d
  local a = {y, m or 1, d or 1, s.hh, s.mi}
  local e
  if s.decade then e = {y + 10, 1, 1}
  elseif v:find("%-Q%d$") then local yy, mm = next_month(y, m, 3) e = {yy, mm, 1}
  elseif v:find("%-H%d$") then local yy, mm = next_month(y, m, 6) e = {yy, mm, 1}
  elseif v:find("%-W%d%d$") then e = {y, m, d + 7}
  elseif d then e = {y, m, d + 1}   -- (JavaScript's Date carries a day past the month's end over)
  elseif m then local yy, mm = next_month(y, m, 1) e = {yy, mm, 1}
  else e = {y + 1, 1, 1} end
  return a, e
end

--- The bounds of an entry's value: start and end (exclusive), {y, m, d[, hh, mi]}.
function M.bounds(value)
  local v = value:gsub("^~", "")
  local p, q = v:match("^(.-)/(.+)$")
  if p then
    local a = part_bounds(p)
    local _, e = part_bounds(q)
    return a, e
  end
  return part_bounds(v)
end

local page = [=[<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
html { overflow-y: scroll; }   /* the width stays when the list below grows: no redraw of the axis */
body { font: 14px/1.45 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; margin: 14px 22px; color: #1d232b; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 18px 0 6px; }
p.sub { margin: 0 0 10px; color: #5a6470; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.controls input[type=search] { width: 16em; padding: 4px 6px; }
.controls select, .controls button { padding: 3px 6px; }
#count { color: #5a6470; }
#tl { border: 1px solid #dde2e8; border-radius: 6px; background: #fff; }
.vis-item { border-color: #2e86c1; background: #d6eaf8; font-size: 12px; }
.vis-item.vis-point .vis-dot, .vis-item.vis-dot { border-color: #c0392b; }
.vis-item.vis-selected { border-color: #c0392b; background: #fdebd0; }
.vis-item .lbl b { font-weight: 600; }
.vis-cluster { background: #aed6f1; }
body.few .vis-item.vis-range .vis-item-overflow { overflow: visible; }
.vis-item.d0 { border-color: #2e86c1; } .vis-item.d1 { border-color: #c0392b; } .vis-item.d2 { border-color: #27ae60; }
.vis-item.d3 { border-color: #8e44ad; } .vis-item.d4 { border-color: #d68910; } .vis-item.d5 { border-color: #17a589; }
.vis-item.d6 { border-color: #5d6d7e; } .vis-item.d7 { border-color: #cb4335; }
.vis-item.vis-range { border-left-width: 4px; }
.vis-item.vis-selected { border-color: #c0392b; background: #fdebd0; }
#panel { margin-top: 10px; padding: 8px 12px; border-left: 4px solid #c0392b; background: #f4f6f8; min-height: 2em; }
#panel .v { font-weight: 600; }
#panel li { margin: 3px 0; }
.doc { color: #5a6470; font-family: ui-monospace, monospace; font-size: 12px; }
#legend span { display: inline-block; margin: 0 10px 4px 0; font-size: 12px; }
#legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; }
#list th:nth-child(1) { width: 14em; } #list th:nth-child(3) { width: 30%; }
#list td.doc { overflow-wrap: anywhere; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid #eef1f4; }
td.v { white-space: nowrap; }
tr.hide { display: none; }
tr:hover { background: #f7f9fb; cursor: pointer; }
@media print { .controls, #tl, #panel { display: none; } tr.hide { display: table-row; } }
</style>
</head>
<body>
<h1>@TITLE@</h1>
<p class="sub">@SUB@</p>
<div class="controls" role="search">
  <label>Tìm <input type="search" id="q" placeholder="từ, tên, giá trị…" aria-label="Tìm trong các sự kiện"></label>
  <label>Bài <select id="doc" aria-label="Lọc theo bài"><option value="">tất cả các bài</option></select></label>
  <label>Nhóm <select id="group" aria-label="Nhóm theo">
    <option value="none">không nhóm</option><option value="doc">theo bài</option><option value="year">theo năm</option>
  </select></label>
  <button id="zin" type="button" title="Phóng to" aria-label="Phóng to">+</button>
  <button id="zout" type="button" title="Thu nhỏ" aria-label="Thu nhỏ">-</button>
  <button id="fit" type="button" title="Xem toàn bộ">Toàn bộ</button>
  <span id="count" aria-live="polite"></span>
</div>
<div id="tl"></div>
<div id="panel" aria-live="polite">Chọn một sự kiện để xem nguồn.</div>
<div id="legend" aria-label="Các bài"></div>
<h2>Danh sách sự kiện</h2>
<table id="list"><thead><tr><th>Thời gian</th><th>Sự kiện</th><th>Nguồn</th></tr></thead><tbody></tbody></table>
<noscript><table><tbody>@ROWS@</tbody></table></noscript>
<script>
"use strict";
document.body.dataset.errors = "0";
window.addEventListener("error", function () {
  document.body.dataset.errors = String(Number(document.body.dataset.errors) + 1);
});
</script>
<script>@LIBRARY@</script>
<script>
"use strict";
var DATA = @DATA@;
(function () {
  var T0 = performance.now();
  var docs = DATA.docs, entries = DATA.entries, N = entries.length;
  var body = document.body;
  body.dataset.entries = String(N);
  var COLORS = ["#2e86c1", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#17a589", "#5d6d7e", "#cb4335"];
  function color(d) { return COLORS[d % COLORS.length]; }
  function date(p) {   // [y, m, d, hh, mi] -> Date (years before 100 too)
    var t = new Date(0);
    t.setUTCFullYear(p[0], p[1] - 1, p[2]);
    t.setUTCHours(p[3] || 0, p[4] || 0, 0, 0);
    return t;
  }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
  var list = [], keys = [];
  entries.forEach(function (e, i) {
    var a = date(e.a), b = date(e.b), day = 864e5;
    var it = {id: i, start: a, label: e.vi, event: e.ev, doc: e.src[0][0],
              className: "d" + (e.src[0][0] % COLORS.length), year: a.getUTCFullYear()};
    if (b - a > 1.5 * day) { it.end = b; it.type = "range"; } else { it.type = "point"; }
    list.push(it);
    keys[i] = fold(e.vi + " " + e.v + " " + e.ev + " " + e.src.map(function (s) { return docs[s[0]] + " " + s[2] + " " + s[3]; }).join(" "));
  });
  var items = new vis.DataSet(list);   // (all at once: one event, not one an item)
  var want = "", wantDoc = "";
  function keep(it) {
    if (wantDoc !== "" && !entries[it.id].src.some(function (s) { return String(s[0]) === wantDoc; })) return false;
    return want === "" || keys[it.id].indexOf(want) >= 0;
  }
  var view = new vis.DataView(items, {filter: keep});
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function label(d, scale) {
    var t = new Date(d.valueOf());
    var y = t.getUTCFullYear(), m = t.getUTCMonth() + 1, dd = t.getUTCDate();
    if (scale === "year") return String(y);
    if (scale === "month") return "tháng " + m;
    if (scale === "day" || scale === "weekday" || scale === "week") return dd + "/" + m;
    return two(t.getUTCHours()) + ":" + two(t.getUTCMinutes());
  }
  function major(d, scale) {
    var t = new Date(d.valueOf());
    var y = t.getUTCFullYear(), m = t.getUTCMonth() + 1;
    if (scale === "year") return "";
    if (scale === "month") return String(y);
    if (scale === "day" || scale === "weekday" || scale === "week") return "tháng " + m + "/" + y;
    return t.getUTCDate() + "/" + m + "/" + y;
  }
  var options = {
    moment: function (d) { return vis.moment(d).utc(); },
    stack: true, zoomable: true, moveable: true, horizontalScroll: false, verticalScroll: true,
    maxHeight: 620, minHeight: 260, margin: {item: {horizontal: 4, vertical: 6}},
    format: {minorLabels: function (d, scale) { return label(d, scale); },
             majorLabels: function (d, scale) { return major(d, scale); }},
    template: function (it) {
      if (it.isCluster) { var c = document.createElement("span"); c.textContent = it.items.length + " sự kiện"; return c; }
      var s = document.createElement("span"); s.className = "lbl";
      var b = document.createElement("b"); b.textContent = it.label; s.appendChild(b);
      var ev = it.event.length > 48 ? it.event.slice(0, 47) + "…" : it.event;
      s.appendChild(document.createTextNode(" " + ev));
      return s;
    },
    tooltip: {followMouse: false},
    showTooltips: false,
    zoomMin: 36e5 * 24, zoomMax: 1000 * 365.25 * 864e5
  };
  if (N <= 150) body.classList.add("few");   // (labels may run past a short bar: vis stacks them so)
  if (N > 150) options.cluster = {maxItems: 3, titleTemplate: "{count} sự kiện", showStipes: true, fitOnDoubleClick: true};
  // the whole span at once (room on the right for the labels of the last entries): one first drawing
  function span() {
    var a = Infinity, b = -Infinity;
    list.forEach(function (it) { a = Math.min(a, it.start.valueOf()); b = Math.max(b, (it.end || it.start).valueOf()); });
    if (!(b > a)) { a -= 864e5 * 30; b += 864e5 * 30; }
    return [new Date(a - (b - a) * 0.03), new Date(b + (b - a) * 0.12)];
  }
  var whole = span();
  // (the first drawing at the whole span: items drawn at another window first stay stale when
  // they go into clusters)
  options.start = whole[0]; options.end = whole[1];
  options.onInitialDrawComplete = function () { drawn = true; if (placed) ready(); };
  var box = document.getElementById("tl");
  var tl = new vis.Timeline(box, view, options);
  window.vntTimeline = tl;
  // groups: none, by document, by year
  var gsel = document.getElementById("group");
  function regroup() {
    var g = gsel.value;
    var up = [];
    if (g === "none") {
      list.forEach(function (it) { up.push({id: it.id, group: undefined}); });
      items.update(up);
      tl.setGroups(null);
    } else {
      var gs = [], seen = {};
      list.forEach(function (it) {
        var k = g === "doc" ? it.doc : it.year;
        if (!seen[k]) {
          seen[k] = true;
          gs.push({id: k, content: g === "doc" ? docs[k] : String(k), order: k});
        }
        up.push({id: it.id, group: k});
      });
      items.update(up);
      tl.setGroups(new vis.DataSet(gs));
    }
    body.dataset.group = g;
  }
  gsel.addEventListener("change", regroup);
  if (DATA.group && DATA.group !== "none") { gsel.value = DATA.group; regroup(); }
  // filters, for the axis and the list alike
  var rows = [], count = document.getElementById("count");
  function refilter(first) {
    want = fold(document.getElementById("q").value.trim());
    wantDoc = document.getElementById("doc").value;
    if (!first) view.refresh();
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = keep({id: Number(rows[i].dataset.id)});
      rows[i].classList.toggle("hide", !ok);
      if (ok) shown++;
    }
    count.textContent = "hiện " + shown + " / " + N + " sự kiện";
    body.dataset.shown = String(shown);
  }
  document.getElementById("q").addEventListener("input", function () { refilter(); });
  var dsel = document.getElementById("doc"), legend = document.getElementById("legend");
  var LEGEND = 40;
  docs.forEach(function (d, k) {
    var o = document.createElement("option"); o.value = String(k); o.textContent = d; dsel.appendChild(o);
    if (k >= LEGEND) return;
    var s = document.createElement("span"), i = document.createElement("i");
    i.style.background = color(k); s.appendChild(i); s.appendChild(document.createTextNode(d));
    legend.appendChild(s);
  });
  if (docs.length > LEGEND) {
    var more = document.createElement("span");
    more.textContent = "… và " + (docs.length - LEGEND) + " bài khác (chọn trong ô Bài)";
    legend.appendChild(more);
  }
  dsel.addEventListener("change", function () { refilter(); });
  // the sources of an entry beside it, on click (on the axis or in the list)
  var panel = document.getElementById("panel");
  function show(i) {
    var e = entries[i];
    panel.textContent = "";
    var h = document.createElement("div");
    var v = document.createElement("span"); v.className = "v"; v.textContent = e.vi;
    h.appendChild(v); h.appendChild(document.createTextNode(" (" + e.v + ") — " + e.ev));
    panel.appendChild(h);
    var ul = document.createElement("ul");
    e.src.forEach(function (s) {
      var li = document.createElement("li");
      var d = document.createElement("span"); d.className = "doc";
      d.textContent = docs[s[0]] + ":" + s[1] + "  «" + s[2] + "»  ";
      li.appendChild(d); li.appendChild(document.createTextNode(s[3]));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    body.dataset.selected = String(i);
  }
  tl.on("select", function (p) { if (p.items.length && typeof p.items[0] === "number") show(p.items[0]); });
  // the list of every entry, in calendar order, built once the axis is drawn (the page without
  // script has the same list in <noscript>)
  function buildList() {
    var tbody = document.querySelector("#list tbody"), frag = document.createDocumentFragment();
    entries.forEach(function (e, i) {
      var tr = document.createElement("tr"); tr.dataset.id = String(i);
      var a = document.createElement("td"); a.className = "v"; a.textContent = e.vi;
      var b = document.createElement("td"); b.textContent = e.ev;
      var c = document.createElement("td"); c.className = "doc";
      c.textContent = e.src.map(function (x) { return docs[x[0]] + ":" + x[1]; }).join(", ");
      tr.appendChild(a); tr.appendChild(b); tr.appendChild(c);
      frag.appendChild(tr);
      rows.push(tr);
    });
    tbody.appendChild(frag);
    tbody.addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr");
      if (!tr) return;
      var i = Number(tr.dataset.id);
      tl.setSelection([i], {focus: true});
      show(i);
    });
    refilter(true);
    body.dataset.list = "1";
  }
  function zoom(f) {
    var w = tl.getWindow(), a = w.start.valueOf(), b = w.end.valueOf(), c = (a + b) / 2, h = (b - a) * f / 2;
    tl.setWindow(new Date(c - h), new Date(c + h), {animation: false});
  }
  document.getElementById("zin").addEventListener("click", function () { zoom(0.5); });
  document.getElementById("zout").addEventListener("click", function () { zoom(2); });
  function fitAll() { whole = span(); tl.setWindow(whole[0], whole[1], {animation: false}); }
  document.getElementById("fit").addEventListener("click", fitAll);
  // ready once vis-timeline has drawn the whole span for the first time (it draws on its own
  // schedule: onInitialDrawComplete), and the browser has painted it
  function ready() {
    if (body.dataset.ready === "1") return;
    requestAnimationFrame(function () { requestAnimationFrame(function () {
      body.dataset.ready = "1";
      body.dataset.drawMs = String(Math.round(performance.now() - T0));
      setTimeout(buildList, 0);
    }); });
  }
  var placed = false, drawn = false;
  tl.on("changed", function () { if (placed && drawn) ready(); });
  refilter(true);
  fitAll();
  placed = true;
})();
</script>
</body>
</html>
]=]

--- The page for `entries` (from a vnt.timeline builder), titled `title`,
-- with the line `sub` under it; opts.group: "none" (default), "doc" or
-- "year".  Returns the page, or nil and the reason when vis-timeline is
-- not installed.
function M.render(entries, title, sub, opts)
  opts = opts or {}
  local lib, why = M.library()
  if not lib then return nil, why end
  local docs, doc_index = {}, {}
  local data, rows = {}, {}
  for _, e in ipairs(entries) do
    local a, b = M.bounds(e.value)
    if a then
      local src = {}
      for k, r in ipairs(e.records) do
        local d = doc_index[r.doc]
        if not d then
          docs[#docs + 1] = r.doc
          d = #docs - 1
          doc_index[r.doc] = d
        end
        src[k] = {d, r.line, r.text, r.sentence}
      end
      local vi = timeline.vietnamese(e)
      data[#data + 1] = cli.json_record {"v", e.value, "vi", vi, "ev", e.event, "a", a, "b", b, "src", src}
      local refs = {}
      for k, r in ipairs(e.records) do refs[k] = esc(r.doc .. ":" .. r.line) end
      rows[#rows + 1] = ('<tr data-id="%d"><td class="v">%s</td><td>%s</td><td class="doc">%s</td></tr>'):format(
        #data - 1, esc(vi), esc(e.event), table.concat(refs, ", "))
    end
  end
  -- every < in the data as \u003c (it is only ever inside a string): neither </script> nor
  -- <!-- <script> in an article can end or change the script the data sits in
  local json = ('{"docs":' .. cli.json(docs) .. ',"group":' .. cli.json(opts.group or "none") ..
                ',"entries":[' .. table.concat(data, ",\n") .. "]}"):gsub("<", "\\u003c")
  local subs = {["@TITLE@"] = esc(title or "Timeline"), ["@SUB@"] = esc(sub or ""), ["@DATA@"] = json,
                ["@ROWS@"] = table.concat(rows, "\n"), ["@LIBRARY@"] = lib}
  -- (one pass over the template: the library's text is never searched for placeholders)
  return (page:gsub("@%u+@", function(k) return subs[k] end))
end

return M
