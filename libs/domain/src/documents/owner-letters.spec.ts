import { DOCUMENT_KINDS } from './seal-policy';
import { isOwnerLetter, LETTER_TODO_DAYS, letterAwaitsReading, OWNER_LETTER_KINDS } from './owner-letters';

describe('owners’ letters', () => {
  it('are the sealed notices, results, reports and 公示, never a meeting’s own minutes', () => {
    const minutes = DOCUMENT_KINDS.filter((k) => k.startsWith('minutes_'));
    expect(minutes).toHaveLength(3);
    for (const kind of minutes) expect(isOwnerLetter(kind)).toBe(false);
    for (const kind of DOCUMENT_KINDS.filter((k) => !k.startsWith('minutes_'))) expect(isOwnerLetter(kind)).toBe(true);
    expect(OWNER_LETTER_KINDS).toHaveLength(DOCUMENT_KINDS.length - 3);
  });

  it('wait on 我的待办 until read, for a limited time after sealing', () => {
    const sealed = new Date('2026-12-01T02:00:00Z');
    const day = 24 * 3600 * 1000;
    expect(letterAwaitsReading(sealed, new Date(sealed.getTime() + day), null)).toBe(true);
    expect(letterAwaitsReading(sealed, new Date(sealed.getTime() + LETTER_TODO_DAYS * day), null)).toBe(true);
    expect(letterAwaitsReading(sealed, new Date(sealed.getTime() + LETTER_TODO_DAYS * day + 1), null)).toBe(false);
    expect(letterAwaitsReading(sealed, new Date(sealed.getTime() + day), new Date(sealed.getTime() + 3600))).toBe(false);
  });
});
