import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RosterUnit, validateRoster } from '@gongyi/domain/registry/roster';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { DataSource, EntityManager } from 'typeorm';
import { Invalid } from '../../common/app-error';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config';
import { RecordService } from '../../record/record.service';
import { hashIdNumber, maskIdNumber } from '../identity-number';
import { parseRosterFile } from './roster-file.parser';

export interface RosterImportResult {
  rows: number;
  buildingsCreated: number;
  unitsCreated: number;
  unitsUpdated: number;
  unitsUnchanged: number;
  ownersCreated: number;
  ownershipChanged: number;
  /** Units already registered that the file does not mention (left as they are). */
  unitsNotInFile: number;
}

const DEVELOPER_KEY = 'developer';

function ownerKey(person: { name: string; mobile: string | null }): string {
  return person.mobile ? `m:${person.mobile}` : `n:${person.name}`;
}

/**
 * Imports the house register all-or-nothing: every row is checked first and a
 * bad file changes nothing; a good one is applied in one transaction, matched
 * by unit number so importing the same file again changes nothing.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly record: RecordService,
  ) {}

  async import(actorId: string, communityId: string, file: { buffer: Buffer; originalname: string }): Promise<RosterImportResult> {
    const parsed = await parseRosterFile(file.buffer, file.originalname);
    const { units, errors } = parsed.errors.length ? { units: [], errors: parsed.errors } : validateRoster(parsed.rows);
    if (errors.length) {
      throw new Invalid(`花名册有 ${errors.length} 处错误，未导入任何数据 (roster has errors; nothing imported)`, 'roster_invalid', {
        errors,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      // One import per community at a time, so two uploads cannot interleave.
      await manager.query('SELECT pg_advisory_xact_lock(42, hashtext($1))', [communityId]);
      const result = await this.apply(manager, communityId, units);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.roster_imported',
        subjectType: 'community',
        subjectId: communityId,
        payload: { fileSha256: sha256Hex(file.buffer), filename: file.originalname, ...result },
      });
      return result;
    });
  }

  private async apply(manager: EntityManager, communityId: string, units: RosterUnit[]): Promise<RosterImportResult> {
    const buildingNames = [...new Set(units.map((u) => u.building))];
    const createdBuildings = await manager.query<{ id: string }[]>(
      `INSERT INTO buildings (community_id, name) SELECT $1, unnest($2::text[]) ON CONFLICT (community_id, name) DO NOTHING RETURNING id`,
      [communityId, buildingNames],
    );
    const buildingRows = await manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM buildings WHERE community_id = $1 AND name = ANY($2::text[])',
      [communityId, buildingNames],
    );
    const buildingId = new Map(buildingRows.map((b) => [b.name, b.id]));

    const before = await this.ownershipSignatures(manager, communityId);
    const [{ count: registered }] = await manager.query<{ count: string }[]>('SELECT count(*) FROM units WHERE community_id = $1', [
      communityId,
    ]);

    // Upsert units; the WHERE makes an identical row a no-op so it is neither "updated" nor returned.
    const changed = await manager.query<{ inserted: boolean }[]>(
      `INSERT INTO units (community_id, building_id, stairwell, room, number, exclusive_area, area_source, status, kind)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT (community_id, number) DO UPDATE SET
         building_id = EXCLUDED.building_id, stairwell = EXCLUDED.stairwell, room = EXCLUDED.room,
         exclusive_area = EXCLUDED.exclusive_area, area_source = EXCLUDED.area_source, status = EXCLUDED.status,
         kind = EXCLUDED.kind, updated_at = now()
       WHERE (units.building_id, units.stairwell, units.room, units.exclusive_area, units.area_source, units.status, units.kind)
             IS DISTINCT FROM (EXCLUDED.building_id, EXCLUDED.stairwell, EXCLUDED.room, EXCLUDED.exclusive_area, EXCLUDED.area_source, EXCLUDED.status, EXCLUDED.kind)
       RETURNING (xmax = 0) AS inserted`,
      [
        communityId,
        units.map((u) => buildingId.get(u.building)),
        units.map((u) => u.stairwell),
        units.map((u) => u.room),
        units.map((u) => u.number),
        units.map((u) => u.area),
        units.map((u) => u.areaSource),
        units.map((u) => u.status),
        units.map((u) => u.kind),
      ],
    );
    const unitsCreated = changed.filter((r) => r.inserted).length;
    const unitsUpdated = changed.length - unitsCreated;
    const unitRows = await manager.query<{ id: string; number: string }[]>(
      'SELECT id, number FROM units WHERE community_id = $1 AND number = ANY($2::text[])',
      [communityId, units.map((u) => u.number)],
    );
    const unitId = new Map(unitRows.map((u) => [u.number, u.id]));

    const ownersCreated = await this.upsertOwners(manager, communityId, units);
    const ownerRows = await manager.query<{ id: string; match_key: string }[]>('SELECT id, match_key FROM owners WHERE community_id = $1', [
      communityId,
    ]);
    const ownerId = new Map(ownerRows.map((o) => [o.match_key, o.id]));

    const links = units.flatMap((u) =>
      u.owners.length === 0
        ? [{ unit: unitId.get(u.number)!, owner: ownerId.get(DEVELOPER_KEY)!, designated: true }]
        : u.owners.map((o) => ({ unit: unitId.get(u.number)!, owner: ownerId.get(ownerKey(o))!, designated: o.designated })),
    );
    await manager.query('DELETE FROM unit_owners WHERE community_id = $1 AND unit_id = ANY($2::uuid[])', [
      communityId,
      [...unitId.values()],
    ]);
    await manager.query(
      `INSERT INTO unit_owners (community_id, unit_id, owner_id, is_designated_voter)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::boolean[])`,
      [communityId, links.map((l) => l.unit), links.map((l) => l.owner), links.map((l) => l.designated)],
    );
    const after = await this.ownershipSignatures(manager, communityId);
    const ownershipChanged = units.filter((u) => before.get(u.number) !== after.get(u.number)).length;

    return {
      rows: units.length,
      buildingsCreated: createdBuildings.length,
      unitsCreated,
      unitsUpdated,
      unitsUnchanged: units.length - unitsCreated - unitsUpdated,
      ownersCreated,
      ownershipChanged,
      unitsNotInFile: Number(registered) - (units.length - unitsCreated),
    };
  }

  private async upsertOwners(manager: EntityManager, communityId: string, units: RosterUnit[]): Promise<number> {
    type OwnerRow = {
      kind: string;
      name: string;
      mobile: string | null;
      idHash: string | null;
      idMasked: string | null;
    };
    const byKey = new Map<string, OwnerRow>();
    // No activation facts from the committee's own roster: they come from the residents' committee (register-facts).
    for (const unit of units) {
      if (unit.owners.length === 0) {
        byKey.set(DEVELOPER_KEY, {
          kind: 'developer',
          name: '建设单位',
          mobile: null,
          idHash: null,
          idMasked: null,
        });
      }
      for (const owner of unit.owners) {
        const key = ownerKey(owner);
        const known = byKey.get(key);
        byKey.set(key, {
          kind: owner.kind,
          name: owner.name,
          mobile: owner.mobile,
          idHash: owner.idNumber ? hashIdNumber(owner.idNumber, this.config.idPepper) : (known?.idHash ?? null),
          idMasked: owner.idNumber ? maskIdNumber(owner.idNumber) : (known?.idMasked ?? null),
        });
      }
    }
    const entries = [...byKey.entries()];
    const rows = await manager.query<{ inserted: boolean }[]>(
      `INSERT INTO owners (community_id, match_key, kind, name, mobile, id_number_hash, id_number_masked)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (community_id, match_key) DO UPDATE SET
         kind = EXCLUDED.kind, name = EXCLUDED.name, mobile = EXCLUDED.mobile,
         id_number_hash = COALESCE(EXCLUDED.id_number_hash, owners.id_number_hash),
         id_number_masked = COALESCE(EXCLUDED.id_number_masked, owners.id_number_masked)
       WHERE (owners.kind, owners.name, owners.mobile) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.mobile)
          OR (EXCLUDED.id_number_hash IS NOT NULL AND EXCLUDED.id_number_hash IS DISTINCT FROM owners.id_number_hash)
       RETURNING (xmax = 0) AS inserted`,
      [
        communityId,
        entries.map(([k]) => k),
        entries.map(([, o]) => o.kind),
        entries.map(([, o]) => o.name),
        entries.map(([, o]) => o.mobile),
        entries.map(([, o]) => o.idHash),
        entries.map(([, o]) => o.idMasked),
      ],
    );
    return rows.filter((r) => r.inserted).length;
  }

  /** unit number → sorted "ownerKey*" list, to tell which units' ownership an import changed. */
  private async ownershipSignatures(manager: EntityManager, communityId: string): Promise<Map<string, string>> {
    const rows = await manager.query<{ number: string; signature: string }[]>(
      `SELECT u.number, string_agg(o.match_key || CASE WHEN uo.is_designated_voter THEN '*' ELSE '' END, '|' ORDER BY o.match_key) AS signature
       FROM units u JOIN unit_owners uo ON uo.unit_id = u.id JOIN owners o ON o.id = uo.owner_id
       WHERE u.community_id = $1 GROUP BY u.number`,
      [communityId],
    );
    return new Map(rows.map((r) => [r.number, r.signature]));
  }
}
