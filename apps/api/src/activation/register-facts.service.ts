import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { REGISTER_FACTS_COLUMNS, usableRegisterFacts, validateRegisterFacts } from '@gongyi/domain/identity/register-facts';
import { DataSource } from 'typeorm';
import { Invalid } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { hashIdNumber, hashRegisterFact } from '../registry/identity-number';
import { parseRosterFile } from '../registry/roster/roster-file.parser';

export interface RegisterFactsResult {
  rows: number;
  withMobileTail: number;
  withIdTail: number;
  /** Facts the committee's roster reveals (same contact-mobile tail, same identity number): not kept. */
  withheldMobileTail: number;
  withheldIdTail: number;
  /** Owners of the community (not the developer) who still have no fact after this import. */
  ownersWithoutFacts: number;
}

/**
 * The residents' committee (居委会) imports the facts owners add to their activation codes, from the property
 * register it checks owners against. The committee, which prints the codes, never sees them: the reply and the
 * decision record hold counts only, the owners table keyed hashes only (libs/domain/src/identity/register-facts.ts).
 */
@Injectable()
export class RegisterFactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
  ) {}

  async import(actorId: string, communityId: string, file: { buffer: Buffer; originalname: string }): Promise<RegisterFactsResult> {
    const parsed = await parseRosterFile(file.buffer, file.originalname, REGISTER_FACTS_COLUMNS);
    const checked = parsed.errors.length ? { rows: [], errors: parsed.errors } : validateRegisterFacts(parsed.rows);
    if (checked.errors.length) throw this.rejected(checked.errors);
    const pepper = this.config.idPepper;
    return this.dataSource.transaction(async (manager) => {
      const owners = await manager.query<
        { id: string; name: string; mobile: string | null; id_number_hash: string | null; number: string }[]
      >(
        `SELECT o.id, o.name, o.mobile, o.id_number_hash, u.number
         FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id JOIN units u ON u.id = uo.unit_id
         WHERE o.community_id = $1 AND o.kind <> 'developer' AND u.number = ANY($2::text[])
         FOR UPDATE OF o`,
        [communityId, [...new Set(checked.rows.map((r) => r.unitNumber))]],
      );
      const byUnitAndName = new Map(owners.map((o) => [`${o.number}\u0000${o.name}`, o]));
      const errors: { line: number; reason: string }[] = [];
      const updates = new Map<string, { mobileTailHash: string | null; idTailHash: string | null }>();
      const result: RegisterFactsResult = {
        rows: checked.rows.length,
        withMobileTail: 0,
        withIdTail: 0,
        withheldMobileTail: 0,
        withheldIdTail: 0,
        ownersWithoutFacts: 0,
      };
      for (const row of checked.rows) {
        const owner = byUnitAndName.get(`${row.unitNumber}\u0000${row.ownerName}`);
        if (!owner) {
          errors.push({ line: row.line, reason: `花名册中房屋 ${row.unitNumber} 没有名为「${row.ownerName}」的业主` });
          continue;
        }
        const facts = usableRegisterFacts(row, {
          committeeMobiles: [owner.mobile],
          committeeKnowsIdNumber: row.idNumber !== null && owner.id_number_hash === hashIdNumber(row.idNumber, pepper),
        });
        if (facts.mobileTail) result.withMobileTail++;
        if (facts.idTail) result.withIdTail++;
        if (facts.withheld.includes('mobile_tail')) result.withheldMobileTail++;
        if (facts.withheld.includes('id_tail')) result.withheldIdTail++;
        updates.set(owner.id, {
          mobileTailHash: facts.mobileTail ? hashRegisterFact('mobile_tail', facts.mobileTail, pepper) : null,
          idTailHash: facts.idTail ? hashRegisterFact('id_tail', facts.idTail, pepper) : null,
        });
      }
      if (errors.length) throw this.rejected(errors);
      const ids = [...updates.keys()];
      // The residents' committee's latest file is the register: its facts replace earlier ones for the owners it names.
      await manager.query(
        `UPDATE owners o SET mobile_tail_hash = v.m, id_tail_hash = v.i, facts_imported_by = $4, facts_imported_at = $5
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, m, i) WHERE o.id = v.id AND o.community_id = $6`,
        [
          ids,
          ids.map((id) => updates.get(id)!.mobileTailHash),
          ids.map((id) => updates.get(id)!.idTailHash),
          actorId,
          this.clock.now(),
          communityId,
        ],
      );
      const [{ n }] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM owners WHERE community_id = $1 AND kind <> 'developer' AND user_id IS NULL
           AND mobile_tail_hash IS NULL AND id_tail_hash IS NULL`,
        [communityId],
      );
      result.ownersWithoutFacts = n;
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.register_facts_imported',
        subjectType: 'community',
        subjectId: communityId,
        payload: { fileSha256: sha256Hex(file.buffer), ...result },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'committee_director',
        subject: '居委会已导入业主核验信息',
        body: `居委会已导入 ${ids.length} 户业主的核验信息（业委会看不到其内容），这些业主的激活通知书现在可以发放。`,
        subjectType: 'community',
        subjectId: communityId,
      });
      return result;
    });
  }

  private rejected(errors: { line: number; reason: string }[]): Invalid {
    return new Invalid(
      `核验信息文件有 ${errors.length} 处错误，未导入任何数据 (register facts file has errors; nothing imported)`,
      'register_facts_invalid',
      {
        errors,
      },
    );
  }
}
