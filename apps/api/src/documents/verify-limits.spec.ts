import { MAX_CONTENTS_HEX, MAX_SIGNATURES, prescanPdf } from './verify-limits';

const codeOf = (bytes: Buffer) => {
  try {
    prescanPdf(bytes);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};
const sig = (contents: string) => `<< /Type /Sig /ByteRange [0 1 2 3] /Contents <${contents}> >>\n`;
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}%%EOF\n`, 'latin1');

describe('verify pre-scan', () => {
  it('refuses what is not a PDF', () => expect(codeOf(Buffer.from('hello world'))).toBe('not_pdf'));
  it('accepts the signature limit', () => expect(codeOf(pdf(sig('00').repeat(MAX_SIGNATURES)))).toBeUndefined());
  it('refuses one signature more', () => expect(codeOf(pdf(sig('00').repeat(MAX_SIGNATURES + 1)))).toBe('too_many_signatures'));
  it('refuses /Contents hex strings past the count even without /ByteRange', () =>
    expect(codeOf(pdf('/Contents <00> '.repeat(MAX_SIGNATURES + 1)))).toBe('too_many_signatures'));
  it('accepts /Contents at the size limit', () => expect(codeOf(pdf(sig('0'.repeat(MAX_CONTENTS_HEX))))).toBeUndefined());
  it('refuses /Contents past the size limit', () => expect(codeOf(pdf(sig('0'.repeat(MAX_CONTENTS_HEX + 2))))).toBe('signature_too_large'));
  it('ignores page /Contents references and dictionaries', () =>
    expect(codeOf(pdf('/Contents 5 0 R /Contents << /A 1 >> '.repeat(50)))).toBeUndefined());
});
