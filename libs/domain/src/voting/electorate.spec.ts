import { assertElectorate, describeElectorate, electorateUnits, inElectorate, WHOLE_COMMUNITY } from './electorate';

const units = [
  { id: 'a', buildingId: 'b1', stairwell: '1' },
  { id: 'b', buildingId: 'b1', stairwell: '2' },
  { id: 'c', buildingId: 'b2', stairwell: '1' },
  { id: 'd', buildingId: 'b3', stairwell: '' },
];
const names: Record<string, string> = { b1: '1幢', b2: '2', b3: '地下车库' };

describe('electorate of a vote', () => {
  it('the whole community by default', () => {
    expect(assertElectorate(undefined)).toEqual(WHOLE_COMMUNITY);
    expect(electorateUnits(units, WHOLE_COMMUNITY).map((u) => u.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(describeElectorate(WHOLE_COMMUNITY, (id) => names[id])).toBe('本小区全体业主');
  });

  it('one stairwell: only the owners of that 单元', () => {
    const e = assertElectorate({ scope: 'part', buildingIds: [], stairwells: [{ buildingId: 'b1', stairwell: ' 2 ' }] });
    expect(electorateUnits(units, e).map((u) => u.id)).toEqual(['b']);
    expect(describeElectorate(e, (id) => names[id])).toBe('1幢2单元的业主（仅限上述楼栋/单元）');
  });

  it('whole buildings and stairwells together', () => {
    const e = assertElectorate({ scope: 'part', buildingIds: ['b3'], stairwells: [{ buildingId: 'b2', stairwell: '1' }] });
    expect(electorateUnits(units, e).map((u) => u.id)).toEqual(['c', 'd']);
    expect(inElectorate(units[0], e)).toBe(false);
    expect(describeElectorate(e, (id) => names[id])).toBe('地下车库、2幢1单元的业主（仅限上述楼栋/单元）');
  });

  it.each([
    [{ scope: 'part', buildingIds: [], stairwells: [] }, /至少选择一个/],
    [{ scope: 'somewhere' }, /表决范围无效/],
    [{ scope: 'part', buildingIds: ['b1', 'b1'], stairwells: [] }, /重复/],
    [{ scope: 'part', buildingIds: [], stairwells: [{ buildingId: 'b1', stairwell: ' ' }] }, /单元无效/],
    [{ scope: 'part', buildingIds: [3], stairwells: [] }, /楼栋无效/],
  ])('refuses %o in Chinese', (value, message) => {
    expect(() => assertElectorate(value)).toThrow(message);
  });
});
