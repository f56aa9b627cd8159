import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contentDigest, fileDigest, verifyPdf, type RenderOptions, type SealImpression, type SealKind } from '@gongyi/pdf';
import { localDateOf } from '@gongyi/domain/voting/notice';
import { documentKindOf, sealPolicy, type DocumentKind, type SealPolicy } from '@gongyi/domain/documents/seal-policy';
import { issueNumber, issuePrefix, issuerOf } from '@gongyi/domain/documents/issue-number';
import { isOwnerLetter } from '@gongyi/domain/documents/owner-letters';
import { DOCUMENT_KIND_LABELS_ZH } from '@gongyi/domain/labels';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { WorkNotices } from '../notifications/work-notices';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { decodeInput, DOCUMENT_TYPE_LABELS, encodeInput, isDocumentType, rendererFor, type DocumentType } from './document-input';
import { AppliedSeal, DocumentFile } from './entities/document-file.entity';
import { Document } from './entities/document.entity';
import { FILE_STORE, type FileStore, keepFile, readFile } from './file-store';
import { RootCaService } from './root-ca.service';
import { TimestampAuthorityService } from './timestamp-authority.service';

/** What another context passes to register a document built from its own template input. */
export interface RegisterDocument {
  type: DocumentType;
  title: string;
  /** e.g. 'statement' with the statement's id: listeners registered with onFinalised(sourceType) are told. */
  sourceType: string;
  sourceId?: string | null;
  /** The decision the document rests on; a seal request cites it by default. */
  agendaItemId?: string | null;
  /** Template input of `type` (Dates and bigints are kept exactly). */
  input: unknown;
  /** Ignored: the seals follow the seal policy of the document's kind (libs/domain/src/documents/seal-policy.ts). */
  requiredSeals?: SealKind[];
  actorId?: string | null;
}

/** Called inside the transaction that makes a document final (e.g. finance marks its statement published). */
export type FinalisedListener = (manager: EntityManager, document: Document) => Promise<void>;

/** Called before a seal goes on a document of a source type; throws to refuse (e.g. a notice sealed too late). */
export type SealingGuard = (manager: EntityManager, document: Document, at: Date) => Promise<void>;

/** Assembly seal first: the order the templates print the two seals in. */
export const SEAL_PRINT_ORDER: SealKind[] = ['assembly', 'committee'];
export const orderSeals = (kinds: Iterable<string>): SealKind[] => {
  const set = new Set(kinds);
  return SEAL_PRINT_ORDER.filter((k) => set.has(k));
};

/** The legal kind of a document (seal policy row), from its template type, source and (minutes) stage. */
export function documentKind(doc: { type: string; sourceType: string; input: unknown }): DocumentKind {
  const stage = (doc.input as { stage?: unknown } | null)?.stage;
  return documentKindOf({ type: doc.type, sourceType: doc.sourceType, stage: typeof stage === 'string' ? stage : null });
}
const kindOfSpec = (spec: RegisterDocument) => {
  try {
    return documentKind(spec);
  } catch {
    throw new Invalid(`无法确定文书种类（${spec.type}），不能登记`, 'invalid_document_kind');
  }
};

// pg_advisory_xact_lock namespace for allocating a community's document numbers.
export const DOCUMENT_NUMBER_LOCK = 45;

/** GY-<first 8 hex digits of the community id>-<year>-<6-digit sequence of that community and year>. */
export function documentNumber(communityId: string, year: number, seq: number): string {
  return `GY-${communityId.replace(/-/g, '').slice(0, 8).toUpperCase()}-${year}-${String(seq).padStart(6, '0')}`;
}

const LIST_FIELDS = {
  id: true,
  number: true,
  type: true,
  title: true,
  issueNumber: true,
  sourceType: true,
  sourceId: true,
  agendaItemId: true,
  status: true,
  requiredSeals: true,
  contentDigest: true,
  fileSha256: true,
  createdAt: true,
  finalisedAt: true,
} as const;

@Injectable()
export class DocumentsService {
  private readonly listeners = new Map<string, FinalisedListener[]>();
  private readonly guards = new Map<string, SealingGuard[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly rootCa: RootCaService,
    private readonly tsa: TimestampAuthorityService,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly rulebook: RulebookService,
    private readonly work: WorkNotices,
  ) {}

  /**
   * The seal policy of a document kind in a community: its row, plus the assembly seal when the rulebook in force
   * lists the kind in `assemblySealKinds` (issue 12: "plus what the rulebook lists").
   */
  async sealPolicyFor(manager: EntityManager, communityId: string, kind: DocumentKind): Promise<SealPolicy> {
    const { settings } = await this.rulebook.current(communityId, manager);
    return sealPolicy(kind, settings.assemblySealKinds ?? []);
  }

  onFinalised(sourceType: string, listener: FinalisedListener): void {
    this.listeners.set(sourceType, [...(this.listeners.get(sourceType) ?? []), listener]);
  }

  onSealing(sourceType: string, guard: SealingGuard): void {
    this.guards.set(sourceType, [...(this.guards.get(sourceType) ?? []), guard]);
  }

  /** Runs the guards of the document's source type before a seal is applied at `at`. */
  async beforeSealing(manager: EntityManager, document: Document, at: Date): Promise<void> {
    for (const guard of this.guards.get(document.sourceType) ?? []) await guard(manager, document, at);
  }

  /**
   * Numbers, renders (as a check that the input is complete) and registers a draft document. Pass the caller's
   * transaction manager to register together with the caller's own change, or null for a transaction of its own.
   */
  async renderAndRegister(manager: EntityManager | null, communityId: string, spec: RegisterDocument): Promise<Document> {
    if (!manager) return this.dataSource.transaction((m) => this.renderAndRegister(m, communityId, spec));
    if (!isDocumentType(spec.type))
      throw new Invalid(`未知的文书类型 unknown document type "${String(spec.type)}"`, 'invalid_document_type');
    const title = spec.title?.trim();
    if (!title) throw new Invalid('文书须有标题 (a title is required)', 'title_required');
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_NUMBER_LOCK, communityId]);
    const [community] = await manager.query<{ time_zone: string; name: string }[]>(
      'SELECT time_zone, name FROM communities WHERE id = $1',
      [communityId],
    );
    if (!community) throw new NotFound('小区 community');
    const now = this.clock.now();
    const year = localDateOf(now, community.time_zone).year;
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM documents WHERE community_id = $1 AND year = $2',
      [communityId, year],
    );
    const number = documentNumber(communityId, year, next);
    const kind = kindOfSpec(spec);
    const issuer = issuerOf(kind);
    let issued: string | null = null;
    if (issuer) {
      // Per issuer, community and year; allocated under the same advisory lock as the machine number.
      const prefix = `${issuePrefix(community.name, issuer)}〔${year}〕`;
      const [{ n }] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM documents WHERE community_id = $1 AND starts_with(issue_number, $2)',
        [communityId, prefix],
      );
      issued = issueNumber(community.name, issuer, year, n + 1);
    }
    const stored = encodeInput(spec.input);
    const document = manager.create(Document, {
      communityId,
      number,
      year,
      seq: next,
      type: spec.type,
      title,
      issueNumber: issued,
      sourceType: spec.sourceType,
      sourceId: spec.sourceId ?? null,
      agendaItemId: spec.agendaItemId ?? null,
      input: stored,
      contentDigest: contentDigest(spec.type, number, decodeInput(stored)),
      requiredSeals: orderSeals((await this.sealPolicyFor(manager, communityId, kind)).seals),
      status: 'draft',
      generatedAt: now,
      createdBy: spec.actorId ?? null,
    });
    await this.render(document, []);
    const saved = await manager.save(Document, document);
    await this.record.append(manager, {
      communityId,
      actorId: spec.actorId ?? null,
      action: 'documents.registered',
      subjectType: 'document',
      subjectId: saved.id,
      payload: {
        number,
        issueNumber: saved.issueNumber,
        type: saved.type,
        title,
        sourceType: saved.sourceType,
        sourceId: saved.sourceId,
        agendaItemId: saved.agendaItemId,
        contentDigest: saved.contentDigest,
        requiredSeals: saved.requiredSeals,
      },
    });
    return saved;
  }

  /**
   * Replaces the input of a draft (its source changed before any seal went on it, e.g. an unsealed notice's window
   * moved). The number stays; the content digest follows the new input and the record says so.
   */
  async reviseDraft(manager: EntityManager, document: Document, input: unknown, actorId: string): Promise<void> {
    if (document.status !== 'draft') throw new Conflict('文书已完成用章，不可再改 (document is final)', 'document_final');
    const stored = encodeInput(input);
    const revised = Object.assign(document, {
      input: stored,
      contentDigest: contentDigest(document.type, document.number, decodeInput(stored)),
    });
    await this.render(revised, []);
    await manager.update(Document, { id: document.id }, { input: stored as object, contentDigest: revised.contentDigest });
    await this.record.append(manager, {
      communityId: document.communityId,
      actorId,
      action: 'documents.draft_revised',
      subjectType: 'document',
      subjectId: document.id,
      payload: { number: document.number, title: document.title, contentDigest: revised.contentDigest },
    });
  }

  /** The PDF from the stored input: without impressions for a draft, with every seal it will carry for sealing. */
  async render(
    document: Document,
    seals: SealImpression[],
    slots: SealKind[] = document.requiredSeals as SealKind[],
    recordCheckpoint?: RenderOptions['recordCheckpoint'],
    sealedAt?: Date,
    final = false,
  ): Promise<Buffer> {
    const options = {
      documentNumber: document.number,
      issueNumber: document.issueNumber ?? undefined,
      verifyBaseUrl: this.config.publicUrl,
      generatedAt: document.generatedAt,
      seals,
      recordCheckpoint,
      sealedAt,
      final,
    };
    return rendererFor(document.type)(decodeInput(document.input), options, orderSeals([...slots, ...seals.map((s) => s.kind)]));
  }

  async list(communityId: string, query: { type?: string; status?: string }, staff: boolean) {
    const status = staff ? query.status : 'final';
    const documents = await this.dataSource.getRepository(Document).find({
      where: { communityId, ...(query.type ? { type: query.type } : {}), ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
      select: LIST_FIELDS,
      take: 500,
    });
    return documents.map((d) => ({ ...d, typeLabel: DOCUMENT_TYPE_LABELS[d.type as DocumentType] }));
  }

  /** Drafts are visible to staff only; to anyone else they do not exist. */
  async get(communityId: string, id: string, staff = true) {
    const document = await this.dataSource.getRepository(Document).findOne({ where: { id, communityId }, select: LIST_FIELDS });
    if (!document || (!staff && document.status !== 'final')) throw new NotFound('文书 document');
    const revisions = await this.dataSource.getRepository(DocumentFile).find({
      where: { documentId: id },
      order: { revision: 'ASC' },
      select: { id: true, revision: true, requestId: true, sha256: true, size: true, seals: true, isFinal: true, createdAt: true },
    });
    return {
      ...document,
      typeLabel: DOCUMENT_TYPE_LABELS[document.type as DocumentType],
      revisions: staff ? revisions : revisions.filter((r) => r.isFinal),
    };
  }

  async preview(communityId: string, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const document = await this.dataSource.getRepository(Document).findOneBy({ id, communityId });
    if (!document) throw new NotFound('文书 document');
    return { bytes: await this.render(document, []), filename: `${document.number}-草稿.pdf` };
  }

  /** The registered, sealed file. Only final documents have one. */
  async finalFile(communityId: string, id: string): Promise<{ bytes: Buffer; sha256: string; filename: string; number: string }> {
    const document = await this.dataSource
      .getRepository(Document)
      .findOne({ where: { id, communityId }, select: { id: true, number: true, title: true, status: true, finalFileId: true } });
    if (!document) throw new NotFound('文书 document');
    if (document.status !== 'final' || !document.finalFileId)
      throw new Conflict('文书尚未完成用章 (document not sealed yet)', 'document_not_final');
    const file = await this.fileWithBytes(this.dataSource.manager, { id: document.finalFileId });
    return { bytes: file!.bytes, sha256: file!.sha256, filename: `${document.number} ${document.title}.pdf`, number: document.number };
  }

  /** Locks a document for sealing; a final document cannot take another seal. */
  async lockDraft(manager: EntityManager, communityId: string, id: string): Promise<Document> {
    const document = await manager.findOne(Document, { where: { id, communityId }, lock: { mode: 'pessimistic_write' } });
    if (!document) throw new NotFound('文书 document');
    if (document.status === 'final') throw new Conflict('文书已完成用章，不可再改 (document is final)', 'document_final');
    return document;
  }

  async latestRevision(manager: EntityManager, documentId: string, requestId: string): Promise<DocumentFile | null> {
    const [latest] = await manager.find(DocumentFile, {
      where: { documentId, requestId },
      order: { revision: 'DESC' },
      take: 1,
      select: { id: true },
    });
    return latest ? this.fileWithBytes(manager, { id: latest.id }) : null;
  }

  /**
   * Stores one signed revision; the last one of a request makes the document final. Every revision is checked
   * against the root CA first: a file whose signatures do not all verify is never stored.
   */
  async storeRevision(
    manager: EntityManager,
    document: Document,
    revision: { requestId: string; bytes: Buffer; seals: AppliedSeal[]; final: boolean; actorId: string },
  ): Promise<DocumentFile> {
    const check = verifyPdf(revision.bytes, await this.tsa.trustPem());
    // The newest signature's token came from a service (possibly external, TSA_URL): refuse, in words, a seal whose
    // trusted time no verifier would accept. Revisions sealed before timestamps existed keep verifying without one.
    const newest = check.signatures.at(-1);
    if (newest && newest.integrity && newest.chainTrusted && !newest.timestamp?.valid)
      throw new Conflict(
        `时间戳服务返回的时间戳无法验证（${newest.problems.join('；') || '没有时间戳'}），本次未盖章：请检查 TSA_URL 与 TSA_CA_FILE`,
        'tsa_token_invalid',
      );
    if (!check.valid || check.signatures.length !== revision.seals.length) {
      // Never stored, and never a 500: the custodian is told, in words, why this seal was not applied.
      throw new Conflict(
        `文书 ${document.number} 盖章后的文件未通过验证（${check.signatures.flatMap((s) => s.problems).join('；') || '签章数量不符'}），本次未盖章`,
        'signed_file_unverified',
        { number: document.number },
      );
    }
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(revision), 0) + 1 AS next FROM document_files WHERE document_id = $1',
      [document.id],
    );
    const sha256 = fileDigest(revision.bytes);
    const file = await manager.save(DocumentFile, {
      communityId: document.communityId,
      documentId: document.id,
      requestId: revision.requestId,
      revision: next,
      ...(await keepFile(this.files, sha256, revision.bytes)),
      sha256,
      size: revision.bytes.length,
      seals: revision.seals,
      isFinal: revision.final,
    });
    if (revision.final) {
      const finalisedAt = this.clock.now();
      await manager.update(Document, { id: document.id }, { status: 'final', finalisedAt, fileSha256: sha256, finalFileId: file.id });
      await this.record.append(manager, {
        communityId: document.communityId,
        actorId: revision.actorId,
        action: 'documents.finalised',
        subjectType: 'document',
        subjectId: document.id,
        payload: {
          number: document.number,
          sha256,
          size: file.size,
          seals: revision.seals.map((s) => ({ kind: s.kind, sealId: s.sealId, appliedAt: s.appliedAt })),
        },
      });
      const final = Object.assign(document, { status: 'final', finalisedAt, fileSha256: sha256, finalFileId: file.id });
      const kind = documentKind(document);
      if (isOwnerLetter(kind)) await this.work.letterPublished(manager, final, DOCUMENT_KIND_LABELS_ZH[kind] ?? kind);
      for (const listener of this.listeners.get(document.sourceType) ?? []) await listener(manager, final);
    }
    return Object.assign(file, { bytes: undefined as unknown as Buffer });
  }

  /** A draft's input changes while its source is still being completed (e.g. minutes gaining confirmations). */
  async updateDraftInput(manager: EntityManager, document: Document, input: unknown): Promise<Document> {
    if (document.status !== 'draft') throw new Conflict('文书已定稿，不可再改 (document is final)', 'document_final');
    const stored = encodeInput(input);
    const digest = contentDigest(document.type, document.number, decodeInput(stored));
    Object.assign(document, { input: stored, contentDigest: digest });
    await this.render(document, []);
    await manager.update(Document, { id: document.id }, { input: stored as object, contentDigest: digest });
    return document;
  }

  /**
   * Makes final a document whose kind carries no seal (the minutes the attendees confirm): the registered file is
   * the render of its confirmed input, stored once like a sealed revision, and its SHA-256 is registered.
   */
  async finaliseUnsealed(manager: EntityManager, document: Document, actorId: string): Promise<Document> {
    if (sealPolicy(documentKind(document)).seals.length > 0)
      throw new Conflict('本文书须用章后才能定稿 (this document is finalised by its seals)', 'seal_required');
    if (document.status !== 'draft') throw new Conflict('文书已定稿，不可再改 (document is final)', 'document_final');
    // The confirmed minutes are the final document: rendered without the 草稿 watermark of a preview.
    const bytes = await this.render(document, [], [], undefined, undefined, true);
    const sha256 = fileDigest(bytes);
    const file = await manager.save(DocumentFile, {
      communityId: document.communityId,
      documentId: document.id,
      requestId: null,
      revision: 1,
      ...(await keepFile(this.files, sha256, bytes)),
      sha256,
      size: bytes.length,
      seals: [],
      isFinal: true,
    });
    const finalisedAt = this.clock.now();
    await manager.update(Document, { id: document.id }, { status: 'final', finalisedAt, fileSha256: sha256, finalFileId: file.id });
    await this.record.append(manager, {
      communityId: document.communityId,
      actorId,
      action: 'documents.finalised_confirmed',
      subjectType: 'document',
      subjectId: document.id,
      payload: { number: document.number, sha256, size: file.size, seals: [] },
    });
    const final = Object.assign(document, { status: 'final', finalisedAt, fileSha256: sha256, finalFileId: file.id });
    for (const listener of this.listeners.get(document.sourceType) ?? []) await listener(manager, final);
    return final;
  }

  /** A revision with its bytes, from the row or from the file store (FILE_STORE=s3), checked against its SHA-256. */
  private async fileWithBytes(manager: EntityManager, where: { id: string }): Promise<(DocumentFile & { bytes: Buffer }) | null> {
    const file = await manager.createQueryBuilder(DocumentFile, 'f').addSelect('f.bytes').where('f.id = :id', where).getOne();
    if (!file) return null;
    return Object.assign(file, { bytes: await readFile(this.files, file) });
  }
}
