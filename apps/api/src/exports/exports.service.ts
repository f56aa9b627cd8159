import { UNIT_STATUS_LABELS_ZH } from '@gongyi/domain/labels';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { naturalCompare, naturalCompareLists } from '@gongyi/domain/registry/natural-order';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/app-error';
import { maskMobile } from '../registry/identity-number';
import { VoteResultsService } from '../voting/vote-results.service';
import type { Table } from './table-file';

const UNIT_KIND: Record<string, string> = { residential: '住宅', commercial: '商业', parking: '车位' };
const UNIT_STATUS: Record<string, string> = UNIT_STATUS_LABELS_ZH;
const AREA_SOURCE: Record<string, string> = { registry: '登记', survey: '实测', contract: '合同' };
const ENTRY_KIND: Record<string, string> = { income: '收入', cost: '支出', transfer: '转入维修资金' };

/** Integer fen → "1234.50" by string arithmetic. */
function yuan(fen: string): string {
  const negative = fen.startsWith('-');
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/** The lists people print or open in a spreadsheet: units, owners (masked), the ledger, the canvassing list. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: VoteResultsService,
  ) {}

  private async communityName(communityId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
    if (!row) throw new NotFound('小区');
    return row.name;
  }

  async units(communityId: string): Promise<Table> {
    const rows = await this.dataSource.query<Record<string, string>[]>(
      `SELECT u.number, b.name AS building, u.kind, u.exclusive_area::text AS area, u.area_source, u.status,
              coalesce(string_agg(CASE WHEN o.kind = 'person' THEN left(o.name, 1) || '**' ELSE o.name END, '、' ORDER BY o.name), '') AS owners
         FROM units u JOIN buildings b ON b.id = u.building_id
         LEFT JOIN unit_owners uo ON uo.unit_id = u.id LEFT JOIN owners o ON o.id = uo.owner_id
        WHERE u.community_id = $1 GROUP BY u.id, b.name`,
      [communityId],
    );
    rows.sort((a, b) => naturalCompare(a.number, b.number));
    return {
      title: `${await this.communityName(communityId)}-房屋列表`,
      columns: ['房号', '楼栋', '类型', '专有面积（平方米）', '面积来源', '状态', '业主'],
      rows: rows.map((r) => [
        r.number,
        r.building,
        UNIT_KIND[r.kind] ?? r.kind,
        r.area,
        AREA_SOURCE[r.area_source] ?? r.area_source,
        UNIT_STATUS[r.status] ?? r.status,
        r.owners,
      ]),
    };
  }

  /** Owners with the mobile masked and the identity number as stored (masked); never the full numbers. */
  async owners(communityId: string): Promise<Table> {
    const rows = await this.dataSource.query<
      {
        name: string;
        kind: string;
        mobile: string | null;
        id_number_masked: string | null;
        units: string[];
        area: string;
        has_account: boolean;
      }[]
    >(
      `SELECT o.name, o.kind, o.mobile, o.id_number_masked, array_agg(u.number) AS units, sum(u.exclusive_area)::text AS area,
              o.user_id IS NOT NULL AS has_account
         FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id JOIN units u ON u.id = uo.unit_id
        WHERE o.community_id = $1 GROUP BY o.id`,
      [communityId],
    );
    for (const r of rows) r.units.sort(naturalCompare);
    rows.sort((a, b) => naturalCompareLists(a.units, b.units));
    return {
      title: `${await this.communityName(communityId)}-业主名册`,
      columns: ['业主', '房号', '面积合计（平方米）', '手机（脱敏）', '证件号（脱敏）', '网上账号'],
      rows: rows.map((r) => [
        r.name,
        r.units.join('、'),
        r.area,
        maskMobile(r.mobile) ?? '',
        r.id_number_masked ?? '',
        r.has_account ? '已开通' : '未开通',
      ]),
    };
  }

  async ledger(communityId: string): Promise<Table> {
    const rows = await this.dataSource.query<Record<string, string>[]>(
      `SELECT seq::text, entry_date::text AS date, kind, category, amount_fen::text AS amount, counterparty, coalesce(evidence_ref, '') AS evidence,
              note, CASE WHEN reverses_id IS NULL THEN '' ELSE '冲正' END AS reversal
         FROM ledger_entries WHERE community_id = $1 ORDER BY seq`,
      [communityId],
    );
    return {
      title: `${await this.communityName(communityId)}-公共收益台账`,
      columns: ['序号', '日期', '类别', '科目', '金额（元）', '对方', '凭证号', '说明', '冲正'],
      rows: rows.map((r) => [
        r.seq,
        r.date,
        ENTRY_KIND[r.kind] ?? r.kind,
        r.category,
        yuan(r.amount),
        r.counterparty,
        r.evidence,
        r.note,
        r.reversal,
      ]),
    };
  }

  /** 扫楼名单: owners who have not voted yet, by building, units in natural order (201 before 1001). */
  async canvassing(communityId: string, voteId: string): Promise<Table> {
    const list = await this.results.canvassing(communityId, voteId);
    const [vote] = await this.dataSource.query<{ title: string }[]>('SELECT title FROM assembly_votes WHERE id = $1', [voteId]);
    return {
      title: `${vote?.title ?? '表决'}-扫楼名单`,
      columns: ['楼栋', '房号', '业主', '面积（平方米）', '已投议案数'],
      rows: list.buildings.flatMap((b) =>
        b.electors.map((e) => [b.building, e.unitNumbers.join('、'), e.name, e.area, String(e.motionsVoted)]),
      ),
    };
  }
}
