import type { RuntimeConfig } from '../config/app-config';
import { BidSeal, type BidContent } from './bid-seal';

const seal = new BidSeal({ masterKey: 'ab'.repeat(32) } as RuntimeConfig);
const ref = { hearingId: '11111111-1111-4111-8111-111111111111', bidId: '22222222-2222-4222-8222-222222222222', version: 1 };
const content: BidContent = {
  amountFen: '98765432',
  warrantyMonths: 36,
  deliveryDays: 90,
  proposal: '技术方案：永磁同步曳引机',
  attachment: { name: '方案.pdf', type: 'application/pdf', size: 7, sha256: 'x' },
};
const file = Buffer.from('%PDF-1.');

describe('bid seal', () => {
  it('round-trips content and attachment, and hides both in the ciphertext', () => {
    const sealed = seal.seal(ref, content, file);
    const text = sealed.ciphertext.toString('latin1');
    expect(text).not.toContain('98765432');
    expect(text).not.toContain('%PDF');
    const opened = seal.open(ref, sealed);
    expect(opened.content).toEqual(content);
    expect(opened.attachment!.equals(file)).toBe(true);
    expect(BidSeal.commit(BidSeal.plaintext(opened.nonce, opened.content, opened.attachment))).toBe(sealed.commitment);
  });

  it('gives the same content a different commitment each time (a guessed amount cannot be confirmed)', () => {
    expect(seal.seal(ref, content, file).commitment).not.toBe(seal.seal(ref, content, file).commitment);
  });

  it('refuses a flipped byte, a version moved to another bid or hearing, and another master key', () => {
    const sealed = seal.seal(ref, content, file);
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[5] ^= 1;
    expect(() => seal.open(ref, { ...sealed, ciphertext: flipped })).toThrow();
    expect(() => seal.open({ ...ref, version: 2 }, sealed)).toThrow();
    expect(() => seal.open({ ...ref, hearingId: '33333333-3333-4333-8333-333333333333' }, sealed)).toThrow();
    expect(() => new BidSeal({ masterKey: 'cd'.repeat(32) } as RuntimeConfig).open(ref, sealed)).toThrow();
    expect(() => seal.open(ref, { ...sealed, commitment: '0'.repeat(64) })).toThrow(/commitment/);
  });
});
