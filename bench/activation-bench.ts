/**
 * Activation letters: render 激活通知书 for 5,000 owners as one PDF (one A4 page each), the size of a whole
 * large community printed at once. Prints `BENCH activation_letters_5000_ms <n>`; nothing is asserted.
 */
import { randomBytes } from 'node:crypto';
import { formatActivationCode } from '@gongyi/domain/identity/activation';
import { renderActivationLetters } from '@gongyi/pdf/templates/activation-letters';

export async function runActivationBench(owners = 5000): Promise<{ ms: number; bytes: number }> {
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  const letters = Array.from({ length: owners }, (_, i) => ({
    ownerName: `业主${i + 1}`,
    units: [`${Math.floor(i / 120) + 1}幢-${(Math.floor(i / 40) % 3) + 1}-${(i % 40) + 101}`],
    code: formatActivationCode(randomBytes(12)),
    expiresAt,
  }));
  const started = process.hrtime.bigint();
  const pdf = await renderActivationLetters({
    communityName: '基准测试小区',
    publicUrl: 'https://gongyi.example',
    help: '业委会办公室（1 幢底层），每周六 9:00–12:00；社区居委会',
    issuedAt: new Date(),
    letters,
  });
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  console.log(`activation letters: ${owners} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MiB in ${ms} ms`);
  console.log(`BENCH activation_letters_${owners}_ms ${ms}`);
  return { ms, bytes: pdf.length };
}

if (require.main === module) {
  runActivationBench().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
