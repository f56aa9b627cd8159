import { AreaHundredths, isValidArea, parseArea } from '../area';

/** One row of the house register as read from the file, keyed by canonical column name. */
export interface RawRosterRow {
  line: number;
  values: Partial<Record<RosterColumn, string>>;
}

export type RosterColumn =
  | 'building'
  | 'stairwell'
  | 'room'
  | 'area'
  | 'areaSource'
  | 'status'
  | 'kind'
  | 'ownerName'
  | 'ownerKind'
  | 'mobile'
  | 'idNumber'
  | 'coOwners'
  | 'voter';

/** Header text accepted for each column (Chinese as committees write it, English for exports). */
export const ROSTER_HEADERS: Record<RosterColumn, string[]> = {
  building: ['楼栋', '楼号', '幢', 'building'],
  stairwell: ['单元', 'stairwell'],
  room: ['房号', '室', '房间号', 'room'],
  area: ['面积', '建筑面积', '专有部分面积', 'area'],
  areaSource: ['面积来源', 'area source', 'areasource'],
  status: ['状态', '房屋状态', 'status'],
  kind: ['类型', '房屋类型', 'kind'],
  ownerName: ['业主', '业主姓名', '姓名', 'owner', 'owner name'],
  ownerKind: ['业主类型', 'owner kind'],
  mobile: ['手机', '手机号', '联系电话', 'mobile'],
  idNumber: ['证件号', '身份证号', 'id number'],
  coOwners: ['共有人', 'co-owners', 'coowners'],
  voter: ['投票人', '指定投票人', 'voter'],
};

export const REQUIRED_COLUMNS: RosterColumn[] = ['building', 'room', 'area', 'areaSource'];

const AREA_SOURCES: Record<string, 'registry' | 'survey' | 'contract'> = {
  登记: 'registry',
  不动产登记: 'registry',
  产权登记: 'registry',
  registry: 'registry',
  实测: 'survey',
  测绘: 'survey',
  survey: 'survey',
  合同: 'contract',
  预测: 'contract',
  contract: 'contract',
};
const STATUSES: Record<string, 'sold' | 'unsold' | 'undelivered'> = {
  已售: 'sold',
  sold: 'sold',
  未售: 'unsold',
  unsold: 'unsold',
  未交付: 'undelivered',
  undelivered: 'undelivered',
};
const KINDS: Record<string, 'residential' | 'commercial' | 'parking'> = {
  住宅: 'residential',
  residential: 'residential',
  商业: 'commercial',
  商铺: 'commercial',
  commercial: 'commercial',
  车位: 'parking',
  车库: 'parking',
  parking: 'parking',
};
const OWNER_KINDS: Record<string, 'person' | 'organisation'> = {
  个人: 'person',
  person: 'person',
  单位: 'organisation',
  企业: 'organisation',
  organisation: 'organisation',
};

export const MOBILE = /^1\d{10}$/;
export const ID_NUMBER = /^[0-9A-Za-z]{6,20}$/;

export interface RosterPerson {
  name: string;
  mobile: string | null;
}

export interface RosterUnit {
  line: number;
  building: string;
  stairwell: string;
  room: string;
  number: string;
  areaHundredths: AreaHundredths;
  area: string;
  areaSource: 'registry' | 'survey' | 'contract';
  status: 'sold' | 'unsold' | 'undelivered';
  kind: 'residential' | 'commercial' | 'parking';
  /** Empty for developer-held (unsold / undelivered) units. */
  owners: (RosterPerson & { kind: 'person' | 'organisation'; idNumber: string | null; designated: boolean })[];
}

export interface RosterError {
  line: number;
  reason: string;
}

export function unitNumber(building: string, stairwell: string, room: string): string {
  return [building, stairwell, room].filter((part) => part !== '').join('-');
}

/** Maps a header cell to its column, or undefined for columns we do not know. */
export function columnForHeader(header: string): RosterColumn | undefined {
  const normalised = header
    .trim()
    .toLowerCase()
    .replace(/[（(].*[)）]/, '')
    .trim();
  for (const [column, names] of Object.entries(ROSTER_HEADERS) as [RosterColumn, string[]][]) {
    if (names.includes(normalised)) return column;
  }
  return undefined;
}

/** "姓名:手机; 姓名" → people. */
function parseCoOwners(text: string, line: number, errors: RosterError[]): RosterPerson[] {
  return text
    .split(/[;；,，、]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, mobile] = part.split(/[:：]/).map((s) => s.trim());
      if (mobile && !MOBILE.test(mobile)) errors.push({ line, reason: `共有人 ${name} 的手机号格式错误 "${mobile}"` });
      return { name, mobile: mobile || null };
    });
}

/**
 * Checks every row and collects every problem (not just the first), so the
 * committee can fix the whole file in one pass. Returns units only when the
 * file is entirely valid.
 */
export function validateRoster(rows: RawRosterRow[]): { units: RosterUnit[]; errors: RosterError[] } {
  const errors: RosterError[] = [];
  const units: RosterUnit[] = [];
  const seenNumbers = new Map<string, number>();
  const nameByMobile = new Map<string, { name: string; line: number }>();

  const checkMobile = (person: RosterPerson, line: number) => {
    if (!person.mobile) return;
    const seen = nameByMobile.get(person.mobile);
    if (seen && seen.name !== person.name) {
      errors.push({ line, reason: `手机号 ${person.mobile} 在第 ${seen.line} 行属于「${seen.name}」，此处为「${person.name}」` });
    } else if (!seen) {
      nameByMobile.set(person.mobile, { name: person.name, line });
    }
  };

  for (const { line, values } of rows) {
    const v = (column: RosterColumn) => (values[column] ?? '').trim();
    const before = errors.length;
    const building = v('building');
    const stairwell = v('stairwell');
    const room = v('room');
    if (!building) errors.push({ line, reason: '缺少楼栋 (building missing)' });
    if (!room) errors.push({ line, reason: '缺少房号 (room missing)' });
    const areaText = v('area');
    if (!areaText) errors.push({ line, reason: '缺少面积 (area missing)' });
    else if (!isValidArea(areaText) || parseArea(areaText) === 0n) {
      errors.push({ line, reason: `面积格式错误 "${areaText}"：应为大于 0、最多两位小数的平方米数` });
    }
    const areaSource = AREA_SOURCES[v('areaSource').toLowerCase()];
    if (!areaSource) errors.push({ line, reason: `面积来源 "${v('areaSource')}" 无效：应为 登记、实测 或 合同` });
    const status = v('status') ? STATUSES[v('status').toLowerCase()] : 'sold';
    if (!status) errors.push({ line, reason: `状态 "${v('status')}" 无效：应为 已售、未售 或 未交付` });
    const kind = v('kind') ? KINDS[v('kind').toLowerCase()] : 'residential';
    if (!kind) errors.push({ line, reason: `类型 "${v('kind')}" 无效：应为 住宅、商业 或 车位` });
    const ownerKind = v('ownerKind') ? OWNER_KINDS[v('ownerKind').toLowerCase()] : 'person';
    if (!ownerKind) errors.push({ line, reason: `业主类型 "${v('ownerKind')}" 无效：应为 个人 或 单位` });

    const number = unitNumber(building, stairwell, room);
    if (building && room) {
      const first = seenNumbers.get(number);
      if (first !== undefined) errors.push({ line, reason: `房屋 ${number} 与第 ${first} 行重复` });
      else seenNumbers.set(number, line);
    }

    const owners: RosterUnit['owners'] = [];
    const developerHeld = status === 'unsold' || status === 'undelivered';
    if (!developerHeld) {
      const name = v('ownerName');
      const mobile = v('mobile');
      const idNumber = v('idNumber');
      if (!name) errors.push({ line, reason: '已售房屋缺少业主姓名 (owner name missing)' });
      if (mobile && !MOBILE.test(mobile)) errors.push({ line, reason: `手机号格式错误 "${mobile}"：应为 11 位数字` });
      if (idNumber && !ID_NUMBER.test(idNumber)) errors.push({ line, reason: '证件号格式错误 (malformed id number)' });
      const main: RosterUnit['owners'][number] = {
        name,
        mobile: mobile || null,
        kind: ownerKind ?? 'person',
        idNumber: idNumber || null,
        designated: false,
      };
      const coOwners = parseCoOwners(v('coOwners'), line, errors).map((p) => ({
        ...p,
        kind: 'person' as const,
        idNumber: null,
        designated: false,
      }));
      owners.push(main, ...coOwners);
      const voter = v('voter');
      const designated = voter ? owners.find((o) => o.name === voter) : main;
      if (!designated) errors.push({ line, reason: `投票人「${voter}」不是该房屋的业主或共有人` });
      else designated.designated = true;
      const names = owners.map((o) => o.name);
      if (new Set(names).size !== names.length) errors.push({ line, reason: '同一房屋的业主和共有人姓名重复' });
      owners.forEach((person) => name && checkMobile(person, line));
    }

    if (errors.length === before) {
      units.push({
        line,
        building,
        stairwell,
        room,
        number,
        areaHundredths: parseArea(areaText),
        area: areaText,
        areaSource: areaSource!,
        status: status!,
        kind: kind!,
        owners,
      });
    }
  }
  if (rows.length === 0) errors.push({ line: 1, reason: '文件中没有数据行 (no data rows)' });
  return errors.length ? { units: [], errors } : { units, errors };
}
