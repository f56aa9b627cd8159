import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans Hans (Simplified Chinese) from @embedpdf/fonts-sc.
 *
 * The package's `exports` map hides package.json, so the font folder is found from its resolved main entry
 * (dist/index.cjs → ../fonts). Each OTF is ~8 MB; it is read and parsed by fontkit once per process and the
 * parsed font object is handed to every PDFDocument (pdfkit accepts a fontkit font as a font source), so a
 * document only pays for layout and subsetting. pdfkit embeds a subset (CID Type 0C, Identity-H + ToUnicode).
 */
export const FONT_REGULAR = 'gongyi-sans';
export const FONT_BOLD = 'gongyi-sans-bold';

const FILES = { [FONT_REGULAR]: 'NotoSansHans-Regular.otf', [FONT_BOLD]: 'NotoSansHans-Bold.otf' } as const;
type FontName = keyof typeof FILES;

/** The subset of fontkit's Font that we rely on (fontkit ships no types for its 2.x API here). */
export interface FontkitFont {
  layout(text: string): unknown;
  postscriptName: string;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
}

let fontDir: string | undefined;
const cache = new Map<FontName, FontkitFont>();

/** Directory holding the Noto Sans Hans OTF files. */
export function fontDirectory(): string {
  if (fontDir) return fontDir;
  const requireHere = createRequire(__filename);
  const main = requireHere.resolve('@embedpdf/fonts-sc'); // …/@embedpdf/fonts-sc/dist/index.cjs
  let dir = dirname(main);
  for (let i = 0; i < 3; i++) {
    const candidate = join(dir, 'fonts');
    if (existsSync(join(candidate, FILES[FONT_REGULAR]))) {
      fontDir = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`@embedpdf/fonts-sc is installed at ${dirname(main)} but its fonts/ folder was not found`);
}

/** fontkit exactly as pdfkit resolves it, so the font objects we cache are the kind pdfkit expects. */
function loadFontkit(): Fontkit {
  const requireFromPdfkit = createRequire(createRequire(__filename).resolve('pdfkit'));
  return requireFromPdfkit('fontkit') as Fontkit;
}

/** The parsed font (parsed on first use, then cached for the life of the process). */
export function getFont(name: FontName): FontkitFont {
  let font = cache.get(name);
  if (!font) {
    const buffer = readFileSync(join(fontDirectory(), FILES[name]));
    font = loadFontkit().create(buffer);
    cache.set(name, font);
  }
  return font;
}

/** Registers the Chinese fonts on a document under FONT_REGULAR / FONT_BOLD and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  // pdfkit's typings only list string/Buffer sources, but its font factory accepts a fontkit font object.
  for (const name of Object.keys(FILES) as FontName[]) {
    doc.registerFont(name, getFont(name) as unknown as Buffer);
  }
  doc.font(FONT_REGULAR);
}
