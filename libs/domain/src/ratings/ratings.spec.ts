import { DomainError } from '../errors';
import { checkRatingScores, householdMeanHundredths, quarterOf, quarterRange, quarterVerdict } from './ratings';

const base = { households: 10, requestsFiled: 0, requestsSolved: 0, requestsOnTime: 0, rectificationsDue: 0, rectificationsOnTime: 0 };

describe('service ratings', () => {
  it('names quarters and their days', () => {
    expect(quarterOf('2026-12-31')).toBe('2026Q4');
    expect(quarterOf('2026-01-01')).toBe('2026Q1');
    expect(quarterOf('2026-06-30')).toBe('2026Q2');
    expect(quarterRange('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange('2024Q1').to).toBe('2024-03-31');
    expect(quarterRange('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('wants every published criterion, 1–5 whole stars, nothing else', () => {
    expect(checkRatingScores(['卫生', '维修'], { 卫生: 5, 维修: 3 })).toEqual({ 卫生: 5, 维修: 3 });
    for (const bad of [{ 卫生: 5 }, { 卫生: 6, 维修: 3 }, { 卫生: 4.5, 维修: 3 }, { 卫生: 5, 维修: 3, 绿化: 4 }]) {
      expect(() => checkRatingScores(['卫生', '维修'], bad)).toThrow(DomainError);
    }
    expect(householdMeanHundredths({ a: 5, b: 4, c: 4 })).toBe(433);
  });

  it('puts a well-rated, punctual company on the 红榜', () => {
    const v = quarterVerdict({ ...base, starsHundredthsSum: 4700, requestsFiled: 20, requestsOnTime: 19 });
    expect(v).toMatchObject({ averageHundredths: 470, compliancePerMille: 950, starLevel: 5, board: 'red' });
  });

  it('puts a badly rated or late company on the 黑榜 and lowers the stars for lateness', () => {
    expect(quarterVerdict({ ...base, starsHundredthsSum: 2500 })).toMatchObject({ starLevel: 3, board: 'black' });
    const late = quarterVerdict({ ...base, starsHundredthsSum: 4600, requestsFiled: 10, requestsOnTime: 5 });
    expect(late).toMatchObject({ compliancePerMille: 500, starLevel: 4, board: 'black' });
  });

  it('makes no board entry from too few households or none', () => {
    expect(quarterVerdict({ ...base, households: 2, starsHundredthsSum: 1000 }).board).toBe('none');
    expect(quarterVerdict({ ...base, households: 0, starsHundredthsSum: 0 })).toMatchObject({ starLevel: null, board: 'none' });
    expect(quarterVerdict({ ...base, starsHundredthsSum: 4000 }).board).toBe('none');
  });
});
