import { IsString, MaxLength } from 'class-validator';
import { assertDtoBounds, assertRawBounds, DEFAULT_MAX_LENGTH, HeldMeetingDate, MAX_DEPTH, NAME_MAX_LENGTH } from './input-bounds';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return ((error as { getResponse(): { code: string } }).getResponse?.() ?? {}).code;
  }
};

class Sample {
  @IsString()
  displayName?: string;

  @IsString()
  note?: string;

  @IsString()
  @MaxLength(50_000)
  body?: string;

  @IsString()
  @HeldMeetingDate()
  heldAt?: string;

  @IsString()
  scheduledAt?: string;

  @IsString()
  startsOn?: string;
}

const dto = (fields: Partial<Sample>) => Object.assign(new Sample(), fields);
const now = new Date('2026-12-01T00:00:00Z');

describe('raw bounds', () => {
  it.each([
    ['a NUL byte in a value', { login: 'a\u0000' }, 'nul_byte'],
    ['a NUL byte in a key', { ['a\u0000']: 1 }, 'nul_byte'],
    ['an infinite number', { page: Infinity }, 'number_out_of_range'],
    ['a number beyond 2^53', { page: 1e308 }, 'number_out_of_range'],
    ['JSON nested past the limit', JSON.parse(`${'{"a":'.repeat(MAX_DEPTH + 1)}1${'}'.repeat(MAX_DEPTH + 1)}`), 'too_deep'],
  ])('refuses %s', (_what, value, code) => {
    expect(codeOf(() => assertRawBounds(value, 'body'))).toBe(code);
  });

  it('accepts ordinary values, nesting up to the limit, and uploaded bytes', () => {
    const nested = JSON.parse(`${'{"a":'.repeat(MAX_DEPTH - 1)}1${'}'.repeat(MAX_DEPTH - 1)}`);
    expect(codeOf(() => assertRawBounds({ name: '幸福里', page: 2, nested }, 'body'))).toBeUndefined();
    expect(codeOf(() => assertRawBounds({ buffer: Buffer.alloc(1_000_000) }, 'file'))).toBeUndefined();
  });
});

describe('DTO bounds', () => {
  it.each([
    ['a name over 100 characters without its own limit', { displayName: 'x'.repeat(NAME_MAX_LENGTH + 1) }, 'text_too_long'],
    ['other text over the default limit', { note: 'x'.repeat(DEFAULT_MAX_LENGTH + 1) }, 'text_too_long'],
    ['a date before 1990', { startsOn: '1989-12-31' }, 'date_out_of_range'],
    ['a date more than five years ahead', { startsOn: '2032-01-01' }, 'date_out_of_range'],
    ['a meeting held tomorrow', { heldAt: '2026-12-02T00:00:00Z' }, 'meeting_in_future'],
  ])('refuses %s', (_what, fields, code) => {
    expect(codeOf(() => assertDtoBounds(dto(fields), { now }, 'body'))).toBe(code);
  });

  it.each([
    ['a 100-character name', { displayName: 'x'.repeat(NAME_MAX_LENGTH) }],
    ['a field with its own larger @MaxLength', { body: 'x'.repeat(DEFAULT_MAX_LENGTH + 1) }],
    ['1990-01-01', { startsOn: '1990-01-01' }],
    ['five years ahead', { startsOn: '2031-11-30' }],
    ['a meeting held an hour ago', { heldAt: '2026-11-30T23:00:00Z' }],
    ['a future date in a field not marked as a held meeting', { scheduledAt: '2026-12-02T00:00:00Z' }],
  ])('accepts %s', (_what, fields) => {
    expect(codeOf(() => assertDtoBounds(dto(fields), { now }, 'body'))).toBeUndefined();
  });
});
