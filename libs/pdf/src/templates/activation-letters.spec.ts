import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activationLink, renderActivationLetters } from './activation-letters';

const letters = [
  { ownerName: '张三', units: ['1-1-101', '1-1-102'], code: 'ACDE-FGHJ-KMNP', expiresAt: new Date('2026-12-31T00:00:00Z') },
  { ownerName: '李四', units: ['1-2-201'], code: 'QRTU-VWXY-3467', expiresAt: new Date('2026-12-31T00:00:00Z') },
];

describe('activation letters PDF', () => {
  it('prints one A4 page per owner with the units, the code and help', async () => {
    const pdf = await renderActivationLetters({
      communityName: '测试小区',
      publicUrl: 'https://gongyi.example/',
      help: '业委会办公室（1 号楼底层），每周六 9:00–12:00',
      issuedAt: new Date('2026-12-01T00:00:00Z'),
      letters,
    });
    const dir = mkdtempSync(join(tmpdir(), 'letters-'));
    const file = join(dir, 'letters.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-']).toString();
    expect(page2).toContain('李四');
    expect(page2).toContain('1-2-201');
    expect(page2).toContain('QRTU-VWXY-3467');
    expect(page2).toContain('需要帮助');
    expect(page2).not.toContain('ACDE-FGHJ-KMNP');
  });

  it('puts the code in the link fragment, not the query', () => {
    expect(activationLink('https://gongyi.example/', 'ACDE-FGHJ-KMNP')).toBe('https://gongyi.example/activate#code=ACDE-FGHJ-KMNP');
  });
});
