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

  /** A change is a new version; items already under way keep the version they started with. */
  async revise(actorId: string, communityId: string, change: Partial<RulebookSettings>, note: string): Promise<RulebookVersion> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(43, hashtext($1))', [communityId]);
      const current = await this.current(communityId, manager);
      const settings = reviseRulebook(current.settings, change);
      validateChainRulebook({ stages: settings.stages });
      const saved = await manager.save(Rulebook, { communityId, version: current.version + 1, settings, note, createdBy: actorId });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'rulebook.revised',
        subjectType: 'rulebook',
        subjectId: saved.id,
        payload: { version: saved.version, change, note },
      });
      return this.toVersion(saved);
    });
  }

  /** The chain's view of a rulebook version. */
  static chainRulebook(settings: RulebookSettings): ChainRulebook {
    return { stages: settings.stages };
  }

  private toVersion(row: Rulebook): RulebookVersion {
    return { version: row.version, settings: row.settings as RulebookSettings, note: row.note, createdAt: row.createdAt };
  }
}
