import { ASSEMBLY_RESULT_CHECKLIST, ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST, type ResultChecklist } from './assembly-result';
import { HEARING_RESULT_CHECKLIST, TENDER_FAILED_CHECKLIST } from './hearing-result';

const flat = (s: string) => s.replace(/\s+/g, '');
const missing = (list: ResultChecklist, text: string) => list.items.filter((i) => !i.pattern.test(flat(text))).map((i) => i.id);

for (const list of [ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST, ASSEMBLY_RESULT_CHECKLIST, HEARING_RESULT_CHECKLIST, TENDER_FAILED_CHECKLIST]) {
  describe(`checklist ${list.kind}`, () => {
    it('item ids are unique', () => expect(new Set(list.items.map((i) => i.id)).size).toBe(list.items.length));

    it('a text holding every example passes it', () => {
      expect(missing(list, list.items.map((i) => i.example).join('\n'))).toEqual([]);
    });

    for (const item of list.items) {
      it(`${item.id}（${item.label}）is found in its example and missed without it`, () => {
        expect(item.pattern.test(flat(item.example))).toBe(true);
        const others = list.items.filter((i) => i !== item).map((i) => i.example);
        expect(missing(list, others.join('\n'))).toEqual([item.id]);
      });
    }
  });
}

describe('preliminary vs final wording', () => {
  it('the final announcement must not call itself preliminary, and the preliminary must not announce', () => {
    expect(ASSEMBLY_RESULT_CHECKLIST.forbidden![0].pattern.test('表决结果：通过（初步统计）')).toBe(true);
    expect(ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST.forbidden![0].pattern.test('特此公告。')).toBe(true);
    expect(ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST.forbidden![0].pattern.test('特此公示。')).toBe(false);
  });
});
