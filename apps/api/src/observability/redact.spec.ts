import { plainLine } from './logging';
import { REDACTED, redactObject, redactText } from './redact';

describe('redactText', () => {
  it.each([
    ['证件号 330106199001011234', `证件号 ${REDACTED}`],
    ['id 11010519491231002X.', `id ${REDACTED}.`],
    ['手机 13800000001', `手机 ${REDACTED}`],
    ['mobile +86 13912345678 ok', `mobile ${REDACTED} ok`],
    ['code AB12-CD34-EF56 used', `code ${REDACTED} used`],
    ['Authorization: Bearer eyJ.abc-def_ghi=', `Authorization: Bearer ${REDACTED}`],
  ])('masks %s', (input, output) => expect(redactText(input)).toBe(output));

  it.each([
    'request 3f2b6c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f',
    'took 1795660000000 ms since epoch',
    'area 12345678901234567890 hundredths',
    'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'unit 1-2-301, 120.50 m²',
  ])('leaves %s alone', (input) => expect(redactText(input)).toBe(input));
});

describe('redactObject', () => {
  it('censors secret keys at any depth and scans strings, without touching the input', () => {
    const input = { user: { login: 'zhang', password: 'x', newPin: '1234' }, list: [{ mobile: '13800000001' }], note: '手机13800000002' };
    expect(redactObject(input)).toEqual({
      user: { login: 'zhang', password: REDACTED, newPin: REDACTED },
      list: [{ mobile: REDACTED }],
      note: `手机${REDACTED}`,
    });
    expect(input.user.password).toBe('x');
  });
});

describe('plainLine', () => {
  it('prints a JSON entry as one readable line', () => {
    const line = plainLine(JSON.stringify({ level: 40, time: 0, context: 'Jobs', msg: '任务失败', requestId: 'r-1', queue: 'vote-close' }));
    expect(line).toBe('1970-01-01T00:00:00.000Z WARN  [Jobs] 任务失败 requestId=r-1 queue=vote-close\n');
  });
});
