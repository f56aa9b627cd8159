import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
/**
 * Lighthouse runner, in its own process like the load client. Input (stdin JSON): { origin, tokenKey, pages: [{ name,
 * url, token? }] }. Each page gets a fresh browser context (empty cache, so transferred bytes are a first visit); a
 * signed-in page gets the token in localStorage first, the way the web app keeps it. Lighthouse's default config is
 * the mobile preset (Moto G Power, simulated slow 4G, 4× CPU slowdown). Output (stdout JSON): one result per page.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';

interface Job {
  origin: string;
  tokenKey: string;
  pages: { name: string; url: string; token?: string }[];
}

export interface PageScore {
  name: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  bytes: number;
  failedAudits: string[];
}

/** Largest-contentful-paint candidates of one unthrottled load, on stderr: tag, class, size, time, first text. */
async function logLcpCandidates(browser: Browser, job: Job, page: Job['pages'][number]): Promise<void> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  if (page.token) {
    await tab.goto(`${job.origin}/favicon.svg`);
    await tab.evaluate((key, token) => localStorage.setItem(key, token), job.tokenKey, page.token);
  }
  await tab.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __lcp: string[] }).__lcp = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { size: number; element: Element | null })[]) {
        const el = e.element;
        const what = el ? `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}"` : '(removed)';
        seen.push(`${Math.round(e.startTime)} ms size ${e.size} ${what}`);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await tab.goto(page.url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 500));
  const seen = await tab.evaluate(() => (window as unknown as { __lcp: string[] }).__lcp);
  process.stderr.write(`lcp candidates ${page.name}:\n  ${seen.join('\n  ')}\n`);
  await context.close();
}

/** One Lighthouse run of `page` in a fresh browser context, the owner's token stored first when it has one. */
async function measure(context: BrowserContext, job: Job, page: Job['pages'][number]) {
  const { default: lighthouse } = await import('lighthouse');
  const tab = await context.newPage();
  if (page.token) {
    await tab.goto(`${job.origin}/favicon.svg`);
    await tab.evaluate((key, token) => localStorage.setItem(key, token), job.tokenKey, page.token);
  }
  return lighthouse(
    page.url,
    { logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
    undefined,
    tab as never,
  );
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const job = JSON.parse(Buffer.concat(chunks).toString()) as Job;
  // Both are ES modules; this file compiles to CommonJS, where TypeScript keeps import() as it is.
  const puppeteer = await import('puppeteer-core');
  const browser: Browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const results: PageScore[] = [];
  try {
    // One unmeasured load first, in a throwaway context: the browser process's own start-up (V8 warming its code)
    // otherwise lands in the first page's blocking time only (/login, always measured first, had the run's highest
    // TBT: 378 ms on a quiet machine, 2026-12-02). Every measured page still starts with an empty cache.
    const warm = await browser.createBrowserContext();
    await (await warm.newPage()).goto(job.pages[0].url, { waitUntil: 'networkidle0' }).catch(() => undefined);
    await warm.close();
    for (const page of job.pages) {
      // LH_LCP=1 names each page's LCP candidates first (in a separate fresh context): which element to make early.
      if (process.env.LH_LCP) await logLcpCandidates(browser, job, page);
      // A trace that failed to record (NO_NAVSTART and the like, seen on a saturated machine) is measured again once.
      let context = await browser.createBrowserContext();
      let run = await measure(context, job, page);
      if (run?.lhr.runtimeError) {
        process.stderr.write(`lighthouse ${page.name}: ${run.lhr.runtimeError.code}, measuring again\n`);
        await context.close();
        context = await browser.createBrowserContext();
        run = await measure(context, job, page);
      }
      if (!run) throw new Error(`lighthouse gave no result for ${page.url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      // LH_DUMP=<folder> keeps each page's full report (long tasks, main-thread breakdown) for a closer look.
      if (process.env.LH_DUMP) writeFileSync(join(process.env.LH_DUMP, `${page.name}.json`), JSON.stringify(lhr));
      // What the score is made of, for whoever tunes these pages (stderr: not a BENCH line).
      const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
      process.stderr.write(
        `lighthouse ${page.name}: FCP ${metric('first-contentful-paint')} ms, SI ${metric('speed-index')} ms, TBT ${metric('total-blocking-time')} ms, CLS ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}\n`,
      );
      results.push({
        name: page.name,
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
        bytes: Math.round(lhr.audits['total-byte-weight'].numericValue ?? 0),
        failedAudits: lhr.categories.accessibility.auditRefs
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => {
            // Name the first failing elements, so the line says what to fix.
            const items = ((a.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? []).slice(0, 3);
            const nodes = items.map((i) => i.node?.snippet?.slice(0, 80)).filter(Boolean);
            return nodes.length ? `${a.id} [${nodes.join(' | ')}]` : a.id;
          }),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
