import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ASSEMBLY_NOTICE_TYPE } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict } from '../common/app-error';
import { DocumentSourcesService } from '../documents/document-sources.service';
import { Document } from '../documents/entities/document.entity';
import { SealRequest } from '../seals/entities/seal-request.entity';
import { SealRequestsService } from '../seals/seal-requests.service';
import { SealsService } from '../seals/seals.service';
import { VoteNoticeService } from '../voting/vote-notice.service';

export interface NoticeSealing {
  documentId: string;
  documentNumber: string;
  /** The pending seal request; null when the seals are not cut yet (the notice waits for them). */
  requestId: string | null;
}

/**
 * Publishing is the sealing: the publish transaction itself registers the notice document and asks for both seals.
 * The request is the system's (onPublication), so the director who publishes may apply the committee seal he keeps;
 * the other seal needs another custodian (one person never applies both seals). A moved window, or seals cut after
 * publishing, ask again the same way.
 */
@Injectable()
export class NoticeSealingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: VoteNoticeService,
    private readonly sources: DocumentSourcesService,
    private readonly sealRequests: SealRequestsService,
    private readonly seals: SealsService,
  ) {}

  onModuleInit(): void {
    this.notices.onPublished((manager, vote, actorId) => this.ensure(manager, vote.communityId, vote.id, actorId).then(() => undefined));
    // Registered after the documents module's listener (this module imports it): the draft is revised first.
    this.notices.onRescheduled((manager, vote, actorId) => this.ensure(manager, vote.communityId, vote.id, actorId).then(() => undefined));
  }

  /** For the vote page when no request is pending (seals cut after publishing): the same step, server side. */
  async request(actorId: string, communityId: string, voteId: string): Promise<NoticeSealing> {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.notices.lockVote(manager, communityId, voteId);
      if (vote.status === 'draft') throw new Conflict('公告尚未发布 (notice not yet published)', 'vote_not_noticed');
      if (vote.noticeSealedAt || vote.status !== 'noticed') throw new Conflict('公告已用章发布', 'notice_sealed');
      const result = await this.ensure(manager, communityId, voteId, actorId, true);
      return result;
    });
  }

  private async ensure(
    manager: EntityManager,
    communityId: string,
    voteId: string,
    actorId: string,
    strict = false,
  ): Promise<NoticeSealing> {
    const document =
      (await manager.findOne(Document, { where: { communityId, type: ASSEMBLY_NOTICE_TYPE, sourceId: voteId } })) ??
      (await this.sources.create(actorId, communityId, ASSEMBLY_NOTICE_TYPE, voteId, manager));
    const done = { documentId: document.id, documentNumber: document.number };
    if (document.status === 'final') return { ...done, requestId: null };
    const pending = await manager.findOneBy(SealRequest, { documentId: document.id, status: 'pending' });
    if (pending) return { ...done, requestId: pending.id };
    // Seals not cut yet: the notice is registered and waits; the vote page asks once they are.
    const cut =
      (await this.seals.findActive(manager, communityId, 'assembly')) && (await this.seals.findActive(manager, communityId, 'committee'));
    if (!cut && !strict) return { ...done, requestId: null };
    const request = await this.sealRequests.create(actorId, communityId, { documentId: document.id, onPublication: true }, manager);
    return { ...done, requestId: request.id };
  }
}
