import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVATION_STATUS_LABELS,
  activationExpiry,
  activationStatus,
  type ActivationStatus,
  DEFAULT_ACTIVATION_EXPIRY_DAYS,
  ownerActivationLocked,
} from '@gongyi/domain/identity/activation';
import { renderActivationLetters } from '@gongyi/pdf/templates/activation-letters';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Conflict, NotFound } from '../common/app-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { hashActivationCode, newActivationCode } from './activation-code';

export interface OwnerActivationRow {
  ownerId: string;
  name: string;
  units: string[];
  buildingIds: string[];
  status: ActivationStatus;
  statusLabel: string;
  /** Too many wrong facts across letters: no new letter until the residents' committee has checked the owner. */
  locked: boolean;
  /** The residents' committee has imported a fact for this owner (without one no letter is printed). */
  registerFact: boolean;
  issuedAt: string | null;
  expiresAt: string | null;
}

export interface IssuedLetter {
  ownerId: string;
  ownerName: string;
  units: string[];
  code: string;
  expiresAt: string;
}

interface OwnerRow {
  id: string;
  name: string;
  mobile: string | null;
  /** A fact the residents' committee imported (the owner's letter can work only then). */
  has_fact: boolean;
  user_id: string | null;
  units: string[];
  building_ids: string[];
  issued_at: Date | null;
  expires_at: Date | null;
  used_at: Date | null;
  revoked_at: Date | null;
  failures: number;
}

const DEFAULT_HELP = '请联系本小区业主委员会，或到社区居委会咨询。激活码遗失或过期可申请补发。';

/**
 * The committee's side of owner accounts: it prints activation letters and sees who has activated; it never
 * sees or sets a password, and a code alone opens nothing (the owner adds a fact only the register holds).
 */
@Injectable()
export class ActivationLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly rulebook: RulebookService,
  ) {}

  /** Owners who can get a letter (not the developer, who votes on paper), with their newest letter. */
  private async ownerRows(
    manager: EntityManager,
    communityId: string,
    filter: { buildingId?: string; ownerIds?: string[]; q?: string },
  ): Promise<OwnerRow[]> {
    return manager.query<OwnerRow[]>(
      `SELECT o.id, o.name, o.mobile, (o.mobile_tail_hash IS NOT NULL OR o.id_tail_hash IS NOT NULL) AS has_fact, o.user_id,
              array_agg(DISTINCT u.number ORDER BY u.number) AS units,
              array_agg(DISTINCT u.building_id::text) AS building_ids,
              l.issued_at, l.expires_at, l.used_at, l.revoked_at,
              (SELECT coalesce(sum(f.failed_attempts), 0)::int FROM activation_letters f WHERE f.owner_id = o.id) AS failures
       FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id JOIN units u ON u.id = uo.unit_id
       LEFT JOIN LATERAL (SELECT al.issued_at, al.expires_at, al.used_at, al.revoked_at FROM activation_letters al
                          WHERE al.owner_id = o.id ORDER BY al.issued_at DESC LIMIT 1) l ON true
       WHERE o.community_id = $1 AND o.kind <> 'developer'
         AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM unit_owners x JOIN units y ON y.id = x.unit_id
                                          WHERE x.owner_id = o.id AND y.building_id = $2))
         AND ($3::uuid[] IS NULL OR o.id = ANY($3))
         AND ($4::text IS NULL OR o.name ILIKE $4 OR u.number ILIKE $4)
       GROUP BY o.id, l.issued_at, l.expires_at, l.used_at, l.revoked_at
       ORDER BY min(u.number), o.name`,
      [communityId, filter.buildingId ?? null, filter.ownerIds ?? null, filter.q?.trim() ? `%${filter.q.trim()}%` : null],
    );
  }

  private status(row: OwnerRow, now: Date): ActivationStatus {
    return activationStatus(
      {
        linked: row.user_id !== null,
        latest: row.expires_at ? { expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at } : null,
      },
      now,
    );
  }

  async list(
    communityId: string,
    query: { buildingId?: string; status?: ActivationStatus; q?: string; page?: number; pageSize?: number; ownerIds?: string[] },
  ): Promise<{ total: number; page: number; pageSize: number; items: OwnerActivationRow[] }> {
    const now = this.clock.now();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const rows = (await this.ownerRows(this.dataSource.manager, communityId, query))
      .map((row) => ({ row, status: this.status(row, now) }))
      .filter((r) => !query.status || r.status === query.status);
    return {
      total: rows.length,
      page,
      pageSize,
      items: rows.slice((page - 1) * pageSize, page * pageSize).map(({ row, status }) => ({
        ownerId: row.id,
        name: row.name,
        units: row.units,
        buildingIds: row.building_ids,
        status,
        statusLabel: ACTIVATION_STATUS_LABELS[status],
        locked: status !== 'activated' && ownerActivationLocked(row.failures),
        registerFact: row.has_fact,
        issuedAt: row.issued_at?.toISOString() ?? null,
        expiresAt: row.expires_at?.toISOString() ?? null,
      })),
    };
  }

  /** Per building: how many owners are in each status (an owner with units in two buildings counts in both). */
  async buildingCounts(communityId: string) {
    const now = this.clock.now();
    const buildings = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM buildings WHERE community_id = $1 ORDER BY name`,
      [communityId],
    );
    const counts = new Map(
      buildings.map((b) => [
        b.id,
        { buildingId: b.id, name: b.name, total: 0, not_issued: 0, issued: 0, activated: 0, expired: 0 } as Record<string, number | string>,
      ]),
    );
    for (const row of await this.ownerRows(this.dataSource.manager, communityId, {})) {
      const status = this.status(row, now);
      for (const id of row.building_ids) {
        const c = counts.get(id);
        if (!c) continue;
        c.total = (c.total as number) + 1;
        c[status] = (c[status] as number) + 1;
      }
    }
    return [...counts.values()];
  }

  /**
   * Issues codes and renders the letters (one A4 page each). `reissue` (or naming owners) replaces live
   * codes, which die at once; otherwise owners whose code is still valid are skipped. Activated owners never
   * get a letter. The codes exist only in this reply and the PDF.
   */
  async issue(
    actorId: string,
    communityId: string,
    input: { ownerIds?: string[]; buildingId?: string; reissue?: boolean; help?: string },
  ): Promise<{ letters: IssuedLetter[]; pdf: () => Promise<Buffer> }> {
    const issuedAt = this.clock.now();
    const { community, letters } = await this.dataSource.transaction(async (manager) => {
      const [community] = await manager.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
      if (input.buildingId) {
        const [building] = await manager.query('SELECT 1 FROM buildings WHERE id = $1 AND community_id = $2', [
          input.buildingId,
          communityId,
        ]);
        if (!building) throw new NotFound('楼栋 building');
      }
      const rows = await this.ownerRows(manager, communityId, input);
      if (input.ownerIds) {
        const found = new Set(rows.map((r) => r.id));
        const missing = input.ownerIds.find((id) => !found.has(id));
        if (missing) throw new NotFound('业主 owner');
        const linked = rows.find((r) => r.user_id !== null);
        if (linked) throw new Conflict(`业主 ${linked.name} 已激活网上账号，无需发放激活通知书 (owner already activated)`, 'owner_linked');
        const factless = rows.find((r) => !r.has_fact);
        if (factless)
          throw new Conflict(
            `业主 ${factless.name} 尚无居委会导入的核验信息，激活码无法使用：请先请居委会导入核验信息 (no register fact from the residents' committee)`,
            'register_fact_missing',
          );
        const locked = rows.find((r) => ownerActivationLocked(r.failures));
        if (locked)
          throw new Conflict(
            `业主 ${locked.name} 的核验信息已累计输错过多，不再发放激活码，请业主本人携带证件到居委会核实 (too many wrong facts for this owner)`,
            'activation_locked',
          );
      }
      const replace = input.reissue || input.ownerIds !== undefined;
      const targets = rows.filter((r) => {
        // Without a fact from the residents' committee a code could never be used: no letter is printed for it.
        if (r.user_id !== null || !r.has_fact || ownerActivationLocked(r.failures)) return false;
        const status = this.status(r, issuedAt);
        return replace || status === 'not_issued' || status === 'expired';
      });
      const settings = (await this.rulebook.current(communityId, manager)).settings;
      const expiresAt = activationExpiry(issuedAt, settings.activationExpiryDays ?? DEFAULT_ACTIVATION_EXPIRY_DAYS);
      const ids = targets.map((t) => t.id);
      // The old code of each owner dies before the new one exists (one live code per owner, enforced by an index).
      await manager.query(
        `UPDATE activation_letters SET revoked_at = $3, revoked_by = $2
         WHERE owner_id = ANY($1) AND used_at IS NULL AND revoked_at IS NULL`,
        [ids, actorId, issuedAt],
      );
      const pepper = this.config.idPepper;
      const letters = targets.map((t) => ({ ownerId: t.id, ownerName: t.name, units: t.units, code: newActivationCode() }));
      await manager.query(
        `INSERT INTO activation_letters (community_id, owner_id, code_hash, issued_by, issued_at, expires_at)
         SELECT $1, v.owner_id, v.code_hash, $4, $5, $6 FROM unnest($2::uuid[], $3::text[]) AS v(owner_id, code_hash)`,
        [communityId, letters.map((l) => l.ownerId), letters.map((l) => hashActivationCode(l.code, pepper)), actorId, issuedAt, expiresAt],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.activation_letters_issued',
        subjectType: 'community',
        subjectId: communityId,
        payload: { count: letters.length, buildingId: input.buildingId ?? null, ownerIds: ids, expiresAt: expiresAt.toISOString() },
      });
      return { community, letters: letters.map((l) => ({ ...l, expiresAt: expiresAt.toISOString() })) };
    });
    return {
      letters,
      pdf: () =>
        renderActivationLetters({
          communityName: community.name,
          publicUrl: this.config.publicUrl,
          help: input.help?.trim() || DEFAULT_HELP,
          issuedAt,
          letters: letters.map((l) => ({ ...l, expiresAt: new Date(l.expiresAt) })),
        }),
    };
  }

  /**
   * The residents' committee, having checked the owner in person, lifts the lock that too many wrong facts put
   * on new letters. It cannot issue letters itself, and the committee cannot lift the lock: guessing stays two-party.
   */
  async unlock(actorId: string, communityId: string, ownerId: string): Promise<OwnerActivationRow> {
    await this.dataSource.transaction(async (manager) => {
      const [owner] = await manager.query<{ failures: number }[]>(
        `SELECT (SELECT coalesce(sum(failed_attempts), 0)::int FROM activation_letters WHERE owner_id = o.id) AS failures
         FROM owners o WHERE o.id = $1 AND o.community_id = $2 FOR UPDATE`,
        [ownerId, communityId],
      );
      if (!owner) throw new NotFound('业主 owner');
      if (!ownerActivationLocked(owner.failures)) throw new Conflict('该业主的激活未被锁定 (owner is not locked)', 'activation_not_locked');
      await manager.query(`UPDATE activation_letters SET failed_attempts = 0 WHERE owner_id = $1 AND community_id = $2`, [
        ownerId,
        communityId,
      ]);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.activation_unlocked',
        subjectType: 'owner',
        subjectId: ownerId,
        payload: { failures: owner.failures },
      });
    });
    return (await this.list(communityId, { ownerIds: [ownerId] })).items[0];
  }

  /** Kills the owner's live code (lost letter, wrong person): the owner shows 未发放 until a new letter. */
  async revoke(actorId: string, communityId: string, ownerId: string): Promise<OwnerActivationRow> {
    await this.dataSource.transaction(async (manager) => {
      const [owner] = await manager.query('SELECT 1 FROM owners WHERE id = $1 AND community_id = $2', [ownerId, communityId]);
      if (!owner) throw new NotFound('业主 owner');
      // An UPDATE through TypeORM's query() answers [rows, affected count].
      const [revoked] = await manager.query<[{ id: string }[], number]>(
        `UPDATE activation_letters SET revoked_at = $3, revoked_by = $2
         WHERE owner_id = $1 AND community_id = $4 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [ownerId, actorId, this.clock.now(), communityId],
      );
      if (revoked.length === 0) throw new Conflict('该业主没有可作废的激活码 (no live activation code)', 'no_live_code');
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.activation_letter_revoked',
        subjectType: 'owner',
        subjectId: ownerId,
        payload: { letterId: revoked[0].id },
      });
    });
    return (await this.list(communityId, { ownerIds: [ownerId] })).items[0];
  }
}
