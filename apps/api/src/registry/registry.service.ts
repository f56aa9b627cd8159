import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatArea, parseArea } from '@gongyi/domain/area';
import { computeTotals, type RegistryUnit } from '@gongyi/domain/registry/headcount';
import { electorateUnits, WHOLE_COMMUNITY, type Electorate } from '@gongyi/domain/voting/electorate';
import { DataSource, EntityManager, In } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import type { CommunityRole } from '../identity/roles';
import { RolesService } from '../identity/roles.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { CreateCommunityDto, OwnerQueryDto, UnitQueryDto } from './dto/registry.dto';
import { Community } from './entities/community.entity';
import { hideIdTail, maskMobile } from './identity-number';

export interface VoterUnit extends RegistryUnit {
  number: string;
  building: string;
  buildingId: string;
  stairwell: string;
  ownerName: string | null;
  ownerUserId: string | null;
}

export interface CommunityTotals {
  totalArea: string;
  totalHeadcount: number;
  unitCount: number;
  developerUnitCount: number;
  multiUnitOwnerCount: number;
  /** The 2/3 participation lines of 民法典 Art. 278, for display. */
  twoThirdsArea: string;
  twoThirdsHeadcount: number;
  countParkingAsArea: boolean;
}

/** Roles that may see owners' names and (masked) mobiles in the unit table. */
const SEES_OWNER_NAMES: CommunityRole[] = ['committee_director', 'committee_member', 'residents_committee', 'party_secretary'];

@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordService,
    private readonly roles: RolesService,
    private readonly rulebook: RulebookService,
  ) {}

  async createCommunity(actorId: string, input: CreateCommunityDto): Promise<Community> {
    const timeZone = input.timeZone ?? 'Asia/Shanghai';
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new Invalid(`未知时区 unknown time zone "${timeZone}"`, 'invalid_time_zone');
    }
    return this.dataSource.transaction(async (manager) => {
      const exists = await manager.findOneBy(Community, { name: input.name.trim() });
      if (exists) throw new Conflict(`小区「${input.name}」已存在 (community already exists)`, 'community_exists');
      const community = await manager.save(Community, {
        name: input.name.trim(),
        district: input.district?.trim() ?? '',
        address: input.address?.trim() ?? '',
        timeZone,
      });
      await this.record.append(manager, {
        communityId: community.id,
        actorId,
        action: 'registry.community_created',
        subjectType: 'community',
        subjectId: community.id,
        payload: { name: community.name, district: community.district, address: community.address, timeZone },
      });
      return community;
    });
  }

  async listCommunities(user: { id: string; isPlatformAdmin: boolean }) {
    if (user.isPlatformAdmin) {
      const all = await this.dataSource.getRepository(Community).find({ order: { name: 'ASC' } });
      return all.map((c) => ({ ...c, roles: [] as CommunityRole[] }));
    }
    const mine = await this.roles.communitiesOf(user.id);
    const rows = await this.dataSource.getRepository(Community).findBy({ id: In(mine.map((m) => m.communityId)) });
    return mine.map((m) => ({ ...rows.find((r) => r.id === m.communityId)!, roles: m.roles }));
  }

  async getCommunity(communityId: string): Promise<Community> {
    const community = await this.dataSource.getRepository(Community).findOneBy({ id: communityId });
    if (!community) throw new NotFound('小区 community');
    return community;
  }

  /** Every unit with its designated voter, as the headcount rules and the electoral roll need them. */
  async voterUnits(communityId: string, manager: EntityManager = this.dataSource.manager): Promise<VoterUnit[]> {
    const rows = await manager.query<Record<string, string | null>[]>(
      `SELECT u.id, u.number, b.name AS building, u.building_id, u.stairwell, u.exclusive_area::text AS area, u.status, u.kind,
              uo.owner_id, o.name AS owner_name, o.user_id
       FROM units u JOIN buildings b ON b.id = u.building_id AND b.community_id = u.community_id
       LEFT JOIN unit_owners uo ON uo.unit_id = u.id AND uo.is_designated_voter
       LEFT JOIN owners o ON o.id = uo.owner_id
       WHERE u.community_id = $1 ORDER BY u.number`,
      [communityId],
    );
    return rows.map((r) => ({
      unitId: r.id!,
      number: r.number!,
      building: r.building!,
      buildingId: r.building_id!,
      stairwell: r.stairwell ?? '',
      areaHundredths: parseArea(r.area!),
      status: r.status as VoterUnit['status'],
      kind: r.kind as VoterUnit['kind'],
      // The developer's own owner row is not a voter: its units vote together under the developer key.
      voterOwnerId: r.status === 'sold' ? r.owner_id : null,
      ownerName: r.owner_name,
      ownerUserId: r.user_id,
    }));
  }

  /**
   * THE totals function: every place that shows total area / heads / 2/3 lines (overview, totals route, a vote
   * before its notice, the roll frozen at notice) counts the same units — the vote's electorate — under the
   * same parking setting of the rulebook.
   */
  async totals(
    communityId: string,
    options: { countParkingAsArea?: boolean; electorate?: Electorate } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CommunityTotals> {
    // Unless the caller holds the rulebook version it runs under (a vote), the version in force decides.
    const countParkingAsArea =
      options.countParkingAsArea ?? (await this.rulebook.current(communityId, manager)).settings.countParkingAsArea;
    const units = await this.electorateVoterUnits(communityId, options.electorate ?? WHOLE_COMMUNITY, manager);
    const totals = computeTotals(units, { countParkingAsArea });
    // Ceiling of 2/3, exact: the least value v with 3v ≥ 2·total.
    const twoThirdsArea = (totals.totalAreaHundredths * 2n + 2n) / 3n;
    return {
      totalArea: formatArea(totals.totalAreaHundredths),
      totalHeadcount: totals.totalHeadcount,
      unitCount: totals.unitCount,
      developerUnitCount: totals.developerUnitCount,
      multiUnitOwnerCount: totals.multiUnitOwnerCount,
      twoThirdsArea: formatArea(twoThirdsArea),
      twoThirdsHeadcount: Math.ceil((totals.totalHeadcount * 2) / 3),
      countParkingAsArea,
    };
  }

  /** The units whose owners decide a vote: what the roll is frozen from and every total is computed from. */
  async electorateVoterUnits(communityId: string, electorate: Electorate, manager: EntityManager = this.dataSource.manager) {
    return electorateUnits(await this.voterUnits(communityId, manager), electorate);
  }

  /** Checks that every building an electorate names belongs to the community. */
  async assertElectorateBuildings(communityId: string, electorate: Electorate, manager: EntityManager = this.dataSource.manager) {
    if (electorate.scope === 'community') return;
    const ids = [...new Set([...electorate.buildingIds, ...electorate.stairwells.map((s) => s.buildingId)])];
    const found = await manager.query<{ id: string }[]>('SELECT id FROM buildings WHERE community_id = $1 AND id = ANY($2::uuid[])', [
      communityId,
      ids,
    ]);
    if (found.length !== ids.length) throw new Invalid('表决范围中有不属于本小区的楼栋', 'invalid_electorate');
  }

  async buildings(communityId: string) {
    return this.dataSource.query<{ id: string; name: string; unitCount: number; totalArea: string; stairwells: string[] }[]>(
      `SELECT b.id, b.name, count(u.id)::int AS "unitCount", coalesce(sum(u.exclusive_area), 0)::text AS "totalArea",
              coalesce(array_agg(DISTINCT u.stairwell ORDER BY u.stairwell) FILTER (WHERE u.stairwell <> ''), '{}') AS stairwells
       FROM buildings b LEFT JOIN units u ON u.building_id = b.id
       WHERE b.community_id = $1 GROUP BY b.id, b.name
       ORDER BY length(b.name), b.name`,
      [communityId],
    );
  }

  async units(communityId: string, query: UnitQueryDto, viewerRoles: CommunityRole[], viewerIsAdmin: boolean) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [communityId];
    const where = ['u.community_id = $1'];
    if (query.buildingId) where.push(`u.building_id = $${params.push(query.buildingId)}`);
    if (query.status) where.push(`u.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`u.kind = $${params.push(query.kind)}`);
    if (query.q?.trim()) {
      const p = params.push(`%${query.q.trim()}%`);
      where.push(`(u.number ILIKE $${p} OR b.name ILIKE $${p} OR EXISTS (
        SELECT 1 FROM unit_owners x JOIN owners o ON o.id = x.owner_id WHERE x.unit_id = u.id AND o.name ILIKE $${p}))`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM units u JOIN buildings b ON b.id = u.building_id AND b.community_id = u.community_id WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT u.id, u.number, b.name AS building, u.stairwell, u.room, u.kind, u.exclusive_area::text AS area,
              u.area_source, u.status,
              coalesce(json_agg(json_build_object('name', o.name, 'kind', o.kind, 'mobile', o.mobile, 'designated', uo.is_designated_voter)
                ORDER BY uo.is_designated_voter DESC, o.name) FILTER (WHERE o.id IS NOT NULL), '[]') AS owners
       FROM units u JOIN buildings b ON b.id = u.building_id AND b.community_id = u.community_id
       LEFT JOIN unit_owners uo ON uo.unit_id = u.id LEFT JOIN owners o ON o.id = uo.owner_id
       WHERE ${filter}
       GROUP BY u.id, b.name
       ORDER BY length(b.name), b.name, u.stairwell, length(u.room), u.room
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const seesNames = viewerIsAdmin || viewerRoles.some((r) => SEES_OWNER_NAMES.includes(r));
    const items = rows.map((r) => ({
      id: r.id,
      number: r.number,
      building: r.building,
      stairwell: r.stairwell,
      room: r.room,
      kind: r.kind,
      area: r.area,
      areaSource: r.area_source,
      status: r.status,
      owners: (r.owners as { name: string; kind: string; mobile: string | null; designated: boolean }[]).map((o) => ({
        name: seesNames || o.kind !== 'person' ? o.name : `${o.name.slice(0, 1)}**`,
        kind: o.kind,
        mobile: maskMobile(o.mobile),
        designated: o.designated,
      })),
    }));
    return { total, page, pageSize, items };
  }

  async owners(communityId: string, query: OwnerQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const q = query.q?.trim() ? `%${query.q.trim()}%` : null;
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT o.id, o.kind, o.name, o.mobile, o.id_number_masked, o.user_id IS NOT NULL AS has_account,
              array_agg(u.number ORDER BY u.number) AS units, sum(u.exclusive_area)::text AS area,
              count(*) OVER ()::int AS total
       FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id JOIN units u ON u.id = uo.unit_id
       WHERE o.community_id = $1 AND ($2::text IS NULL OR o.name ILIKE $2 OR u.number ILIKE $2)
       GROUP BY o.id ORDER BY o.name LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      [communityId, q],
    );
    return {
      total: (rows[0]?.total as number) ?? 0,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        mobile: maskMobile(r.mobile as string | null),
        idNumber: hideIdTail(r.id_number_masked as string | null),
        hasAccount: r.has_account,
        units: r.units,
        area: r.area,
      })),
    };
  }
}
