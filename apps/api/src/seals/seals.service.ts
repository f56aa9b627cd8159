import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { describeCertificate, issueSealCertificate } from '@gongyi/pdf';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RootCaService } from '../documents/root-ca.service';
import { CrlService } from '../documents/crl.service';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { RolesService } from '../identity/roles.service';
import type { CommunityRole } from '../identity/roles';
import { RecordService } from '../record/record.service';
import { RegistryService } from '../registry/registry.service';
import { SealCustodian } from './entities/seal-custodian.entity';
import { SealKeysService } from './seal-keys.service';
import { SEAL_KINDS, Seal, type SealKind } from './entities/seal.entity';

/** Who keeps a new seal unless reassigned: the assembly seal the 居委会, the committee seal the director. */
export const DEFAULT_CUSTODIAN_ROLE: Record<SealKind, CommunityRole> = { assembly: 'residents_committee', committee: 'committee_director' };

// pg_advisory_xact_lock namespace: issuing a community's seals one at a time.
const SEAL_ISSUE_LOCK = 47;

const PUBLIC_FIELDS = {
  id: true,
  communityId: true,
  kind: true,
  term: true,
  status: true,
  commonName: true,
  serialNumber: true,
  fingerprint: true,
  notBefore: true,
  notAfter: true,
  issuedBy: true,
  issuedAt: true,
  retiredAt: true,
  retiredBy: true,
  retireReason: true,
} as const;

/** Seals, their certificates and custodians. A seal key is opened only by a custodian's PIN, in memory, to sign. */
@Injectable()
export class SealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rootCa: RootCaService,
    private readonly roles: RolesService,
    private readonly registry: RegistryService,
    private readonly record: RecordService,
    private readonly keys: SealKeysService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async list(communityId: string) {
    const seals = await this.dataSource
      .getRepository(Seal)
      .find({ where: { communityId }, order: { kind: 'ASC', term: 'DESC' }, select: PUBLIC_FIELDS });
    const custodians = await this.custodians(
      this.dataSource.manager,
      seals.map((s) => s.id),
    );
    return seals.map((s) => ({ ...s, custodians: custodians.filter((c) => c.sealId === s.id).map(({ sealId: _s, ...c }) => c) }));
  }

  async get(communityId: string, sealId: string) {
    const seal = (await this.list(communityId)).find((s) => s.id === sealId);
    if (!seal) throw new NotFound('印章 seal');
    return seal;
  }

  async certificate(communityId: string, sealId: string): Promise<{ pem: string; filename: string }> {
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id: sealId, communityId });
    if (!seal) throw new NotFound('印章 seal');
    return { pem: seal.certPem, filename: `seal-${seal.kind}-t${seal.term}.pem` };
  }

  /** Issues the seals of a new term; the previous term's active seal of each kind is retired in the same step. */
  async issue(actorId: string, communityId: string, term: number, kinds: SealKind[] = [...SEAL_KINDS]) {
    const community = await this.registry.getCommunity(communityId);
    const roles = await this.roles.list(communityId);
    const holdersOf = (kind: SealKind) => [
      ...new Set(roles.filter((r) => r.active && r.role === DEFAULT_CUSTODIAN_ROLE[kind]).map((r) => r.userId)),
    ];
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SEAL_ISSUE_LOCK, communityId]);
      // Custody is decided by its own party (the residents' committee; two committee members), not by who cuts
      // the seals: a new term keeps the custodians in office of the last term (still holding a role), and only a
      // first term starts with the default holders. Otherwise one director could retire a seal, cut a new term and
      // be its custodian again, undoing the committee's decision alone.
      const custodiansFor = new Map<SealKind, string[]>();
      for (const kind of SEAL_KINDS) {
        const [last] = await manager.find(Seal, { where: { communityId, kind }, order: { term: 'DESC' }, take: 1 });
        const decided = last
          ? (await this.custodians(manager, [last.id])).filter((c) => c.active && c.roles.length > 0).map((c) => c.userId)
          : [];
        custodiansFor.set(kind, decided.length ? [...new Set(decided)] : holdersOf(kind));
      }
      const both = custodiansFor.get('assembly')!.filter((u) => custodiansFor.get('committee')!.includes(u));
      if (both.length)
        throw new Conflict('同一人不能同时保管本小区的业主大会章和业委会章：请先调整其职务', 'custody_both_seals', { userIds: both });
      const ca = await this.rootCa.keyAndCertificate();
      const now = this.clock.now();
      for (const kind of kinds) {
        const [{ latest }] = await manager.query<{ latest: number | null }[]>(
          'SELECT max(term) AS latest FROM seals WHERE community_id = $1 AND kind = $2',
          [communityId, kind],
        );
        if (latest !== null && term <= latest) {
          throw new Conflict(`届别须大于已刻制的第${latest}届 (term must be later than ${latest})`, 'term_not_new', { kind, latest });
        }
        const previous = await manager.findOneBy(Seal, { communityId, kind, status: 'active' });
        if (previous) await this.retireIn(manager, actorId, previous, `第${term}届印章启用，旧章停用`);
        const id = randomUUID();
        const issued = issueSealCertificate(ca, {
          kind,
          communityName: community.name,
          communityCode: communityId,
          term,
          now,
          crlUrl: CrlService.url(this.config.publicUrl),
        });
        const info = describeCertificate(issued.certPem);
        await manager.insert(Seal, {
          id,
          communityId,
          kind,
          term,
          status: 'active',
          commonName: info.commonName,
          certPem: issued.certPem,
          // Never stored in a form the server can open alone: only PIN-protected copies for the custodians.
          keyEncrypted: null,
          serialNumber: info.serialNumber,
          fingerprint: info.fingerprint256,
          notBefore: info.notBefore,
          notAfter: info.notAfter,
          issuedBy: actorId,
          issuedAt: now,
        });
        const holders = custodiansFor.get(kind)!;
        if (holders.length)
          await manager.insert(
            SealCustodian,
            holders.map((userId) => ({ communityId, sealId: id, userId, assignedBy: actorId, assignedAt: now })),
          );
        // The key exists in clear only here, in memory: a copy for each custodian who has set a seal PIN.
        const keyHolders = await this.keys.wrapForCustodians(manager, communityId, id, issued.keyPem, holders);
        if (keyHolders.length === 0)
          throw new Conflict(
            `${kind === 'assembly' ? '业主大会章' : '业委会章'}的保管人（${kind === 'assembly' ? '居委会' : '业委会主任'}）须先设置用章密码，才能刻制印章`,
            'custodian_pin_missing',
            { kind },
          );
        await this.record.append(manager, {
          communityId,
          actorId,
          action: 'seals.issued',
          subjectType: 'seal',
          subjectId: id,
          payload: {
            kind,
            term,
            commonName: info.commonName,
            serialNumber: info.serialNumber,
            fingerprint: info.fingerprint256,
            notAfter: info.notAfter,
            custodians: holders,
            keyHolders,
          },
        });
      }
    });
    return this.list(communityId);
  }

  async retire(actorId: string, communityId: string, sealId: string, reason: string) {
    await this.dataSource.transaction(async (manager) => {
      const seal = await manager.findOne(Seal, { where: { id: sealId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!seal) throw new NotFound('印章 seal');
      if (seal.status !== 'active') throw new Conflict('印章已停用 (seal already retired)', 'seal_retired');
      await this.retireIn(manager, actorId, seal, reason);
    });
    return this.get(communityId, sealId);
  }

  async findActive(manager: EntityManager, communityId: string, kind: SealKind): Promise<Seal | null> {
    return manager.findOneBy(Seal, { communityId, kind, status: 'active' });
  }

  async activeCustodians(
    manager: EntityManager,
    sealId: string,
  ): Promise<{ userId: string; displayName: string; roles: CommunityRole[] }[]> {
    return (await this.custodians(manager, [sealId])).filter((c) => c.active);
  }

  private async retireIn(manager: EntityManager, actorId: string, seal: Seal, reason: string) {
    await manager.update(
      Seal,
      { id: seal.id },
      { status: 'retired', retiredAt: this.clock.now(), retiredBy: actorId, retireReason: reason },
    );
    await this.record.append(manager, {
      communityId: seal.communityId,
      actorId,
      action: 'seals.retired',
      subjectType: 'seal',
      subjectId: seal.id,
      payload: { kind: seal.kind, term: seal.term, serialNumber: seal.serialNumber, reason },
    });
  }

  private async custodians(manager: EntityManager, sealIds: string[]) {
    if (sealIds.length === 0) return [];
    const rows = await manager.query<
      {
        seal_id: string;
        user_id: string;
        display_name: string;
        has_key: boolean;
        assigned_at: Date;
        ended_at: Date | null;
        roles: CommunityRole[] | null;
      }[]
    >(
      `SELECT sc.seal_id, sc.user_id, u.display_name, sc.assigned_at, sc.ended_at,
              EXISTS (SELECT 1 FROM seal_key_copies k WHERE k.seal_id = sc.seal_id AND k.user_id = sc.user_id) AS has_key,
              (SELECT array_agg(DISTINCT ra.role) FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
                WHERE ra.user_id = sc.user_id AND ra.community_id = sc.community_id
                  AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date
                  AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)) AS roles
       FROM seal_custodians sc JOIN users u ON u.id = sc.user_id
       WHERE sc.seal_id = ANY($1) ORDER BY sc.assigned_at, u.display_name`,
      [sealIds],
    );
    return rows.map((r) => ({
      sealId: r.seal_id,
      userId: r.user_id,
      displayName: r.display_name,
      roles: r.roles ?? [],
      assignedAt: r.assigned_at,
      endedAt: r.ended_at,
      active: r.ended_at === null,
      /** Holds a PIN-protected copy of the seal key (can apply the seal). */
      hasKey: r.has_key,
    }));
  }
}
