import { renderResolutionAnnouncement } from './templates/resolution';
import { sampleResolution } from './samples';
import { pdfinfo, pdftotext, rasterize } from './testing/poppler';
import type { RenderOptions, SealImpression } from './types';

const options = (seals: SealImpression[]): RenderOptions => ({
  documentNumber: 'GY-2026-000130',
  verifyBaseUrl: 'https://gongyi.example.cn',
  generatedAt: new Date('2026-05-21T02:00:00Z'),
  seals,
});

/** Red pixels (seal ink) in the left and right halves of the last page. */
async function redPixels(seals: SealImpression[]): Promise<{ left: number; right: number; text: string }> {
  const pdf = await renderResolutionAnnouncement(sampleResolution(), options(seals));
  const last = Number(pdfinfo(pdf).Pages);
  const page = rasterize(pdf, last, 50, true);
  let left = 0;
  let right = 0;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const i = (y * page.width + x) * 3;
      const [r, g, b] = [page.data[i], page.data[i + 1], page.data[i + 2]];
      if (r > 150 && g < 110 && b < 110) {
        if (x < page.width / 2) left++;
        else right++;
      }
    }
  }
  return { left, right, text: pdftotext(pdf, { page: last }) };
}

describe('seal impressions', () => {
  const community = '幸福里小区';

  it('leaves the slots empty (no red ink) when no seal is applied', async () => {
    const { left, right, text } = await redPixels([]);
    expect(left + right).toBe(0);
    expect(text.match(/（盖章）/g)).toHaveLength(2);
  });

  it('draws the committee seal in its slot (right) and the assembly seal in the left slot', async () => {
    const committee = await redPixels([{ kind: 'committee', communityName: community, term: 3 }]);
    expect(committee.right).toBeGreaterThan(400);
    expect(committee.left).toBe(0);
    expect(committee.text.match(/（盖章）/g)).toHaveLength(1);

    const both = await redPixels([
      { kind: 'committee', communityName: community, term: 3 },
      { kind: 'assembly', communityName: community, term: 3 },
    ]);
    expect(both.left).toBeGreaterThan(400);
    expect(both.right).toBeGreaterThan(400);
    expect(both.text).not.toContain('（盖章）');
    // The seal text is real text in the seal font: kind and term are readable.
    expect(both.text).toContain('业主委员会');
    expect(both.text).toContain('第三届');
  });
});
