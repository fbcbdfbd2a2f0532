// timeline.mjs PAGE PNG TERM -- open vnt's timeline page in Debian's Chromium
// (playwright-core), use it as a reader does, and print what happened as JSON:
// load time, console errors, the visible range before and after zooming in,
// the entries shown before and after a filter, what a click on an entry shows,
// and a screenshot of the first screen.
// playwright-core is installed into build/browser/ (make test, npm ci); PLAYWRIGHT names it
const { chromium } = await import(process.env.PLAYWRIGHT || "playwright-core");

const [page_path, png, term] = process.argv.slice(2);
const out = { errors: [] };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (m) => { if (m.type() === "error") out.errors.push(m.text()); });
  page.on("pageerror", (e) => out.errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith("file:")) out.errors.push("network request: " + r.url()); });
  // the load time: from navigation to the axis drawn, the best of RUNS loads (the machine's noise
  // only ever adds time)
  out.loads = [];
  for (let r = 0; r < Number(process.env.RUNS || 3); r++) {
    const t0 = Date.now();
    await page.goto("file://" + page_path, { waitUntil: "load" });
    await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
    out.loads.push(Date.now() - t0);
  }
  out.load_ms = Math.min(...out.loads);
  await page.waitForSelector("body[data-list='1']", { timeout: 30000 });
  out.draw_ms = await page.evaluate(() => Number(document.body.dataset.drawMs));
  const state = () => page.evaluate(() => {
    const w = window.vntTimeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf(), shown: Number(document.body.dataset.shown),
             entries: Number(document.body.dataset.entries), items: document.querySelectorAll(".vis-item").length,
             errors: Number(document.body.dataset.errors) };
  });
  out.first = await state();
  await page.waitForTimeout(Number(process.env.SHOT_WAIT || 0));
  await page.screenshot({ path: png });
  await page.click("#zin");
  out.zoomed = await state();
  await page.click("#fit");
  await page.fill("#q", term);
  await page.waitForTimeout(200);
  out.filtered = await state();
  // a click on an entry of the axis (not a cluster), else on a row of the list
  const item = await page.$(".vis-item.vis-range:not(.vis-cluster), .vis-item.vis-point:not(.vis-cluster)");
  if (item) {
    await item.click({ force: true });
    out.clicked = "axis";
  }
  if (!(await page.evaluate(() => document.body.dataset.selected))) {
    await page.click("#list tbody tr:not(.hide)");
    out.clicked = "list";
  }
  out.panel = await page.evaluate(() => document.getElementById("panel").textContent);
  out.list_rows = await page.evaluate(() => document.querySelectorAll("#list tbody tr:not(.hide)").length);
  await page.selectOption("#group", "doc");
  await page.waitForTimeout(200);
  out.groups = await page.evaluate(() => document.querySelectorAll(".vis-label").length);
  out.final_errors = await page.evaluate(() => Number(document.body.dataset.errors));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + "\n");
