import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contentDigest, fileDigest, verifyPdf, type SealImpression, type SealKind } from '@gongyi/pdf';
import { localDateOf } from '@gongyi/domain/voting/notice';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { RecordService } from '../record/record.service';
import { decodeInput, DOCUMENT_TYPE_LABELS, encodeInput, isDocumentType, rendererFor, type DocumentType } from './document-input';
import { AppliedSeal, DocumentFile } from './entities/document-file.entity';
import { Document } from './entities/document.entity';
import { RootCaService } from './root-ca.service';

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
  /** Seals the document needs at least; 'committee' is always included. */
  requiredSeals?: SealKind[];
  actorId?: string | null;
}

/** Called inside the transaction that makes a document final (e.g. finance marks its statement published). */
export type FinalisedListener = (manager: EntityManager, document: Document) => Promise<void>;

/** Assembly seal first: the order the templates print the two seals in. */
export const SEAL_PRINT_ORDER: SealKind[] = ['assembly', 'committee'];
export const orderSeals = (kinds: Iterable<string>): SealKind[] => {
  const set = new Set(kinds);
  return SEAL_PRINT_ORDER.filter((k) => set.has(k));
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly rootCa: RootCaService,
  ) {}

  onFinalised(sourceType: string, listener: FinalisedListener): void {
    this.listeners.set(sourceType, [...(this.listeners.get(sourceType) ?? []), listener]);
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
    const [community] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    if (!community) throw new NotFound('小区 community');
    const now = this.clock.now();
    const year = localDateOf(now, community.time_zone).year;
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM documents WHERE community_id = $1 AND year = $2',
      [communityId, year],
    );
    const number = documentNumber(communityId, year, next);
    const stored = encodeInput(spec.input);
    const document = manager.create(Document, {
      communityId,
      number,
      year,
      seq: next,
      type: spec.type,
      title,
      sourceType: spec.sourceType,
      sourceId: spec.sourceId ?? null,
      agendaItemId: spec.agendaItemId ?? null,
      input: stored,
      contentDigest: contentDigest(spec.type, number, decodeInput(stored)),
      requiredSeals: orderSeals(['committee', ...(spec.requiredSeals ?? [])]),
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

  /** The PDF from the stored input: without impressions for a draft, with every seal it will carry for sealing. */
  async render(document: Document, seals: SealImpression[], slots: SealKind[] = document.requiredSeals as SealKind[]): Promise<Buffer> {
    const options = { documentNumber: document.number, verifyBaseUrl: this.config.publicUrl, generatedAt: document.generatedAt, seals };
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
    const check = verifyPdf(revision.bytes, await this.rootCa.certPem());
    if (!check.valid || check.signatures.length !== revision.seals.length) {
      throw new Error(
        `signed PDF of ${document.number} failed verification: ${check.signatures.flatMap((s) => s.problems).join('; ') || 'signature count'}`,
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
      bytes: revision.bytes,
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
      for (const listener of this.listeners.get(document.sourceType) ?? []) await listener(manager, final);
    }
    return Object.assign(file, { bytes: undefined as unknown as Buffer });
  }

  private fileWithBytes(manager: EntityManager, where: { id: string }): Promise<DocumentFile | null> {
    return manager.createQueryBuilder(DocumentFile, 'f').addSelect('f.bytes').where('f.id = :id', where).getOne();
  }
}
