import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERIFICATION_BLOCK_HEIGHT } from '../page-furniture';

/**
 * Test helpers around poppler-utils (pdftotext, pdfsig, pdfinfo, pdftoppm) — the independent reader our
 * output is checked against. CI installs poppler-utils (.ci/run); without it these throw a clear error.
 */
function run(tool: string, args: string[], pdf: Buffer): { stdout: string; status: number | null; dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync(tool, [...args.map((a) => (a === '$PDF' ? file : a.replace('$DIR', dir)))], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    // pdfsig -dump writes into the working directory.
    cwd: dir,
  });
  if (result.error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${tool} could not run (${result.error.message}); install poppler-utils`);
  }
  return { stdout: result.stdout, status: result.status, dir, file };
}

function once<T>(tool: string, args: string[], pdf: Buffer, read: (r: ReturnType<typeof run>) => T): T {
  const r = run(tool, args, pdf);
  try {
    return read(r);
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
}

/** Text of the whole document (pages separated by form feeds), or of one page. */
export function pdftotext(pdf: Buffer, options: { layout?: boolean; page?: number } = {}): string {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.page ? ['-f', String(options.page), '-l', String(options.page)] : []),
    '$PDF',
    '-',
  ];
  return once('pdftotext', args, pdf, (r) => {
    if (r.status !== 0) throw new Error(`pdftotext failed with status ${r.status}`);
    return r.stdout;
  });
}

/** Words with their boxes (pdftotext -bbox). */
export function pdfWords(pdf: Buffer, page = 1): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = once('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), '$PDF', '-'], pdf, (r) => r.stdout);
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g;
  const words: { text: string; xMin: number; xMax: number; yMin: number }[] = [];
  for (let m = re.exec(html); m; m = re.exec(html)) words.push({ text: m[4], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) });
  return words;
}

/**
 * The body text of the last page: its words below the header and above the verification block (drawn at the foot
 * of the last page, DocumentWriter.finish), whitespace removed. Empty: the page holds only the QR block.
 */
export function lastPageBody(pdf: Buffer): string {
  const info = pdfinfo(pdf);
  const height = Number(/x ([\d.]+) pts/.exec(info['Page size'])?.[1] ?? 841.89);
  const blockTop = height - 70 - VERIFICATION_BLOCK_HEIGHT;
  return pdfWords(pdf, Number(info.Pages))
    .filter((w) => w.yMin > 60 && w.yMin < blockTop)
    .map((w) => w.text)
    .join('');
}

/** pdfsig's report (it exits non-zero for unsigned or invalid files, so the status is returned too). */
export function pdfsig(pdf: Buffer): { stdout: string; status: number | null } {
  return once('pdfsig', ['$PDF'], pdf, (r) => ({ stdout: r.stdout, status: r.status }));
}

/** The raw CMS blobs of every signature (`pdfsig -dump`), in file order. */
export function pdfsigDump(pdf: Buffer): Buffer[] {
  const r = run('pdfsig', ['-dump', '$PDF'], pdf);
  try {
    const out: Buffer[] = [];
    for (let i = 0; ; i++) {
      try {
        out.push(readFileSync(join(r.dir, `doc.pdf.sig${i}`)));
      } catch {
        return out;
      }
    }
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
}

export function pdfinfo(pdf: Buffer): Record<string, string> {
  const out = once('pdfinfo', ['$PDF'], pdf, (r) => r.stdout);
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pdffonts(pdf: Buffer): string {
  return once('pdffonts', ['$PDF'], pdf, (r) => r.stdout);
}

export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Buffer;
}

/** Renders one page to raw pixels (PGM gray or PPM colour) at `dpi`. */
export function rasterize(pdf: Buffer, page: number, dpi: number, colour = false): Raster {
  return once(
    'pdftoppm',
    [...(colour ? [] : ['-gray']), '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '$PDF', '$DIR/page'],
    pdf,
    (r) => {
      if (r.status !== 0) throw new Error(`pdftoppm failed with status ${r.status}`);
      const file = readFileSync(join(r.dir, colour ? 'page.ppm' : 'page.pgm'));
      // Header: magic, width, height, maxval, each followed by whitespace.
      const header = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
      if (!header) throw new Error('unexpected pdftoppm output');
      return {
        width: Number(header[2]),
        height: Number(header[3]),
        channels: header[1] === 'P6' ? 3 : 1,
        data: file.subarray(header[0].length),
      };
    },
  );
}
