import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActivationLettersService } from '../apps/api/src/activation/activation-letters.service';
import { registeredMobile } from './demo-data';

/**
 * Demo owners get activation codes, never passwords: the director issues letters for two owners, and the
 * demo prints each code with the fact the owner adds (the last 4 digits of the mobile the residents' committee's
 * register holds, which only the owner would know in real life) so the activation page can be tried at /activate.
 */
export async function issueDemoActivationCodes(app: INestApplication, communityId: string, directorId: string): Promise<string[]> {
  const dataSource = app.get(DataSource);
  const owners = await dataSource.query<{ id: string; name: string; mobile: string; number: string }[]>(
    `SELECT o.id, o.name, o.mobile, min(u.number) AS number
     FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id AND uo.is_designated_voter JOIN units u ON u.id = uo.unit_id
     WHERE o.community_id = $1 AND o.kind = 'person' AND o.mobile IS NOT NULL AND o.user_id IS NULL
     GROUP BY o.id ORDER BY min(u.number) LIMIT 2`,
    [communityId],
  );
  const { letters } = await app.get(ActivationLettersService).issue(directorId, communityId, { ownerIds: owners.map((o) => o.id) });
  return letters.map((letter) => {
    const owner = owners.find((o) => o.id === letter.ownerId)!;
    return `  ${owner.number.padEnd(12)} ${owner.name}：激活码 ${letter.code}，核验信息（登记手机号后 4 位）${registeredMobile(owner.mobile).slice(-4)}`;
  });
}
