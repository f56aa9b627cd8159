import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { Bid } from './entities/bid.entity';
import { Hearing } from './entities/hearing.entity';
import { Invitation } from './entities/invitation.entity';
import { Objection } from './entities/objection.entity';
import { PanelMember } from './entities/panel-member.entity';
import { Score } from './entities/score.entity';
import { isVendorOnly, type Viewer } from './hearing-access';

/** Statuses in which no bid content exists outside its seal: before the opening, and after a failed one. */
export const SEALED_STATUSES = ['bidding', 're_tender'];

/**
 * What a hearing looks like to each viewer. Before the opening a bid is metadata only (who, when, how many
 * versions) for everyone, admin included; the revealed columns are empty then anyway, and the content keys are
 * left out rather than sent as null so no client can mistake "sealed" for "zero".
 */
@Injectable()
export class HearingViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: AgendaService,
  ) {}

  summary(h: Hearing) {
    return {
      id: h.id,
      agendaItemId: h.agendaItemId,
      title: h.title,
      place: h.place,
      status: h.status,
      bidDeadline: h.bidDeadline,
      openingAt: h.openingAt,
      openedAt: h.openedAt,
      resultPublishedAt: h.resultPublishedAt,
      objectionEndsAt: h.objectionEndsAt,
      createdAt: h.createdAt,
    };
  }

  async detail(h: Hearing, viewer: Viewer) {
    const vendorOnly = isVendorOnly(viewer);
    const sealed = SEALED_STATUSES.includes(h.status);
    const [invitations, bids, panel, scores, objections] = await Promise.all([
      this.dataSource.getRepository(Invitation).find({ where: { hearingId: h.id }, order: { invitedAt: 'ASC' } }),
      this.dataSource.getRepository(Bid).find({ where: { hearingId: h.id }, order: { firstSubmittedAt: 'ASC' } }),
      this.dataSource.getRepository(PanelMember).find({ where: { hearingId: h.id }, order: { kind: 'ASC', name: 'ASC' } }),
      this.dataSource.getRepository(Score).find({ where: { hearingId: h.id }, select: { memberId: true } }),
      this.dataSource.getRepository(Objection).find({ where: { hearingId: h.id }, order: { filedAt: 'ASC' } }),
    ]);
    const names = new Map(invitations.map((i) => [i.vendorUserId, i.vendorName]));
    // Before the opening a vendor of this hearing sees its own bid only, whatever other roles it holds; everyone
    // else sees how many bids arrived, not from whom or when (issue 10 item 7).
    const bidder = vendorOnly || invitations.some((i) => i.vendorUserId === viewer.userId);
    const hidden = sealed && bidder;
    const visibleBids = sealed ? (bidder ? bids.filter((b) => b.vendorUserId === viewer.userId) : []) : bids;
    const scored = new Set(scores.map((s) => s.memberId));
    return {
      ...this.summary(h),
      description: h.description,
      criteria: h.criteria,
      sealed,
      bidCount: hidden ? undefined : bids.length,
      bids: visibleBids.map((b) => ({
        id: b.id,
        vendorName: names.get(b.vendorUserId) ?? '',
        versions: b.currentVersion,
        firstSubmittedAt: b.firstSubmittedAt,
        lastSubmittedAt: b.lastSubmittedAt,
        ...(sealed
          ? {}
          : {
              revealedVersion: b.revealedVersion,
              amountFen: b.amountFen,
              warrantyMonths: b.warrantyMonths,
              deliveryDays: b.deliveryDays,
              proposal: b.proposal,
              attachment: b.attachment,
            }),
      })),
      // Vendors do not learn who judges them, nor who else was invited.
      panel:
        vendorOnly || hidden
          ? undefined
          : panel.map((m) => ({
              id: m.id,
              userId: m.userId,
              name: m.name,
              kind: m.kind,
              declared: m.declaredAt !== null,
              conflict: m.conflict,
              recused: m.recused,
              scored: scored.has(m.id),
            })),
      vendors:
        vendorOnly || hidden
          ? undefined
          : invitations.map((i) => ({
              userId: i.vendorUserId,
              vendorName: i.vendorName,
              invitedAt: i.invitedAt,
              // Which vendors have bid is known only from the opening on.
              ...(sealed ? {} : { submitted: bids.some((b) => b.vendorUserId === i.vendorUserId) }),
            })),
      result: h.result,
      shortlist: h.shortlist,
      // A vendor sees only the objections it filed itself (with the committee's answer), others all of them.
      objections: hidden
        ? undefined
        : objections
            .filter((o) => !vendorOnly || o.filedBy === viewer.userId)
            .map((o) => ({ id: o.id, text: o.text, filedAt: o.filedAt, answer: o.answer, answeredAt: o.answeredAt })),
      ...(await this.outcome(h)),
    };
  }

  /** The assembly vote the shortlist went to, and the bid the owners chose (the item's chosen option). */
  private async outcome(h: Hearing) {
    if (!h.shortlist) return { assemblyVote: null, chosenBid: null };
    const item = await this.agenda.get(h.communityId, h.agendaItemId);
    const chosen = item.chosenOption as { optionId?: string } | null;
    const entry = h.shortlist.find((s) => s.optionId === chosen?.optionId);
    return { assemblyVote: item.votes[0] ?? null, chosenBid: entry ? { bidId: entry.bidId, label: entry.label } : null };
  }
}
