import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkAdoptionByResidentsCommittee,
  checkAdoptionByVote,
  draftReference,
  referencesIn,
} from '@gongyi/domain/duties/rulebook-adoption';
import type { RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RolesService } from '../identity/roles.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from './rulebook.service';

interface DraftRow {
  id: string;
  change: Partial<RulebookSettings>;
  note: string;
  status: string;
  drafted_by: string;
}

/**
 * Changing the rulebook needs a decision (issue 10 item 5): one committee member drafts; the draft takes effect
 * only by citing a passed assembly vote of this community on an art278_1 item, or — the first rulebook only — by
 * the residents' committee's confirmation. Nobody, director or platform admin, can make a version alone.
 */
@Injectable()
export class RulebookDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rulebook: RulebookService,
    private readonly roles: RolesService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
  ) {}

  async list(communityId: string) {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT d.id, d.change, d.note, d.status, d.drafted_by AS "draftedBy", u.display_name AS "draftedByName", d.drafted_at AS "draftedAt",
              d.basis, d.vote_id AS "voteId", v.title AS "voteTitle", d.decided_by AS "decidedBy", x.display_name AS "decidedByName",
              d.decided_at AS "decidedAt", d.version
       FROM rulebook_drafts d JOIN users u ON u.id = d.drafted_by LEFT JOIN users x ON x.id = d.decided_by
       LEFT JOIN assembly_votes v ON v.id = d.vote_id
       WHERE d.community_id = $1 ORDER BY d.drafted_at DESC LIMIT 200`,
      [communityId],
    );
    return rows.map((row) => ({ ...row, reference: draftReference(row.id) }));
  }

  /**
   * Votes a draft may cite: closed votes on art278_1 items of this community that no draft has used yet, with the
   * draft numbers their motions name (a draft can cite only a vote naming it).
   */
  async citableVotes(communityId: string) {
    const rows = await this.dataSource.query<{ motionTexts: string[] }[]>(
      `SELECT v.id, v.title, v.closed_at AS "closedAt", i.title AS "itemTitle",
              coalesce(bool_and(t.outcome = 'passed'), false) AS passed,
              (SELECT array_agg(m.title || ' ' || m.full_text) FROM motions m WHERE m.vote_id = v.id) AS "motionTexts"
       FROM assembly_votes v JOIN agenda_items i ON i.id = v.agenda_item_id LEFT JOIN tally_records t ON t.vote_id = v.id
       WHERE v.community_id = $1 AND i.category = 'art278_1' AND v.status = 'closed'
         AND NOT EXISTS (SELECT 1 FROM rulebook_drafts d WHERE d.vote_id = v.id AND d.status = 'adopted')
       GROUP BY v.id, v.title, v.closed_at, i.title ORDER BY v.closed_at DESC`,
      [communityId],
    );
    return rows.map(({ motionTexts, ...row }) => ({ ...row, draftReferences: referencesIn(motionTexts ?? []) }));
  }

  async draft(actorId: string, communityId: string, change: Partial<RulebookSettings>, note: string) {
    await this.rulebook.validateChange(communityId, change);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO rulebook_drafts (community_id, change, note, status, drafted_by, drafted_at) VALUES ($1, $2, $3, 'draft', $4, $5) RETURNING id`,
        [communityId, JSON.stringify(change), note, actorId, this.clock.now()],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'rulebook.drafted',
        subjectType: 'rulebook_draft',
        subjectId: row.id,
        payload: { change, note },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'residents_committee',
        subject: '议事规则修订草案',
        body: `业委会起草了议事规则修订：${note}。草案须经业主大会表决通过（首版须居委会确认）后生效。`,
        subjectType: 'rulebook_draft',
        subjectId: row.id,
      });
      return { id: row.id, status: 'draft' };
    });
  }

  /** The draft takes effect on the strength of a passed assembly vote on an art278_1 item of this community. */
  async adoptByVote(actorId: string, communityId: string, draftId: string, voteId: string) {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, communityId, draftId);
      const [vote] = await manager.query<{ status: string; category: string; outcomes: string[]; motion_texts: string[] | null }[]>(
        `SELECT v.status, i.category, coalesce(array_agg(t.outcome) FILTER (WHERE t.outcome IS NOT NULL), '{}') AS outcomes,
                (SELECT array_agg(m.title || ' ' || m.full_text) FROM motions m WHERE m.vote_id = v.id AND m.community_id = v.community_id) AS motion_texts
         FROM assembly_votes v JOIN agenda_items i ON i.id = v.agenda_item_id LEFT JOIN tally_records t ON t.vote_id = v.id
         WHERE v.id = $1 AND v.community_id = $2 GROUP BY v.id, v.status, i.category`,
        [voteId, communityId],
      );
      const [used] = await manager.query(`SELECT id FROM rulebook_drafts WHERE vote_id = $1 AND community_id = $2 AND status = 'adopted'`, [
        voteId,
        communityId,
      ]);
      if (used) throw new Conflict('该表决已作为另一版议事规则的依据', 'decision_already_used');
      checkAdoptionByVote(
        {
          found: !!vote,
          status: vote?.status ?? '',
          category: vote?.category ?? '',
          outcomes: vote?.outcomes ?? [],
          motionTexts: vote?.motion_texts ?? [],
        },
        { reference: draftReference(draft.id) },
      );
      return this.adopt(manager, actorId, communityId, draft, { basis: 'assembly_vote', voteId, draftId });
    });
  }

  /** The first rulebook of a community: the residents' committee confirms the draft. */
  async confirmFirst(actorId: string, communityId: string, draftId: string) {
    const actorRoles = await this.roles.activeRoles(actorId, communityId);
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, communityId, draftId);
      const current = await this.rulebook.current(communityId, manager);
      const [{ adopted }] = await manager.query<{ adopted: number }[]>(
        'SELECT count(*)::int AS adopted FROM rulebooks WHERE community_id = $1 AND basis IS NOT NULL',
        [communityId],
      );
      checkAdoptionByResidentsCommittee({ actorRoles, firstRulebook: adopted === 0 && current.version === 1 });
      return this.adopt(manager, actorId, communityId, draft, { basis: 'residents_committee', voteId: null, draftId });
    });
  }

  async withdraw(actorId: string, communityId: string, draftId: string) {
    await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, communityId, draftId);
      await manager.query(`UPDATE rulebook_drafts SET status = 'withdrawn', decided_at = $2 WHERE id = $1`, [draftId, this.clock.now()]);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'rulebook.draft_withdrawn',
        subjectType: 'rulebook_draft',
        subjectId: draftId,
        payload: {},
      });
    });
    return { id: draftId, status: 'withdrawn' };
  }

  private async adopt(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    draft: DraftRow,
    decision: { basis: 'assembly_vote' | 'residents_committee'; voteId: string | null; draftId: string },
  ) {
    const version = await this.rulebook.adopt(manager, actorId, communityId, draft.change, draft.note, decision);
    await manager.query(
      `UPDATE rulebook_drafts SET status = 'adopted', basis = $2, vote_id = $3, decided_by = $4, decided_at = $5, version = $6 WHERE id = $1`,
      [draft.id, decision.basis, decision.voteId, actorId, this.clock.now(), version.version],
    );
    return version;
  }

  private async lockDraft(manager: EntityManager, communityId: string, draftId: string): Promise<DraftRow> {
    const [draft] = await manager.query<DraftRow[]>(
      'SELECT id, change, note, status, drafted_by FROM rulebook_drafts WHERE id = $1 AND community_id = $2 FOR UPDATE',
      [draftId, communityId],
    );
    if (!draft) throw new NotFound('议事规则草案 rulebook draft');
    if (draft.status !== 'draft') throw new Conflict('该草案已生效或已撤回', 'rulebook_draft_closed');
    return draft;
  }
}
