import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { signPdf } from '@gongyi/pdf';
import { formatZhDateTime } from '@gongyi/domain/labels';
import { sealBasis, type DecisionFact } from '@gongyi/domain/documents/seal-policy';
import { DOCUMENT_KIND_LABELS_ZH, SEAL_KIND_FULL_NAMES_ZH } from '@gongyi/domain/labels';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { Conflict, Forbidden, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { documentKind, DocumentsService, orderSeals } from '../documents/documents.service';
import { RecordCheckpointsService } from '../documents/record-checkpoints.service';
import { RootCaService } from '../documents/root-ca.service';
import { CrlService } from '../documents/crl.service';
import { TimestampAuthorityService } from '../documents/timestamp-authority.service';
import { AppliedSeal } from '../documents/entities/document-file.entity';
import { Document } from '../documents/entities/document.entity';
import { COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { SealLogEntry } from './entities/seal-log-entry.entity';
import { SealRequest } from './entities/seal-request.entity';
import { Seal, type SealKind } from './entities/seal.entity';
import { DEFAULT_CUSTODIAN_ROLE, SealsService } from './seals.service';
import { SealKeysService } from './seal-keys.service';

export interface NewSealRequest {
  documentId: string;
  agendaItemId?: string;
  decision?: string;
  /**
   * Made by the publishing step itself (a notice, a result announcement), not by a person asking: the system is the
   * requester, so every custodian of each seal may apply it — the publisher too — while one person still never
   * applies both seals of a document (both_seals_same_person).
   */
  onPublication?: boolean;
}

/** How the seal log and inbox name the requester of a request the publishing step made. */
export const publicationRequester = (publisher: string) => `系统（${publisher}发布时自动申请）`;

const NOTIFIABLE = new Set<CommunityRole>(COMMUNITY_STAFF);

export const requiredKinds = (r: SealRequest): SealKind[] => orderSeals(r.assemblySealId ? ['assembly', 'committee'] : ['committee']);
const sealIdOf = (r: SealRequest, kind: SealKind) => (kind === 'assembly' ? r.assemblySealId : r.committeeSealId);

/** Whether the agenda item's decision exists and has passed: the stage that decides it has advanced. */
export function itemDecision(
  item: { seq: number; title: string; category: string; status: string; chainState: unknown },
  kind?: string,
): DecisionFact {
  const stages = (item.chainState as { stages?: Record<string, string> }).stages ?? {};
  // A committee resolution rests on the committee's own decision; otherwise the body that decides the matter.
  const byCommittee = kind === 'committee_resolution' || item.category === 'committee_only';
  const deciding = byCommittee ? 'committee_resolution' : 'assembly_vote';
  const by = byCommittee ? '业主委员会决定' : '业主大会决定';
  const text = `议题第${item.seq}号「${item.title}」${by}`;
  if (stages[deciding] === 'advanced') return { text, status: 'passed' };
  return { text, status: item.status === 'rejected' ? 'failed' : 'pending' };
}

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
    private readonly tsa: TimestampAuthorityService,
    private readonly crl: CrlService,
    private readonly agenda: AgendaService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
    private readonly keys: SealKeysService,
    private readonly checkpoints: RecordCheckpointsService,
  ) {}

  /**
   * The publishing step's own request (a job posting a document, e.g. the preliminary result at a vote's close):
   * asks for the kind's seals when every one of them is cut and has a custodian; otherwise leaves the document
   * waiting (its page asks later) instead of failing the publication. Returns the request, or null.
   */
  async requestOnPublication(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    documentId: string,
  ): Promise<SealRequest | null> {
    const document = await manager.findOneByOrFail(Document, { id: documentId, communityId });
    for (const kind of (await this.documents.sealPolicyFor(manager, communityId, documentKind(document))).seals) {
      const seal = await this.seals.findActive(manager, communityId, kind);
      if (!seal || (await this.seals.activeCustodians(manager, seal.id)).length === 0) return null;
    }
    return this.create(actorId, communityId, { documentId, onPublication: true }, manager);
  }

  /** Also the entry point for other contexts (e.g. finance): pass their transaction manager to request in it. */
  async create(actorId: string, communityId: string, input: NewSealRequest, manager?: EntityManager): Promise<SealRequest> {
    if (!manager) return this.dataSource.transaction((m) => this.create(actorId, communityId, input, m));
    const document = await this.documents.lockDraft(manager, communityId, input.documentId);
    const itemId = input.agendaItemId ?? document.agendaItemId;
    const item = itemId ? await this.agenda.get(communityId, itemId) : null;
    // The seal policy of the document's kind decides the seals and what may be cited (never a pending decision).
    const kind = documentKind(document);
    const automatic = sealBasis(kind, item ? itemDecision(item, kind) : null);
    // A typed basis may add detail, but cannot replace a decision the policy requires to have passed.
    const decision = input.decision?.trim() || automatic.text;
    // The seals follow the rulebook in force now (its assemblySealKinds), not the one at registration.
    const kinds = orderSeals((await this.documents.sealPolicyFor(manager, communityId, kind)).seals);
    if (kinds.length === 0) throw new Conflict('本文书是会议自己的记录，由与会人员确认后定稿，无需用章', 'no_seal_required', { kind });
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
      if (input.onPublication ? custodians.length === 0 : !custodians.some((c) => c.userId !== actorId)) {
        throw new Conflict(`${seal.commonName}没有可以用章的保管人（申请人不能为自己的申请用章）`, 'no_other_custodian', { kind });
      }
      pinned[kind] = seal;
    }
    if (JSON.stringify(orderSeals(document.requiredSeals)) !== JSON.stringify(kinds)) {
      await manager.update(Document, { id: document.id }, { requiredSeals: kinds });
      document.requiredSeals = kinds;
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
      onPublication: input.onPublication ?? false,
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
      // Each custodian who may apply it (never the requester; any, when the publishing step asked) is told personally.
      const others = custodians.filter((c) => input.onPublication || c.userId !== actorId);
      for (const custodian of others) {
        const role = custodian.roles.includes(preferred) ? preferred : (custodian.roles.find((r) => NOTIFIABLE.has(r)) ?? preferred);
        await this.notifications.notify(manager, {
          communityId,
          role,
          userId: custodian.userId,
          subject: `用章申请：${document.title}`,
          body: `${pinned[kind]!.commonName}｜文书 ${document.number}｜依据：${decision}`,
          subjectType: 'seal_request',
          subjectId: request.id,
        });
      }
      if (others.length === 0 && roles.size === 0) {
        await this.notifications.notify(manager, {
          communityId,
          role: preferred,
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
              r.decision, r.status, r.requested_by AS "requestedBy",
              CASE WHEN r.on_publication THEN '系统（' || u.display_name || '发布时自动申请）' ELSE u.display_name END AS "requestedByName",
              r.on_publication AS "onPublication", r.requested_at AS "requestedAt", r.closed_at AS "closedAt",
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

  async apply(actorId: string, communityId: string, requestId: string, kind: SealKind, pin?: string) {
    await this.dataSource.transaction(async (manager) => {
      const { request, seal, applied, actorName } = await this.open(manager, actorId, communityId, requestId, kind);
      if (request.requestedBy === actorId && !request.onPublication)
        throw new Forbidden('不能为自己提出的申请用章 (you cannot apply a seal to your own request)', 'own_request');
      const mine = await manager.findBy(SealLogEntry, { requestId, outcome: 'applied', custodianId: actorId });
      if (mine.length) throw new Forbidden('同一人不能为同一文书加盖两枚印章', 'both_seals_same_person');
      // A retired seal signs nothing more; its custodian can still refuse, which frees the document for a new request.
      if (seal.status !== 'active')
        throw new Conflict('印章已停用，请拒绝本申请后重新申请 (seal retired: refuse and request again)', 'seal_retired');
      const document = await this.documents.lockDraft(manager, communityId, request.documentId);
      const now = this.clock.now();
      // A signature by a certificate outside its validity at the signing time would never verify: refuse it in words.
      if (now < seal.notBefore || now > seal.notAfter)
        throw new Conflict(
          `印章证书（${seal.commonName}）的有效期为 ${formatZhDateTime(seal.notBefore)} 至 ${formatZhDateTime(seal.notAfter)}，用章时间 ${formatZhDateTime(now)} 不在其内，本次未盖章 (seal certificate not valid at the signing time)`,
          'seal_certificate_not_valid',
          { sealId: seal.id, notBefore: seal.notBefore, notAfter: seal.notAfter, signingTime: now },
        );
      // The document's own rules first (a notice sealed later than its notice period before voting is refused).
      await this.documents.beforeSealing(manager, document, now);
      const kinds = requiredKinds(request);
      const previous = await this.documents.latestRevision(manager, document.id, request.id);
      const [{ name: communityName }] = await manager.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [
        communityId,
      ]);
      let base = previous?.bytes;
      if (!base) {
        // Impressions are page content, so every seal the document will carry is drawn before the first signature.
        const pinned = await manager.findBy(Seal, { id: In(kinds.map((k) => sealIdOf(request, k)!)) });
        // The record's signed head goes into the sealed document (footer + metadata): a checkpoint its holders keep.
        const checkpoint = await this.checkpoints.create(manager, communityId, document.id);
        base = await this.documents.render(
          document,
          pinned.map((s) => ({ kind: s.kind, communityName, term: s.term })),
          kinds,
          checkpoint,
          now,
        );
      }
      const signed = await signPdf(base, {
        keyPem: await this.keys.signingKey(manager, communityId, seal.id, actorId, pin),
        certPem: seal.certPem,
        chainPems: [await this.rootCa.certPem()],
        // The custodian who applied the seal is named in the signature itself, not only in the seal log.
        reason: `依据${request.decision}用章（${document.number}），印章保管人${actorName}`,
        name: seal.commonName,
        location: communityName,
        signingTime: now,
        // PAdES B-T: an RFC 3161 token over the signature value; B-LT: the CA's current CRL as revocation value.
        timestamp: (imprint) => this.tsa.token(imprint),
        crls: [await this.crl.current()],
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
    if (!sealId) {
      // The seal policy (with the rulebook's assemblySealKinds) decided the request's seals: this one is not among them.
      const [doc] = await manager.query<{ type: string; source_type: string; input: unknown }[]>(
        'SELECT type, source_type, input FROM documents WHERE id = $1 AND community_id = $2',
        [request.documentId, communityId],
      );
      const docKind = doc ? documentKind({ type: doc.type, sourceType: doc.source_type, input: doc.input }) : null;
      const label = docKind ? (DOCUMENT_KIND_LABELS_ZH[docKind] ?? docKind) : '本文书';
      throw new Conflict(
        kind === 'assembly'
          ? `${label}不加盖${SEAL_KIND_FULL_NAMES_ZH.assembly}：业主大会章只用于业主大会自己的文书及议事规则列明的文书，本次用章申请只需${SEAL_KIND_FULL_NAMES_ZH.committee}`
          : `本次用章申请不需要${SEAL_KIND_FULL_NAMES_ZH[kind]}`,
        'seal_not_required',
        { kind, documentKind: docKind },
      );
    }
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
      requestedByName: request.onPublication ? publicationRequester(requester?.display_name ?? '') : (requester?.display_name ?? ''),
      custodianId,
      custodianName,
      outcome,
      reason,
      fileSha256,
      usedAt,
    });
  }
}
