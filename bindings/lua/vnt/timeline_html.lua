--- vnt.timeline_html: a timeline as one self-contained HTML page -- inline
-- SVG, CSS and script, nothing fetched from the network.  A horizontal axis
-- of years (years without events are drawn narrow), one mark per entry (a
-- dot for a day or month, a bar for a longer span), labels in lanes that do
-- not overlap; the sources of an entry on hover, and in a panel on click.
-- The page sets data-marks (marks drawn) and data-errors (script errors)
-- on <body>, so a test in a headless browser can read what it did.
-- @module vnt.timeline_html
local cli = require "vnt.cli"
local timeline = require "vnt.timeline"

local ipairs, table = ipairs, table

local M = {}

local function esc(s)   -- HTML text, its control characters made visible
  return (cli.visible(s):gsub("[&<>\"]", {["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;"}))
end

local page = [=[<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>@TITLE@</title>
<style>
body { font: 14px/1.4 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; margin: 16px 24px; color: #1d232b; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.sub { margin: 0 0 12px; color: #5a6470; }
#wrap { overflow-x: auto; border: 1px solid #dde2e8; border-radius: 6px; background: #fbfcfd; }
svg text { font-size: 12px; fill: #1d232b; }
svg .year { font-size: 12px; fill: #5a6470; }
svg .axis { stroke: #5a6470; stroke-width: 1.5; }
svg .tick { stroke: #aab3bd; }
svg .gap { stroke: #aab3bd; stroke-dasharray: 3 3; }
svg .lead { stroke: #c3cad2; }
svg .mark { fill: #c0392b; stroke: #fff; stroke-width: 1; cursor: pointer; }
svg .mark.range { fill: #2e86c1; opacity: .8; }
svg g.entry:hover text, svg g.entry.sel text { fill: #c0392b; font-weight: 600; }
#panel { margin-top: 12px; padding: 10px 14px; border-left: 4px solid #c0392b; background: #f4f6f8; min-height: 2em; }
#panel .v { font-weight: 600; }
#panel li { margin: 4px 0; }
#panel .doc { color: #5a6470; font-family: ui-monospace, monospace; font-size: 12px; }
table { border-collapse: collapse; margin-top: 16px; }
td { padding: 2px 10px 2px 0; vertical-align: top; }
td.v { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 12px; }
</style>
</head>
<body>
<h1>@TITLE@</h1>
<p class="sub">@SUB@</p>
<div id="wrap"><svg id="tl" xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg></div>
<div id="panel">Chọn một sự kiện để xem nguồn. (Click an event to see its sources.)</div>
<noscript><table>@ROWS@</table></noscript>
<script>
"use strict";
document.body.dataset.errors = "0";
window.addEventListener("error", function () {
  document.body.dataset.errors = String(Number(document.body.dataset.errors) + 1);
});
var DATA = @DATA@;
(function () {
  var NS = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("tl");
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(e);
    return e;
  }
  var entries = DATA.entries;
  if (!entries.length) { document.body.dataset.marks = "0"; return; }
  // the years, each as wide as its events need; years without events narrow
  var y0 = Infinity, y1 = -Infinity, count = {};
  entries.forEach(function (e) {
    var a = Math.floor(e.a), b = Math.floor(Math.max(e.a, e.b - 1e-9));
    y0 = Math.min(y0, a); y1 = Math.max(y1, b);
    count[a] = (count[a] || 0) + 1;
  });
  var left = 30, width = {}, start = {}, x = left;
  for (var y = y0; y <= y1; y++) {
    width[y] = count[y] ? Math.max(150, Math.min(900, 60 * count[y])) : 28;
    start[y] = x; x += width[y];
  }
  var right = x + 260;
  function X(t) {
    var y = Math.floor(t);
    if (y < y0) return left;
    if (y > y1) return start[y1] + width[y1];
    return start[y] + (t - y) * width[y];
  }
  // labels in lanes: the first lane whose last label ends before this one starts
  var lanes = [], LH = 24, MAXC = 38;
  var order = entries.map(function (e, i) { return i; }).sort(function (i, j) { return entries[i].a - entries[j].a || i - j; });
  var place = {};
  order.forEach(function (i) {
    var e = entries[i], x0 = X(e.a);
    var label = e.e.length > MAXC ? e.e.slice(0, MAXC - 1) + "…" : e.e;
    var w = 6.6 * label.length + 16;
    var lane = 0;
    while (lanes[lane] !== undefined && lanes[lane] > x0 - 4) lane++;
    lanes[lane] = Math.max(x0 + w, X(e.b) + 6);
    place[i] = {lane: lane, label: label};
  });
  var top = 16, axisY = top + lanes.length * LH + 20, height = axisY + 44;
  svg.setAttribute("width", right); svg.setAttribute("height", height);
  svg.setAttribute("viewBox", "0 0 " + right + " " + height);
  el("line", {x1: left, y1: axisY, x2: X(y1 + 1) + 10, y2: axisY, "class": "axis"});
  for (var y = y0; y <= y1 + 1; y++) {
    var xx = y <= y1 ? start[y] : X(y1 + 1);
    el("line", {x1: xx, y1: axisY - 5, x2: xx, y2: axisY + 5, "class": (y <= y1 && !count[y] && !count[y - 1]) ? "gap" : "tick"});
    if (y <= y1 && (count[y] || y === y0 || y === y1)) {
      el("text", {x: xx + 3, y: axisY + 20, "class": "year"}).textContent = String(y);
    }
  }
  var panel = document.getElementById("panel"), selected = null;
  function show(e, g) {
    if (selected) selected.classList.remove("sel");
    selected = g; g.classList.add("sel");
    var h = "<div><span class='v'></span> — <span class='ev'></span></div><ul></ul>";
    panel.innerHTML = h;
    panel.querySelector(".v").textContent = e.v;
    panel.querySelector(".ev").textContent = e.e;
    var ul = panel.querySelector("ul");
    e.src.forEach(function (s) {
      var li = document.createElement("li");
      var d = document.createElement("span"); d.className = "doc"; d.textContent = s[0] + ":" + s[1] + "  «" + s[2] + "»  ";
      li.appendChild(d); li.appendChild(document.createTextNode(s[3]));
      ul.appendChild(li);
    });
  }
  entries.forEach(function (e, i) {
    var p = place[i], g = el("g", {"class": "entry"});
    var xa = X(e.a), xb = X(e.b), ly = top + p.lane * LH + 12;
    el("line", {x1: xa, y1: ly + 3, x2: xa, y2: axisY, "class": "lead"}, g);
    var m;
    if (xb - xa > 10) {   // a span: a bar under its label, from its start to its end
      m = el("rect", {x: xa, y: ly + 4, width: xb - xa, height: 6, rx: 3, "class": "mark range"}, g);
      el("line", {x1: xa, y1: axisY - 4, x2: xa, y2: axisY + 4, "class": "axis"}, g);
    } else {
      m = el("circle", {cx: xa, cy: axisY, r: 6, "class": "mark"}, g);
    }
    m.setAttribute("data-value", e.v);
    el("text", {x: xa + 4, y: ly}, g).textContent = p.label;
    var tip = e.v + " — " + e.e + "\n" + e.src.map(function (s) { return s[0] + ":" + s[1] + "  «" + s[2] + "»"; }).join("\n");
    el("title", {}, g).textContent = tip;
    g.addEventListener("click", function () { show(e, g); });
  });
  document.body.dataset.marks = String(svg.querySelectorAll(".mark").length);
})();
</script>
</body>
</html>
]=]

--- The page for `entries` (from a vnt.timeline builder), titled `title`.
function M.render(entries, title, sub)
  local data, rows = {}, {}
  for _, e in ipairs(entries) do
    local a, b = timeline.span(e.value)
    local src = {}
    for i, r in ipairs(e.records) do src[i] = {r.doc, r.line, r.text, r.sentence} end
    data[#data + 1] = cli.json_record {"v", e.value, "a", a, "b", b or a, "e", e.event, "src", src}
    local docs = {}
    for i, r in ipairs(e.records) do docs[i] = esc(r.doc .. ":" .. r.line) end
    rows[#rows + 1] = ("<tr><td class=\"v\">%s</td><td>%s</td><td>%s</td></tr>"):format(esc(e.value), esc(e.event),
      table.concat(docs, ", "))
  end
  -- every < as \u003c (it is only ever inside a string): neither </script> nor <!-- <script> in an
  -- article can end or change the script the data sits in
  local json = ('{"entries":[' .. table.concat(data, ",\n") .. "]}"):gsub("<", "\\u003c")
  local subs = {["@TITLE@"] = esc(title or "Timeline"), ["@SUB@"] = esc(sub or ""), ["@DATA@"] = json,
                ["@ROWS@"] = table.concat(rows, "\n")}
  return (page:gsub("@%u+@", function(k) return subs[k] end))
end

return M
