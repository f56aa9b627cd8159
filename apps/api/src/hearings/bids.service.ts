import { TENDER_FAILED_TYPE, type TenderFailedInput } from '@gongyi/pdf';
import { DocumentsService } from '../documents/documents.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertBiddingOpen, assertOpeningDue, openingDecision } from '@gongyi/domain/hearings/tender';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordService } from '../record/record.service';
import { BidSeal, type OpenedBid } from './bid-seal';
import { SubmitBidDto } from './dto/hearing.dto';
import { Bid } from './entities/bid.entity';
import { Hearing } from './entities/hearing.entity';
import { BidVersion } from './entities/bid-version.entity';
import { Invitation } from './entities/invitation.entity';
import { findHearing, findVisibleHearing, type Viewer } from './hearing-access';
import { HearingViews, SEALED_STATUSES } from './hearing-views';
import { HEARING_OBJECTION_CHANNEL, supervisorOf } from './hearing-document';
import { PanelMember } from './entities/panel-member.entity';
import { RulebookService } from '../rulebook/rulebook.service';
import { objectionEndsAt } from '@gongyi/domain/hearings/tender';
import { PANEL_KIND_LABELS } from '@gongyi/domain/hearings/panel';

export interface UploadedAttachment {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

/**
 * Sealed bids: submitted and revised by the invited vendor until the deadline (every version kept, sealed),
 * opened all at once by the committee at or after the opening time. Only three paths ever decrypt: the opening,
 * the vendor reading its own bid, and an attachment download after the opening.
 */
@Injectable()
export class BidsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly seal: BidSeal,
    private readonly record: RecordService,
    private readonly views: HearingViews,
    private readonly documents: DocumentsService,
    private readonly rulebook: RulebookService,
  ) {}

  async submit(vendorUserId: string, communityId: string, hearingId: string, input: SubmitBidDto, file?: UploadedAttachment) {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the opening takes the row FOR UPDATE, so a bid either commits before it or sees it happened.
      const hearing = await findHearing(manager, communityId, hearingId, 'pessimistic_read');
      const invitation = await manager.findOneBy(Invitation, { hearingId, vendorUserId });
      if (!invitation) throw new NotFound('听证会 hearing');
      if (hearing.status !== 'bidding') throw new Conflict('已开标或已流标，不再接受投标 (bidding is closed)', 'bid_deadline_passed');
      const now = this.clock.now();
      assertBiddingOpen(now, hearing.bidDeadline);
      let bid = await manager.findOne(Bid, { where: { hearingId, vendorUserId }, lock: { mode: 'pessimistic_write' } });
      bid ??= await manager.save(Bid, {
        communityId,
        hearingId,
        vendorUserId,
        currentVersion: 0,
        firstSubmittedAt: now,
        lastSubmittedAt: now,
        revealedVersion: null,
        amountFen: null,
        warrantyMonths: null,
        deliveryDays: null,
        proposal: null,
        attachment: null,
      });
      const version = bid.currentVersion + 1;
      const attachment = file
        ? {
            name: file.originalname.slice(0, 200),
            type: file.mimetype || 'application/octet-stream',
            size: file.size,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
          }
        : null;
      const content = {
        amountFen: BigInt(input.amountFen).toString(),
        warrantyMonths: input.warrantyMonths,
        deliveryDays: input.deliveryDays,
        proposal: input.proposal,
        attachment,
      };
      const sealed = this.seal.seal({ hearingId, bidId: bid.id, version }, content, file?.buffer ?? null);
      await manager.insert(BidVersion, { communityId, hearingId, bidId: bid.id, version, submittedAt: now, ...sealed });
      await manager.update(Bid, { id: bid.id }, { currentVersion: version, lastSubmittedAt: now });
      // The record holds the commitment, never the content: it proves at the opening what was sealed, and when.
      await this.record.append(manager, {
        communityId,
        actorId: vendorUserId,
        action: 'hearing.bid_submitted',
        subjectType: 'bid',
        subjectId: bid.id,
        payload: { hearingId, vendorName: invitation.vendorName, version, submittedAt: now, commitment: sealed.commitment },
      });
      return { bidId: bid.id, version, submittedAt: now, commitment: sealed.commitment };
    });
  }

  /** The bidding vendor's own bid: every version's metadata, and the content of the current one. */
  async mine(vendorUserId: string, communityId: string, hearingId: string) {
    const manager = this.dataSource.manager;
    await findHearing(manager, communityId, hearingId);
    const invitation = await manager.findOneBy(Invitation, { hearingId, vendorUserId });
    if (!invitation) throw new NotFound('听证会 hearing');
    const bid = await manager.findOneBy(Bid, { hearingId, vendorUserId });
    if (!bid) return { vendorName: invitation.vendorName, submitted: false, versions: [], current: null };
    const versions = await manager.find(BidVersion, { where: { bidId: bid.id }, order: { version: 'ASC' } });
    const current = versions.find((v) => v.version === bid.currentVersion)!;
    const opened = this.openOrFail({ hearingId, bidId: bid.id, version: current.version }, current);
    return {
      bidId: bid.id,
      vendorName: invitation.vendorName,
      submitted: true,
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt, commitment: v.commitment })),
      current: { version: current.version, ...opened.content },
    };
  }

  /** Opens every bid in one transaction and returns the hearing as read out: all revealed bids, or re-tender. */
  async open(actorId: string, communityId: string, hearingId: string, viewer: Viewer) {
    await this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, hearingId, 'pessimistic_write');
      if (hearing.status !== 'bidding') throw new Conflict('本次听证会已开标或已流标 (already opened)', 'already_opened');
      const now = this.clock.now();
      assertOpeningDue(now, hearing.openingAt);
      const bids = await manager.find(Bid, {
        where: { hearingId },
        order: { firstSubmittedAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const names = new Map((await manager.findBy(Invitation, { hearingId })).map((i) => [i.vendorUserId, i.vendorName]));
      const status = openingDecision(bids.length);
      await manager.update(Hearing, { id: hearingId }, { status, openedAt: now, openedBy: actorId });
      if (status === 're_tender') {
        // Fewer than three bids are not opened at all: they stay sealed, and the item is tendered again.
        await this.record.append(manager, {
          communityId,
          actorId,
          action: 'hearing.re_tender',
          subjectType: 'hearing',
          subjectId: hearingId,
          payload: {
            at: now,
            bidCount: bids.length,
            bids: bids.map((b) => ({ bidId: b.id, vendorName: names.get(b.vendorUserId), versions: b.currentVersion })),
          },
        });
        // 流标公告: registered with the re-tender, to be sealed by the committee and posted.
        const [info] = await manager.query<{ community: string; item: string; rulebook_version: number }[]>(
          `SELECT c.name AS community, a.title AS item, a.rulebook_version FROM communities c
             JOIN agenda_items a ON a.community_id = c.id
           WHERE c.id = $1 AND a.id = $2`,
          [communityId, hearing.agendaItemId],
        );
        const rules = await this.rulebook.version(communityId, info.rulebook_version, manager);
        const panel = await manager.find(PanelMember, { where: { hearingId }, order: { kind: 'ASC', name: 'ASC' } });
        const input: TenderFailedInput = {
          communityName: info.community,
          hearingTitle: hearing.title,
          agendaItemTitle: info.item,
          place: hearing.place,
          openingAt: hearing.openingAt,
          bidders: bids.map((b) => names.get(b.vendorUserId) ?? '（投标人）'),
          requiredBids: 3,
          publishedAt: now,
          invited: [...names.values()],
          panel: panel.map((m) => ({ name: m.name, role: PANEL_KIND_LABELS[m.kind], recused: m.recused, conflict: m.conflict })),
          supervisor: await supervisorOf(manager, communityId, info.community),
          objectionEndsAt: objectionEndsAt(now, rules.settings.objectionDays),
          objectionChannel: HEARING_OBJECTION_CHANNEL,
        };
        await this.documents.renderAndRegister(manager, communityId, {
          type: TENDER_FAILED_TYPE,
          title: `流标公告：${hearing.title}`,
          sourceType: 'hearing_failed',
          sourceId: hearingId,
          agendaItemId: hearing.agendaItemId,
          input,
          actorId,
        });
        return;
      }
      const revealed = [];
      for (const bid of bids) {
        const version = await manager.findOneByOrFail(BidVersion, { bidId: bid.id, version: bid.currentVersion });
        const opened = this.openOrFail({ hearingId, bidId: bid.id, version: version.version }, version);
        const c = opened.content;
        await manager.update(
          Bid,
          { id: bid.id },
          {
            revealedVersion: version.version,
            amountFen: c.amountFen,
            warrantyMonths: c.warrantyMonths,
            deliveryDays: c.deliveryDays,
            proposal: c.proposal,
            attachment: c.attachment,
          },
        );
        revealed.push({
          bidId: bid.id,
          vendorName: names.get(bid.vendorUserId),
          version: version.version,
          submittedAt: version.submittedAt,
          commitment: version.commitment,
          nonce: opened.nonce,
          content: c,
        });
      }
      // With the nonce and the content published, anyone can recompute each commitment recorded at submission.
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'hearing.bids_opened',
        subjectType: 'hearing',
        subjectId: hearingId,
        payload: { openedAt: now, bids: revealed },
      });
    });
    return this.views.detail(await findHearing(this.dataSource.manager, communityId, hearingId), viewer);
  }

  async attachment(communityId: string, hearingId: string, bidId: string, viewer: Viewer) {
    const manager = this.dataSource.manager;
    const { hearing } = await findVisibleHearing(manager, communityId, hearingId, viewer);
    const bid = await manager.findOneBy(Bid, { id: bidId, hearingId });
    if (!bid) throw new NotFound('投标 bid');
    if (SEALED_STATUSES.includes(hearing.status) || bid.revealedVersion === null)
      throw new Conflict('开标前任何人不得查看投标内容 (bids are sealed until the opening)', 'bids_sealed');
    if (!bid.attachment) throw new NotFound('附件 attachment');
    const version = await manager.findOneByOrFail(BidVersion, { bidId, version: bid.revealedVersion });
    const opened = this.openOrFail({ hearingId, bidId, version: version.version }, version);
    return { ...bid.attachment, buffer: opened.attachment! };
  }

  private openOrFail(ref: { hearingId: string; bidId: string; version: number }, version: BidVersion): OpenedBid {
    try {
      return this.seal.open(ref, version);
    } catch {
      throw new Conflict(
        `投标 ${ref.bidId} 第 ${ref.version} 版的密封已被破坏，开标中止 (a sealed bid fails its integrity check)`,
        'bid_seal_broken',
        { bidId: ref.bidId },
      );
    }
  }
}
