/**
 * Page benchmark (npm run bench:web): what a member's phone downloads on a first visit, and how long the page takes
 * on a slow connection (400 kbps, 400 ms latency, emulated in headless Chromium). The JavaScript app is compared
 * with the server-rendered page a browser without JavaScript gets, in the same run. Prints figures; asserts none.
 */
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { runWithDevServer, type DevServer } from "./dev-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SLOW = { latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
const RUNS = 5;
const BUDGET = { firstVisitKb: 100, jsKb: 50 };

interface Resource {
  url: string;
  kind: "page" | "script" | "style" | "pack" | "language" | "other";
  raw: number;
  gzip: number;
}

const kb = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function kindOf(path: string, contentType: string): Resource["kind"] {
  if (contentType.includes("text/html")) return "page";
  if (/\/chunks\/(ke|th|ph|in|id|np|pk|bd)-/.test(path)) return "pack";
  if (/\/chunks\/(sw|th|fil|hi|id|ne|ur|bn)-/.test(path) && !/\/chunks\/(th|id)-[A-Za-z0-9_-]+\.js$/.test(path)) return "language";
  if (path.endsWith(".js")) return "script";
  if (path.endsWith(".css")) return "style";
  return "other";
}

/** Everything a first visit downloads: the home page, then starting the check in Kenya in Swahili. */
async function firstVisit(browser: Browser, base: string): Promise<{ before: Resource[]; after: Resource[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: "block" });
  const page = await context.newPage();
  const seen: Resource[] = [];
  page.on("response", async (res) => {
    try {
      const body = await res.body();
      const url = new URL(res.url());
      seen.push({ url: url.pathname + url.search, kind: kindOf(url.pathname, res.headers()["content-type"] ?? ""), raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  const before = [...seen];
  seen.length = 0;
  await page.locator('a[hreflang="sw"][href*="country=ke"]').click();
  await page.locator("main form.question").waitFor();
  await page.waitForLoadState("networkidle");
  const after = [...seen];
  await context.close();
  return { before, after };
}

async function slowContext(browser: Browser, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, javaScriptEnabled, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW });
  return { context, page };
}

/** On the slow connection: home page painted and usable, then the first question after choosing Kenya · Kiswahili. */
async function slowRun(browser: Browser, base: string, javaScriptEnabled: boolean) {
  const { context, page } = await slowContext(browser, javaScriptEnabled);
  const t0 = Date.now();
  await page.goto(`${base}/`, { waitUntil: "commit" });
  await page.locator("main h1").waitFor();
  const homeVisible = Date.now() - t0;
  await page.waitForLoadState("load");
  const homeLoaded = Date.now() - t0;
  const fcp = javaScriptEnabled
    ? await page.evaluate(() => performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint")?.startTime ?? NaN)
    : NaN;
  const t1 = Date.now();
  await page.locator('a[hreflang="sw"][href*="country=ke"]').click();
  await page.locator("main form.question").waitFor();
  const firstQuestion = Date.now() - t1;
  // Then one answer, the way she moves through the check.
  const t2 = Date.now();
  await page.locator("main form.question input[name=value]").fill("45");
  await page.locator("main button[value=answer]").click();
  await page.locator("main form.question input[name=fact]:not([value=age])").waitFor({ state: "attached" });
  const nextQuestion = Date.now() - t2;
  await context.close();
  return { homeVisible, homeLoaded, fcp, firstQuestion, nextQuestion };
}

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(rows[0]!));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main(server: DevServer) {
  console.log(`# Page benchmark — ${new Date().toISOString()}`);
  console.log(`node ${process.version}; headless ${CHROMIUM}; ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const { before, after } = await firstVisit(browser, server.baseUrl);
    console.log("## What a first visit downloads (gzip as a CDN would send it; level 6)\n");
    table([["when", "resource", "kind", "raw KB", "gzip KB"], ...before.map((r) => ["home", r.url, r.kind, kb(r.raw), kb(r.gzip)]), ...after.map((r) => ["start Kenya · Kiswahili", r.url, r.kind, kb(r.raw), kb(r.gzip)])]);
    const sum = (rs: Resource[]) => rs.reduce((n, r) => n + r.gzip, 0);
    const beforePack = sum(before) + sum(after.filter((r) => r.kind !== "pack"));
    const js = sum([...before, ...after].filter((r) => r.kind === "script" || r.kind === "language"));
    const pack = sum(after.filter((r) => r.kind === "pack"));
    console.log("");
    table([
      ["budget", "measured", "verdict"],
      [`first visit before the country's pack ≤ ${BUDGET.firstVisitKb} KB gzip`, `${kb(beforePack)} KB`, beforePack <= BUDGET.firstVisitKb * 1024 ? "met" : "NOT MET"],
      [`JavaScript for the member route ≤ ${BUDGET.jsKb} KB gzip`, `${kb(js)} KB`, js <= BUDGET.jsKb * 1024 ? "met" : "NOT MET"],
      ["Kenya's rule pack (loaded when chosen)", `${kb(pack)} KB`, ""],
    ]);

    console.log(`\n## On a slow connection (${SLOW.downloadThroughput * 8 / 1024} kbps down and up, ${SLOW.latency} ms latency), median of ${RUNS}\n`);
    const results: Record<string, Awaited<ReturnType<typeof slowRun>>[]> = { "with JavaScript (the app)": [], "without JavaScript (server-rendered, the peer)": [] };
    for (let i = 0; i < RUNS; i++) {
      results["with JavaScript (the app)"]!.push(await slowRun(browser, server.baseUrl, true));
      results["without JavaScript (server-rendered, the peer)"]!.push(await slowRun(browser, server.baseUrl, false));
    }
    const ms = (xs: number[]) => (xs.every((x) => Number.isNaN(x)) ? "–" : `${median(xs.filter((x) => !Number.isNaN(x))).toFixed(0)} ms`);
    table([
      ["page", "home visible", "home loaded", "first contentful paint", "tap → first question", "answer → next question"],
      ...Object.entries(results).map(([name, rs]) => [
        name,
        ms(rs.map((r) => r.homeVisible)),
        ms(rs.map((r) => r.homeLoaded)),
        ms(rs.map((r) => r.fcp)),
        ms(rs.map((r) => r.firstQuestion)),
        ms(rs.map((r) => r.nextQuestion)),
      ]),
    ]);
    console.log("\nThe app pays once for its script and the country's pack, then answers each question on the phone;");
    console.log("the server-rendered page makes a round trip (with its latency) for every answer.");
    offlineCost();
  } finally {
    await browser.close();
  }
}

/**
 * What the service worker downloads in the background at install, so that the check works offline from the first
 * visit: the page's files, every language's words, and the pack of the country the phone's languages point to
 * (web/src/sw.ts). Read from the build's precache.json; sizes gzipped at level 6; time on the slow link.
 */
function offlineCost() {
  const manifest = JSON.parse(readFileSync("web/dist/precache.json", "utf8")) as { shell: string[]; packs: Record<string, string>; langs: Record<string, string[]> };
  const size = (url: string) => {
    const file = url === "/" ? undefined : join("web/dist", url);
    return file && existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).length : 1200;
  };
  const shell = manifest.shell.reduce((n, u) => n + size(u), 0);
  const langs = Object.values(manifest.langs).flat().reduce((n, u) => n + size(u), 0);
  const allPacks = Object.values(manifest.packs).reduce((n, u) => n + size(u), 0);
  const seconds = (bytes: number) => `${((bytes * 8) / (SLOW.downloadThroughput * 8)).toFixed(1)} s`;
  console.log(`\n## Offline from the first visit: what the service worker caches at install (in the background)\n`);
  table([
    ["phone set to", "page files", "all 9 languages' words", "rule packs", "total gzip", "at 400 kbps"],
    ...[["Kiswahili or English (Kenya)", "ke"], ["Hindi or English (India)", "in"], ["English (elsewhere): no country guessed", ""]].map(([who, cc]) => {
      const pack = cc ? size(manifest.packs[cc]!) : 0;
      return [who!, `${kb(shell)} KB`, `${kb(langs)} KB`, cc ? `${kb(pack)} KB (${cc})` : "0", `${kb(shell + langs + pack)} KB`, seconds(shell + langs + pack)];
    }),
    ["(for comparison) every country's pack", `${kb(shell)} KB`, `${kb(langs)} KB`, `${kb(allPacks)} KB (all 8)`, `${kb(shell + langs + allPacks)} KB`, seconds(shell + langs + allPacks)],
  ]);
}

runWithDevServer("bench:web", main);
