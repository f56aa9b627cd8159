/**
 * PDF benchmark: render a 10-page minutes document and apply two seals (committee, then assembly).
 *
 *   npx ts-node -r tsconfig-paths/register bench/pdf-bench.ts            (or node --expose-gc -r ts-node/register …)
 *   runPdfBench() from a bench runner.
 *
 * Targets (compared by people, not asserted): p95 ≤ 1 s per document, memory growth ≤ 10 % over 500 documents.
 */
import { createRootCa, issueSealCertificate, KeyAndCertificate, renderMeetingMinutes, signPdf } from '@gongyi/pdf';
import { sampleMinutes } from '@gongyi/pdf/samples';

export interface PdfBenchResult {
  pages: number;
  bytes: number;
  firstMs: number;
  p50: number;
  p95: number;
  renderP50: number;
  signP50: number;
  memory: {
    documents: number;
    gc: boolean;
    rssBefore: number;
    rssAfter: number;
    heapBefore: number;
    heapAfter: number;
    rssGrowth: number;
    heapGrowth: number;
  };
}

/** ~16 opinions fill a page; 95 opinions give a 10-page minutes document. */
const OPINIONS = 95;
const MB = 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

function gc(): boolean {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return false;
  collect();
  collect();
  return true;
}

export async function runPdfBench(
  options: { iterations?: number; documents?: number; log?: (line: string) => void } = {},
): Promise<PdfBenchResult> {
  const iterations = options.iterations ?? 50;
  const documents = options.documents ?? 500;
  const log = options.log ?? console.log;

  const now = new Date('2026-01-01T00:00:00Z');
  const root = createRootCa({ organisation: '压测街道', now });
  const seal = (kind: 'assembly' | 'committee'): KeyAndCertificate =>
    issueSealCertificate(root, { kind, communityName: '幸福里小区', communityCode: 'bench', term: 3, now });
  const committee = seal('committee');
  const assembly = seal('assembly');
  const input = sampleMinutes(OPINIONS);

  let renderMs = 0;
  let signMs = 0;
  const oneDocument = async (i: number): Promise<Buffer> => {
    const t0 = performance.now();
    const pdf = await renderMeetingMinutes(input, {
      documentNumber: `GY-BENCH-${String(i).padStart(6, '0')}`,
      verifyBaseUrl: 'https://gongyi.example.cn',
      generatedAt: new Date('2026-03-13T01:00:00Z'),
      seals: [
        { kind: 'committee', communityName: '幸福里小区', term: 3 },
        { kind: 'assembly', communityName: '幸福里小区', term: 3 },
      ],
    });
    const t1 = performance.now();
    const common = { location: '幸福里小区', signingTime: new Date('2026-03-13T02:00:00Z'), chainPems: [root.certPem] };
    const once = await signPdf(pdf, {
      ...common,
      keyPem: committee.keyPem,
      certPem: committee.certPem,
      reason: '业委会用章',
      name: '幸福里小区业主委员会章（第三届）',
    });
    const twice = await signPdf(once, {
      ...common,
      keyPem: assembly.keyPem,
      certPem: assembly.certPem,
      reason: '业主大会用章',
      name: '幸福里小区业主大会章（第三届）',
    });
    renderMs = t1 - t0;
    signMs = performance.now() - t1;
    return twice;
  };

  // Cold: includes reading and parsing the font files.
  let t = performance.now();
  const first = await oneDocument(0);
  const firstMs = performance.now() - t;

  const totals: number[] = [];
  const renders: number[] = [];
  const signs: number[] = [];
  for (let i = 1; i <= iterations; i++) {
    t = performance.now();
    await oneDocument(i);
    totals.push(performance.now() - t);
    renders.push(renderMs);
    signs.push(signMs);
  }
  [totals, renders, signs].forEach((a) => a.sort((x, y) => x - y));
  const pages = pageCount(first);
  log(
    `minutes PDF: ${pages} pages, ${Math.round(first.length / 1024)} KiB signed twice; first (cold, font load) ${Math.round(firstMs)} ms`,
  );
  log(
    `render + 2 seals, ${iterations} runs: p50 ${percentile(totals, 50).toFixed(1)} ms, p95 ${percentile(totals, 95).toFixed(1)} ms ` +
      `(render p50 ${percentile(renders, 50).toFixed(1)} ms, two signatures p50 ${percentile(signs, 50).toFixed(1)} ms) — target p95 ≤ 1000 ms`,
  );

  // Memory: snapshots (after GC) before, halfway and after `documents` more documents. Heap growth is the leak
  // signal; RSS also holds what the allocator keeps after warm-up, so the second half shows whether it levels off.
  const hasGc = gc();
  const before = process.memoryUsage();
  let mid = before;
  for (let i = 0; i < documents; i++) {
    await oneDocument(1000 + i);
    if (i === Math.floor(documents / 2) - 1) {
      gc();
      mid = process.memoryUsage();
    }
  }
  gc();
  const after = process.memoryUsage();
  const growth = (a: number, b: number) => ((b - a) / a) * 100;
  const memory = {
    documents,
    gc: hasGc,
    rssBefore: before.rss,
    rssMid: mid.rss,
    rssAfter: after.rss,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    rssGrowth: growth(before.rss, after.rss),
    rssGrowthSecondHalf: growth(mid.rss, after.rss),
    heapGrowth: growth(before.heapUsed, after.heapUsed),
  };
  const mib = (n: number) => (n / MB).toFixed(1);
  log(
    `memory over ${documents} documents${hasGc ? ' (after GC)' : ' (run with --expose-gc for figures without garbage)'}: ` +
      `heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB (${memory.heapGrowth.toFixed(1)} %), ` +
      `RSS ${mib(before.rss)} → ${mib(mid.rss)} → ${mib(after.rss)} MiB (${memory.rssGrowth.toFixed(1)} %; second half ${memory.rssGrowthSecondHalf.toFixed(1)} %) — target ≤ 10 %`,
  );
  return {
    pages,
    bytes: first.length,
    firstMs,
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    renderP50: percentile(renders, 50),
    signP50: percentile(signs, 50),
    memory,
  };
}

if (require.main === module) {
  console.log(`共议 Gongyi PDF benchmark — node ${process.version}`);
  runPdfBench().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
