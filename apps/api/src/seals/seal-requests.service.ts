import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { signPdf } from '@gongyi/pdf';
import { isArt278Category, type MatterCategory } from '@gongyi/domain/voting/matter';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService, orderSeals } from '../documents/documents.service';
import { RootCaService } from '../documents/root-ca.service';
import { AppliedSeal } from '../documents/entities/document-file.entity';
import { COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { SealLogEntry } from './entities/seal-log-entry.entity';
import { SealRequest } from './entities/seal-request.entity';
import { Seal, type SealKind } from './entities/seal.entity';
import { DEFAULT_CUSTODIAN_ROLE, SealsService } from './seals.service';

export interface NewSealRequest {
  documentId: string;
  agendaItemId?: string;
  decision?: string;
}

const NOTIFIABLE = new Set<CommunityRole>(COMMUNITY_STAFF);

export const requiredKinds = (r: SealRequest): SealKind[] => orderSeals(r.assemblySealId ? ['assembly', 'committee'] : ['committee']);
const sealIdOf = (r: SealRequest, kind: SealKind) => (kind === 'assembly' ? r.assemblySealId : r.committeeSealId);

/**
 * 用章申请 → custodian applies (signs the PDF) or refuses. Separation of duties: a requester never applies a seal
 * to their own request, and only a custodian of the pinned seal can use it. Every use is logged and recorded.
 */
@Injectable()
export class SealRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly seals: SealsService,
    private readonly documents: DocumentsService,
    private readonly rootCa: RootCaService,
    private readonly agenda: AgendaService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
  ) {}

  /** Also the entry point for other contexts (e.g. finance): pass their transaction manager to request in it. */
  async create(actorId: string, communityId: string, input: NewSealRequest, manager?: EntityManager): Promise<SealRequest> {
    if (!manager) return this.dataSource.transaction((m) => this.create(actorId, communityId, input, m));
    const document = await this.documents.lockDraft(manager, communityId, input.documentId);
    const itemId = input.agendaItemId ?? document.agendaItemId;
    const item = itemId ? await this.agenda.get(communityId, itemId) : null;
    const decision = input.decision?.trim() || (item ? `议题第${item.seq}号「${item.title}」决定` : '');
    if (!decision) throw new Invalid('须写明用章依据的决定 (cite the decision that authorises the seal)', 'decision_required');
    const major = item ? isArt278Category(item.category as MatterCategory) : false;
    const kinds = orderSeals([...document.requiredSeals, 'committee', ...(major ? ['assembly'] : [])]);
    const pending = await manager.findOneBy(SealRequest, { documentId: document.id, status: 'pending' });
    if (pending)
      throw new Conflict('该文书已有待处理的用章申请 (a seal request is already pending)', 'request_pending', { requestId: pending.id });
    const pinned: Partial<Record<SealKind, Seal>> = {};
    for (const kind of kinds) {
      const seal = await this.seals.findActive(manager, communityId, kind);
      if (!seal)
        throw new Conflict(`尚未刻制${kind === 'assembly' ? '业主大会章' : '业委会章'} (no active ${kind} seal)`, 'seal_not_issued', {
          kind,
        });
      const custodians = await this.seals.activeCustodians(manager, seal.id);
      if (!custodians.some((c) => c.userId !== actorId)) {
        throw new Conflict(`${seal.commonName}没有可以用章的保管人（申请人不能为自己的申请用章）`, 'no_other_custodian', { kind });
      }
      pinned[kind] = seal;
    }
    const request = await manager.save(SealRequest, {
      communityId,
      documentId: document.id,
      agendaItemId: item?.id ?? null,
      decision,
      committeeSealId: pinned.committee!.id,
      assemblySealId: pinned.assembly?.id ?? null,
      status: 'pending',
      requestedBy: actorId,
      requestedAt: this.clock.now(),
    });
    for (const kind of kinds) {
      // Notifications go to roles: the role through which each custodian keeps the seal.
      const preferred = DEFAULT_CUSTODIAN_ROLE[kind];
      const custodians = await this.seals.activeCustodians(manager, pinned[kind]!.id);
      const roles = new Set(
        custodians
          .map((c) => (c.roles.includes(preferred) ? preferred : c.roles.find((r) => NOTIFIABLE.has(r))))
          .filter((r) => r !== undefined),
      );
      for (const role of roles.size ? [...roles] : [preferred]) {
        await this.notifications.notify(manager, {
          communityId,
          role,
          subject: `用章申请：${document.title}`,
          body: `${pinned[kind]!.commonName}｜文书 ${document.number}｜依据：${decision}`,
          subjectType: 'seal_request',
          subjectId: request.id,
        });
      }
    }
    await this.record.append(manager, {
      communityId,
      actorId,
      action: 'seals.requested',
      subjectType: 'seal_request',
      subjectId: request.id,
      payload: {
        documentId: document.id,
        number: document.number,
        agendaItemId: request.agendaItemId,
        decision,
        seals: kinds.map((k) => ({ kind: k, sealId: pinned[k]!.id })),
      },
    });
    return request;
  }

  async list(communityId: string, query: { status?: string; documentId?: string; id?: string }) {
    return this.dataSource.query(
      `SELECT r.id, r.document_id AS "documentId", d.number AS "documentNumber", d.title AS "documentTitle", r.agenda_item_id AS "agendaItemId",
              r.decision, r.status, r.requested_by AS "requestedBy", u.display_name AS "requestedByName", r.requested_at AS "requestedAt", r.closed_at AS "closedAt",
              CASE WHEN r.assembly_seal_id IS NULL THEN ARRAY['committee'] ELSE ARRAY['assembly', 'committee'] END AS "requiredSeals",
              coalesce((SELECT array_agg(l.seal_kind ORDER BY l.used_at) FROM seal_log_entries l WHERE l.request_id = r.id AND l.outcome = 'applied'), '{}') AS "appliedSeals"
       FROM seal_requests r JOIN documents d ON d.id = r.document_id JOIN users u ON u.id = r.requested_by
       WHERE r.community_id = $1 AND ($2::text IS NULL OR r.status = $2) AND ($3::uuid IS NULL OR r.document_id = $3) AND ($4::uuid IS NULL OR r.id = $4)
       ORDER BY r.requested_at DESC LIMIT 500`,
      [communityId, query.status ?? null, query.documentId ?? null, query.id ?? null],
    );
  }

  async get(communityId: string, id: string) {
    const [request] = await this.list(communityId, { id });
    if (!request) throw new NotFound('用章申请 seal request');
    const log = await this.dataSource.getRepository(SealLogEntry).find({ where: { requestId: id }, order: { usedAt: 'ASC' } });
    return { ...request, log };
  }

  async apply(actorId: string, communityId: string, requestId: string, kind: SealKind) {
    await this.dataSource.transaction(async (manager) => {
      const { request, seal, applied, actorName } = await this.open(manager, actorId, communityId, requestId, kind);
      if (request.requestedBy === actorId)
        throw new Forbidden('不能为自己提出的申请用章 (you cannot apply a seal to your own request)', 'own_request');
      // A retired seal signs nothing more; its custodian can still refuse, which frees the document for a new request.
      if (seal.status !== 'active')
        throw new Conflict('印章已停用，请拒绝本申请后重新申请 (seal retired: refuse and request again)', 'seal_retired');
      const document = await this.documents.lockDraft(manager, communityId, request.documentId);
      const kinds = requiredKinds(request);
      const previous = await this.documents.latestRevision(manager, document.id, request.id);
      const [{ name: communityName }] = await manager.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [
        communityId,
      ]);
      let base = previous?.bytes;
      if (!base) {
        // Impressions are page content, so every seal the document will carry is drawn before the first signature.
        const pinned = await manager.findBy(Seal, { id: In(kinds.map((k) => sealIdOf(request, k)!)) });
        base = await this.documents.render(
          document,
          pinned.map((s) => ({ kind: s.kind, communityName, term: s.term })),
          kinds,
        );
      }
      const now = this.clock.now();
      const signed = await signPdf(base, {
        keyPem: await this.seals.signingKey(manager, seal.id),
        certPem: seal.certPem,
        chainPems: [await this.rootCa.certPem()],
        reason: `依据${request.decision}用章（${document.number}）`,
        name: seal.commonName,
        location: communityName,
        signingTime: now,
      });
      const seals: AppliedSeal[] = [
        ...(previous?.seals ?? []),
        { kind, sealId: seal.id, sealName: seal.commonName, custodianName: actorName, appliedAt: now.toISOString() },
      ];
      const final = kinds.every((k) => k === kind || applied.includes(k));
      const file = await this.documents.storeRevision(manager, document, { requestId: request.id, bytes: signed, seals, final, actorId });
      await this.log(manager, request, seal, document, actorId, actorName, 'applied', '', file.sha256, now);
      if (final) await manager.update(SealRequest, { id: request.id }, { status: 'completed', closedAt: now });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'seals.applied',
        subjectType: 'seal_request',
        subjectId: request.id,
        payload: {
          kind,
          sealId: seal.id,
          documentId: document.id,
          number: document.number,
          decision: request.decision,
          fileSha256: file.sha256,
          final,
        },
      });
    });
    return this.get(communityId, requestId);
  }

  async refuse(actorId: string, communityId: string, requestId: string, kind: SealKind, reason: string) {
    await this.dataSource.transaction(async (manager) => {
      const { request, seal, actorName } = await this.open(manager, actorId, communityId, requestId, kind);
      const [document] = await manager.query<{ id: string; number: string; title: string }[]>(
        'SELECT id, number, title FROM documents WHERE id = $1',
        [request.documentId],
      );
      const now = this.clock.now();
      await this.log(manager, request, seal, document, actorId, actorName, 'refused', reason, null, now);
      await manager.update(SealRequest, { id: request.id }, { status: 'refused', closedAt: now });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'seals.refused',
        subjectType: 'seal_request',
        subjectId: request.id,
        payload: { kind, sealId: seal.id, documentId: document.id, number: document.number, decision: request.decision, reason },
      });
    });
    return this.get(communityId, requestId);
  }

  /** Locks a pending request and checks the caller keeps the pinned seal of `kind`, which is still to be applied. */
  private async open(manager: EntityManager, actorId: string, communityId: string, requestId: string, kind: SealKind) {
    const request = await manager.findOne(SealRequest, { where: { id: requestId, communityId }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new NotFound('用章申请 seal request');
    if (request.status !== 'pending') throw new Conflict('该用章申请已办结 (request already closed)', 'request_closed');
    const sealId = sealIdOf(request, kind);
    if (!sealId) throw new Invalid('该文书不需要此印章 (this seal is not required)', 'seal_not_required');
    const applied = (await manager.findBy(SealLogEntry, { requestId, outcome: 'applied' })).map((e) => e.sealKind);
    if (applied.includes(kind)) throw new Conflict('该印章已用过 (seal already applied)', 'seal_already_applied');
    const custodians = await this.seals.activeCustodians(manager, sealId);
    const me = custodians.find((c) => c.userId === actorId);
    if (!me) throw new Forbidden('您不是该印章的保管人 (you do not keep this seal)', 'not_custodian');
    const seal = await manager.findOneByOrFail(Seal, { id: sealId });
    return { request, seal, applied, actorName: me.displayName };
  }

  private async log(
    manager: EntityManager,
    request: SealRequest,
    seal: Seal,
    document: { id: string; number: string; title: string },
    custodianId: string,
    custodianName: string,
    outcome: 'applied' | 'refused',
    reason: string,
    fileSha256: string | null,
    usedAt: Date,
  ) {
    const [requester] = await manager.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [
      request.requestedBy,
    ]);
    await manager.insert(SealLogEntry, {
      communityId: request.communityId,
      sealId: seal.id,
      sealKind: seal.kind,
      sealName: seal.commonName,
      requestId: request.id,
      documentId: document.id,
      documentNumber: document.number,
      documentTitle: document.title,
      decision: request.decision,
      requestedBy: request.requestedBy,
      requestedByName: requester?.display_name ?? '',
      custodianId,
      custodianName,
      outcome,
      reason,
      fileSha256,
      usedAt,
    });
  }
}
