import { Form, Radio, Select } from 'antd';
import type { Building, Electorate } from '../../api';

export interface ElectorateValue {
  scope: 'community' | 'part';
  /** 'b:<buildingId>' for a whole building, 's:<buildingId>:<stairwell>' for one 单元. */
  parts?: string[];
}

/** The form value as the API's electorate. */
export function toElectorate(value: ElectorateValue | undefined): Electorate {
  // Only an explicit choice of 部分楼栋 narrows the vote; an untouched field means the whole community.
  if (value?.scope !== 'part') return { scope: 'community' };
  const parts = value.parts ?? [];
  return {
    scope: 'part',
    buildingIds: parts.filter((p) => p.startsWith('b:')).map((p) => p.slice(2)),
    stairwells: parts
      .filter((p) => p.startsWith('s:'))
      .map((p) => {
        const [, buildingId, ...rest] = p.split(':');
        return { buildingId, stairwell: rest.join(':') };
      }),
  };
}

/** The API's electorate as the form value (editing a draft shows the scope it was saved with). */
export function fromElectorate(electorate: Electorate | undefined): ElectorateValue {
  if (!electorate || electorate.scope === 'community') return { scope: 'community' };
  return {
    scope: 'part',
    parts: [
      ...(electorate.buildingIds ?? []).map((id) => `b:${id}`),
      ...(electorate.stairwells ?? []).map((s) => `s:${s.buildingId}:${s.stairwell}`),
    ],
  };
}

/** 「3」 → 「3幢」, as libs/domain's buildingLabel prints it. */
const label = (name: string) => (/(幢|栋|楼|座|库|区)$/.test(name) ? name : `${name}幢`);

/** 表决范围: all owners, or the owners of chosen buildings / 单元 (加装电梯 is decided by that 单元). */
export function ElectorateField({ buildings }: { buildings: Building[] }) {
  const scope = Form.useWatch(['electorate', 'scope']);
  const options = buildings.map((b) => ({
    label: label(b.name),
    options: [
      { value: `b:${b.id}`, label: `${label(b.name)}（整栋）` },
      ...b.stairwells.map((s) => ({ value: `s:${b.id}:${s}`, label: `${label(b.name)}${s}单元` })),
    ],
  }));
  return (
    <>
      <Form.Item name={['electorate', 'scope']} label="表决范围">
        <Radio.Group
          data-testid="electorate-scope"
          options={[
            { value: 'community', label: '本小区全体业主' },
            { value: 'part', label: '部分楼栋 / 单元的业主（如加装电梯）' },
          ]}
        />
      </Form.Item>
      {scope === 'part' && (
        <Form.Item
          name={['electorate', 'parts']}
          label="参与表决的楼栋或单元"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个楼栋或单元' }]}
        >
          <Select mode="multiple" options={options} placeholder="选择楼栋或单元" data-testid="electorate-parts" />
        </Form.Item>
      )}
    </>
  );
}
