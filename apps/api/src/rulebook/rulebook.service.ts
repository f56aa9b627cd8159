import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_RULEBOOK, reviseRulebook, RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { type ChainRulebook, DEFAULT_CHAIN_RULEBOOK, validateChainRulebook } from '@gongyi/domain/chain/stages';
import { DataSource, EntityManager } from 'typeorm';
import { NotFound } from '../common/app-error';
import { RecordService } from '../record/record.service';
import { Rulebook } from './entities/rulebook.entity';

export interface RulebookVersion {
  version: number;
  settings: RulebookSettings;
  note: string;
  createdAt: Date;
  basis: 'assembly_vote' | 'residents_committee' | null;
  voteId: string | null;
  draftId: string | null;
}

/** The decision a new version rests on (see RulebookDraftsService: nobody revises the rulebook alone). */
export interface RulebookDecision {
  basis: 'assembly_vote' | 'residents_committee';
  voteId: string | null;
  draftId: string;
}

export function defaultSettings(): RulebookSettings {
  return { ...DEFAULT_RULEBOOK, stages: structuredClone(DEFAULT_CHAIN_RULEBOOK.stages) };
}

@Injectable()
export class RulebookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordService,
  ) {}

  /** The version in force; version 1 (national defaults) is written the first time anyone asks. */
  async current(communityId: string, manager: EntityManager = this.dataSource.manager): Promise<RulebookVersion> {
    const latest = await manager.findOne(Rulebook, { where: { communityId }, order: { version: 'DESC' } });
    if (latest) return this.toVersion(latest);
    await manager.query(
      `INSERT INTO rulebooks (community_id, version, settings, note) VALUES ($1, 1, $2, '全国默认规则 national defaults')
       ON CONFLICT (community_id, version) DO NOTHING`,
      [communityId, JSON.stringify(defaultSettings())],
    );
    return this.toVersion(await manager.findOneOrFail(Rulebook, { where: { communityId, version: 1 } }));
  }

  async version(communityId: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<RulebookVersion> {
    const row = await manager.findOneBy(Rulebook, { communityId, version });
    if (!row) throw new NotFound(`议事规则第 ${version} 版 rulebook version`);
    return this.toVersion(row);
  }

  async history(communityId: string): Promise<RulebookVersion[]> {
    await this.current(communityId);
    const rows = await this.dataSource.getRepository(Rulebook).find({ where: { communityId }, order: { version: 'DESC' } });
    return rows.map((r) => this.toVersion(r));
  }

  /** Checks a change against the version in force without saving it (a draft must be a valid rulebook). */
  async validateChange(communityId: string, change: Partial<RulebookSettings>, manager: EntityManager = this.dataSource.manager) {
    const current = await this.current(communityId, manager);
    const settings = reviseRulebook(current.settings, change);
    validateChainRulebook({ stages: settings.stages });
    return settings;
  }

  /**
   * A decided change becomes a new version, in the caller's transaction; items already under way keep the version
   * they started with. Only RulebookDraftsService calls it, with the decision it checked.
   */
  async adopt(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    change: Partial<RulebookSettings>,
    note: string,
    decision: RulebookDecision,
  ): Promise<RulebookVersion> {
    await manager.query('SELECT pg_advisory_xact_lock(43, hashtext($1))', [communityId]);
    const current = await this.current(communityId, manager);
    const settings = reviseRulebook(current.settings, change);
    validateChainRulebook({ stages: settings.stages });
    const saved = await manager.save(Rulebook, {
      communityId,
      version: current.version + 1,
      settings,
      note,
      createdBy: actorId,
      basis: decision.basis,
      voteId: decision.voteId,
      draftId: decision.draftId,
    });
    await this.record.append(manager, {
      communityId,
      actorId,
      action: 'rulebook.revised',
      subjectType: 'rulebook',
      subjectId: saved.id,
      payload: { version: saved.version, change, note, ...decision },
    });
    return this.toVersion(saved);
  }

  /** The chain's view of a rulebook version. */
  static chainRulebook(settings: RulebookSettings): ChainRulebook {
    return { stages: settings.stages };
  }

  private toVersion(row: Rulebook): RulebookVersion {
    return {
      version: row.version,
      // Versions written before a setting existed take its default (as reviseRulebook does).
      settings: { ...DEFAULT_RULEBOOK, ...(row.settings as RulebookSettings) },
      note: row.note,
      createdAt: row.createdAt,
      basis: row.basis as RulebookVersion['basis'],
      voteId: row.voteId,
      draftId: row.draftId,
    };
  }
}
