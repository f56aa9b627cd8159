import { create } from 'qrcode';
import { verificationUrl } from './page-furniture';
import { sampleStatement } from './samples';
import { renderStatement } from './templates/statement';
import { rasterize } from './testing/poppler';

describe('verification QR code', () => {
  it('builds the link from the base URL and document number', () => {
    expect(verificationUrl('https://gongyi.example.cn/', 'GY-2026-000140')).toBe('https://gongyi.example.cn/verify/GY-2026-000140');
    expect(verificationUrl('https://x.cn/base', 'A/B 1')).toBe('https://x.cn/base/verify/A%2FB%201');
  });

  it('draws, on the last page, exactly the modules of a QR code for the verification link', async () => {
    const pdf = await renderStatement(sampleStatement(), {
      documentNumber: 'GY-2026-000140',
      verifyBaseUrl: 'https://gongyi.example.cn',
      generatedAt: new Date('2026-04-08T02:00:00Z'),
    });
    const dpi = 144;
    const page = rasterize(pdf, 1, dpi);
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    // The QR code sits in the lower-left verification block: bounding box of black pixels there.
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
    for (let y = px(600); y < px(780); y++) {
      for (let x = px(40); x < px(176); x++) {
        if (page.data[y * page.width + x] < 64) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    const expected = create('https://gongyi.example.cn/verify/GY-2026-000140', { errorCorrectionLevel: 'M' }).modules;
    const n = expected.size;
    const cellX = (maxX - minX + 1) / n;
    const cellY = (maxY - minY + 1) / n;
    expect(Math.abs(cellX - cellY)).toBeLessThan(0.5);
    let mismatches = 0;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const x = Math.floor(minX + (col + 0.5) * cellX);
        const y = Math.floor(minY + (row + 0.5) * cellY);
        const dark = page.data[y * page.width + x] < 128;
        if (dark !== !!expected.get(row, col)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
