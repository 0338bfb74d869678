// End-to-end test of `quorum serve` in the system's headless Chromium, driven by
// playwright-core (which never downloads a browser).
//
//   node tests/browser/e2e.mjs URL SCREENSHOT_DIR EXPECTED_SOURCE EXPECTED_LINE
//
// Types "implementation gap" into the search page, checks that the expected passage is
// the first hit with its words highlighted, opens it and checks that the meeting page
// lands on that paragraph, marked and in view; then the same search without JavaScript
// and on a phone-sized screen. Saves a screenshot of each step. Exits 1 on any failure.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, shots, source, line] = process.argv.slice(2);
if (!base || !shots || !source || !line) {
  console.error("usage: e2e.mjs URL SCREENSHOT_DIR EXPECTED_SOURCE EXPECTED_LINE");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const args = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
let checks = 0;
function check(ok, what) {
  if (!ok) {
    throw new Error(`browser check failed: ${what}`);
  }
  checks += 1;
  console.log(`ok - ${what}`);
}

async function withContext(options, fn) {
  const profile = mkdtempSync(join(tmpdir(), "quorum-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args, timeout: 60000, ...options,
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    // a record that ran script would open a dialog: that is a failure, never dismissed
    page.on("dialog", (d) => { throw new Error(`a script ran on the page: ${d.message()}`); });
    // nothing may be fetched from anywhere but the server under test
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(base)) { return route.continue(); }
      console.error(`blocked a request off the server: ${u}`);
      return route.abort();
    });
    await fn(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function search(page, js) {
  await page.goto(`${base}/`);
  await page.screenshot({ path: join(shots, `01-home${js ? "" : "-nojs"}.png`), fullPage: true });
  const box = page.getByLabel("Search the meeting records");
  check(await box.count() === 1, "the search box has a label screen readers announce");
  await box.fill("implementation gap");
  await Promise.all([page.waitForURL(/\/search\?/), box.press("Enter")]);
  const first = page.locator("li.hit").first();
  const link = first.locator("h2 a");
  const href = await link.getAttribute("href");
  const want = `${source}?line=${line}#L${line}`;
  check(href && href.endsWith(want), `the first hit links to ${want} (got ${href})`);
  const marks = await first.locator("blockquote.snippet mark").allTextContents();
  const words = marks.map((m) => m.toLowerCase());
  check(words.includes("implementation") && words.includes("gap"),
    `the passage's matching words are highlighted (got ${JSON.stringify(marks)})`);
  const bg = await first.locator("mark").first().evaluate((m) => getComputedStyle(m).backgroundColor);
  check(bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent", `highlights are visible (${bg})`);
  return link;
}

try {
  await withContext({ viewport: { width: 1200, height: 900 } }, async (page) => {
    const link = await search(page, true);
    await page.screenshot({ path: join(shots, "02-results.png"), fullPage: false });
    // keyboard: "/" focuses the search box, arrows move between hits, Enter opens one
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("/");
    check(await page.evaluate(() => document.activeElement && document.activeElement.id === "q"),
      "'/' focuses the search box");
    await page.locator("h1").first().evaluate((h) => h.closest("main").focus());
    await page.keyboard.press("ArrowDown");
    check(await page.evaluate(() => document.activeElement && document.activeElement.matches("li.hit h2 a")),
      "the down arrow moves to the first hit");
    await Promise.all([page.waitForURL(/\/meetings\//), link.click()]);
    await page.waitForLoadState("load");
    const url = new URL(page.url());
    check(url.hash === `#L${line}`, `the meeting page opens at #L${line} (got ${url.hash})`);
    const target = page.locator(`[id="L${line}"]`);
    check(await target.count() === 1, `the record has an anchor L${line}`);
    const block = page.locator(".block.hit");
    check(await block.count() === 1, "exactly one passage is marked");
    check(await block.evaluate((b, l) => b.id === `L${l}` || !!b.querySelector(`[id="L${l}"]`), line),
      "the marked passage is the one holding the hit's line");
    const text = (await block.locator("mark.passage").textContent()) || "";
    check(/implementation gap/i.test(text), `the marked passage is the hit's paragraph ("${text.slice(0, 80)}...")`);
    await page.waitForTimeout(400); // smooth scrolling settles
    const inView = await block.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight && r.height > 0;
    });
    check(inView, "the marked passage is scrolled into view");
    check(await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("hit")),
      "the marked passage has the focus (screen readers start there)");
    await page.screenshot({ path: join(shots, "03-meeting-at-passage.png"), fullPage: false });
  });

  await withContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false }, async (page) => {
    const link = await search(page, false);
    await Promise.all([page.waitForURL(/\/meetings\//), link.click()]);
    const block = page.locator(".block.hit");
    check(await block.count() === 1, "without JavaScript the meeting page still marks the passage");
    await page.waitForTimeout(800); // smooth scrolling settles
    const inView = await block.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    check(inView, "without JavaScript the #anchor still scrolls to the passage");
    await page.screenshot({ path: join(shots, "04-meeting-nojs.png"), fullPage: false });
  });

  await withContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
    await search(page, true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the results fit a phone's width (overflow ${overflow}px)`);
    await page.screenshot({ path: join(shots, "05-phone-results.png"), fullPage: false });
    await page.goto(`${base}/themes`);
    const svgs = await page.locator("svg.chart").count();
    check(svgs > 0, `the themes page draws its timelines as SVG (${svgs} charts)`);
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow2 <= 1, `the themes page fits a phone's width (overflow ${overflow2}px)`);
    await page.screenshot({ path: join(shots, "06-phone-themes.png"), fullPage: false });
    await page.goto(`${base}/gaps`);
    const links = await page.locator("ol.occurrences a[href^='/meetings/']").count();
    check(links > 0, `the gaps table links each occurrence (${links} links)`);
    await page.screenshot({ path: join(shots, "07-phone-gaps.png"), fullPage: false });
  });
  console.log(`browser: ${checks} passed, 0 failed`);
} catch (e) {
  console.error(e && e.stack ? e.stack : String(e));
  console.log(`browser: ${checks} passed, 1 failed`);
  process.exit(1);
}
