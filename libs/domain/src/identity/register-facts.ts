import { ID_NUMBER, MOBILE, type RawRosterRow, type RosterColumn, type RosterError, unitNumber } from '../registry/roster';
import { idNumberTail, mobileTail } from './activation';

/**
 * The fact an owner adds to an activation code (last 4 of the registered mobile, last 6 of the identity number)
 * must be one the committee, which issues the codes, has never seen: otherwise the committee alone could open any
 * owner's account. So the facts come from the residents' committee (居委会), from the property register
 * (不动产登记) it checks owners against, never from the committee's own roster; and a fact the committee's roster
 * reveals anyway (the same mobile tail as a contact number it holds, the same identity number) is withheld.
 */
export type RegisterFactKind = 'mobile_tail' | 'id_tail';

export interface RegisterFactLine {
  /** Registered mobile from the residents' committee's file, if any. */
  registeredMobile: string | null;
  /** Identity number from the residents' committee's file, if any. */
  idNumber: string | null;
}

export interface CommitteeKnowledge {
  /** Mobile numbers the committee's roster holds for this owner (contact numbers). */
  committeeMobiles: readonly (string | null)[];
  /** Whether the committee's roster holds this owner's identity number (same keyed hash). */
  committeeKnowsIdNumber: boolean;
}

export interface UsableFacts {
  mobileTail: string | null;
  idTail: string | null;
  /** Facts in the file that the committee could know, so they are not kept as activation facts. */
  withheld: RegisterFactKind[];
}

export function usableRegisterFacts(line: RegisterFactLine, committee: CommitteeKnowledge): UsableFacts {
  const withheld: RegisterFactKind[] = [];
  let tail = mobileTail(line.registeredMobile);
  if (tail && committee.committeeMobiles.some((m) => mobileTail(m) === tail)) {
    withheld.push('mobile_tail');
    tail = null;
  }
  let idTail = line.idNumber ? idNumberTail(line.idNumber) : null;
  if (idTail && committee.committeeKnowsIdNumber) {
    withheld.push('id_tail');
    idTail = null;
  }
  return { mobileTail: tail, idTail, withheld };
}

/** Columns of the residents' committee's facts file (证件号 and/or 手机 per owner; no areas). */
export const REGISTER_FACTS_COLUMNS: RosterColumn[] = ['building', 'room', 'ownerName'];

export interface RegisterFactsRow {
  line: number;
  unitNumber: string;
  ownerName: string;
  registeredMobile: string | null;
  idNumber: string | null;
}

/** Checks every line of the facts file; any error rejects the whole file (nothing is imported). */
export function validateRegisterFacts(rows: readonly RawRosterRow[]): { rows: RegisterFactsRow[]; errors: RosterError[] } {
  const out: RegisterFactsRow[] = [];
  const errors: RosterError[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const v = (key: RosterColumn) => (values[key] ?? '').trim();
    const building = v('building');
    const room = v('room');
    const ownerName = v('ownerName');
    const mobile = v('mobile').replace(/[\s-]/g, '');
    const idNumber = v('idNumber').toUpperCase();
    if (!building || !room) errors.push({ line, reason: '缺少楼栋或房号 (building or room missing)' });
    if (!ownerName) errors.push({ line, reason: '缺少业主姓名 (owner name missing)' });
    if (!mobile && !idNumber) errors.push({ line, reason: '手机号和证件号至少填一项 (mobile or id number required)' });
    if (mobile && !MOBILE.test(mobile)) errors.push({ line, reason: `手机号格式错误 "${mobile}"：应为 11 位数字` });
    if (idNumber && !ID_NUMBER.test(idNumber)) errors.push({ line, reason: '证件号格式错误 (malformed id number)' });
    const number = unitNumber(building, v('stairwell'), room);
    const key = `${number}\u0000${ownerName}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ line, reason: `房屋 ${number} 的业主 ${ownerName} 与第 ${first} 行重复` });
    else seen.set(key, line);
    out.push({ line, unitNumber: number, ownerName, registeredMobile: mobile || null, idNumber: idNumber || null });
  }
  if (rows.length === 0) errors.push({ line: 1, reason: '文件没有数据行 (no rows)' });
  return { rows: errors.length ? [] : out, errors };
}
