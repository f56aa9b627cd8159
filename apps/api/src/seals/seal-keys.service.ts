import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decryptPrivateKey } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid } from '../common/app-error';
import { Clock } from '../common/clock';
import { RootCaService } from '../documents/root-ca.service';
import { RecordService } from '../record/record.service';
import { WrongPin, createCustodianKey, openCustodianKey, rewrapCustodianKey, unwrapSealKey, wrapSealKey } from './seal-key-wrap';

const personal = (communityId: string, userId: string) => `${communityId}|${userId}`;
const copyContext = (sealId: string, userId: string) => `${sealId}|${userId}`;

/** A PIN is typed by a person on a phone or a keyboard; 8+ characters make an offline guess expensive (argon2id). */
export function checkPinShape(pin: unknown): asserts pin is string {
  if (typeof pin !== 'string' || pin.length < 8 || pin.length > 64) {
    throw new Invalid('用章密码须为 8 至 64 个字符', 'seal_pin_invalid');
  }
}

interface KeyRow {
  public_key_pem: string;
  private_wrapped: string;
  locked_until: Date | null;
}

/** Wrong PINs in a row before the custodian's key is locked, and for how long (guessing through the API). */
export const PIN_MAX_FAILURES = 5;
const PIN_LOCK_MINUTES = 15;

/**
 * Custodians' seal PINs and the PIN-protected copies of seal keys (电子签名法 Art. 13). The server never stores a
 * seal key in a form it can open alone: every copy needs its custodian's PIN.
 */
@Injectable()
export class SealKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rootCa: RootCaService,
    private readonly record: RecordService,
  ) {}

  async status(communityId: string, userId: string) {
    const [key] = await this.dataSource.query<{ updated_at: Date }[]>(
      'SELECT updated_at FROM custodian_keys WHERE community_id = $1 AND user_id = $2',
      [communityId, userId],
    );
    const copies = await this.dataSource.query<{ seal_id: string }[]>(
      'SELECT seal_id FROM seal_key_copies WHERE community_id = $1 AND user_id = $2',
      [communityId, userId],
    );
    return { pinSet: !!key, pinSetAt: key?.updated_at ?? null, sealIds: copies.map((c) => c.seal_id) };
  }

  /** Sets the caller's seal PIN (first time), or changes it (needs the current PIN). */
  async setPin(actorId: string, communityId: string, pin: string, currentPin?: string) {
    checkPinShape(pin);
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.keyOf(manager, communityId, actorId, true);
      const now = this.clock.now();
      if (existing) {
        if (!currentPin)
          throw new Conflict(
            '已设置用章密码：修改须输入原密码；忘记密码请重置（须刻制新一届印章或由其他保管人交接）',
            'seal_pin_already_set',
          );
        const wrapped = await this.rewrap(existing.private_wrapped, currentPin, pin, personal(communityId, actorId));
        await manager.query('UPDATE custodian_keys SET private_wrapped = $3, updated_at = $4 WHERE community_id = $1 AND user_id = $2', [
          communityId,
          actorId,
          wrapped,
          now,
        ]);
        await this.append(manager, communityId, actorId, 'seals.pin_changed', {});
        return;
      }
      const key = await createCustodianKey(pin, personal(communityId, actorId));
      await manager.query(
        'INSERT INTO custodian_keys (community_id, user_id, public_key_pem, private_wrapped, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
        [communityId, actorId, key.publicKeyPem, key.privateWrapped, now],
      );
      const migrated = await this.migrateLegacy(manager, communityId, actorId, key.publicKeyPem);
      await this.append(manager, communityId, actorId, 'seals.pin_set', { legacySealsRewrapped: migrated });
    });
    return this.status(communityId, actorId);
  }

  /** Forgotten PIN: the personal key and every seal copy made for it are destroyed; recorded. */
  async resetPin(actorId: string, communityId: string) {
    await this.dataSource.transaction(async (manager) => {
      // DELETE through TypeORM answers [rows, count].
      const [copies] = await manager.query<[{ seal_id: string }[], number]>(
        'DELETE FROM seal_key_copies WHERE community_id = $1 AND user_id = $2 RETURNING seal_id',
        [communityId, actorId],
      );
      const [, deleted] = await manager.query('DELETE FROM custodian_keys WHERE community_id = $1 AND user_id = $2', [
        communityId,
        actorId,
      ]);
      if (!deleted) throw new Conflict('尚未设置用章密码', 'seal_pin_not_set');
      await this.append(manager, communityId, actorId, 'seals.pin_reset', { sealIdsLost: copies.map((c) => c.seal_id) });
    });
    return this.status(communityId, actorId);
  }

  /** Gives a copy of a new seal's key to each custodian who has set a PIN; returns who received one. */
  async wrapForCustodians(
    manager: EntityManager,
    communityId: string,
    sealId: string,
    keyPem: string,
    userIds: string[],
  ): Promise<string[]> {
    const keys = await manager.query<{ user_id: string; public_key_pem: string }[]>(
      `SELECT k.user_id, k.public_key_pem FROM custodian_keys k
       WHERE k.community_id = $1 AND k.user_id = ANY($2)
         AND NOT EXISTS (SELECT 1 FROM seal_key_copies c WHERE c.seal_id = $3 AND c.user_id = k.user_id)`,
      [communityId, userIds, sealId],
    );
    for (const k of keys) {
      await manager.query(
        'INSERT INTO seal_key_copies (community_id, seal_id, user_id, key_wrapped, created_at) VALUES ($1, $2, $3, $4, $5)',
        [communityId, sealId, k.user_id, wrapSealKey(keyPem, k.public_key_pem, copyContext(sealId, k.user_id)), this.clock.now()],
      );
    }
    return keys.map((k) => k.user_id);
  }

  /** An ended custodian's copy is destroyed with the custody. */
  async destroyCopies(manager: EntityManager, sealId: string, userIds: string[]) {
    if (userIds.length) await manager.query('DELETE FROM seal_key_copies WHERE seal_id = $1 AND user_id = ANY($2)', [sealId, userIds]);
  }

  async holders(manager: EntityManager, sealId: string): Promise<Set<string>> {
    const rows = await manager.query<{ user_id: string }[]>('SELECT user_id FROM seal_key_copies WHERE seal_id = $1', [sealId]);
    return new Set(rows.map((r) => r.user_id));
  }

  /** The seal's private key, opened for one signature by the custodian's PIN. */
  async signingKey(manager: EntityManager, communityId: string, sealId: string, userId: string, pin: string | undefined): Promise<string> {
    const key = await this.keyOf(manager, communityId, userId);
    if (!key) throw new Conflict('请先设置用章密码', 'seal_pin_not_set');
    const [copy] = await manager.query<{ key_wrapped: string }[]>(
      'SELECT key_wrapped FROM seal_key_copies WHERE seal_id = $1 AND user_id = $2',
      [sealId, userId],
    );
    if (!copy) throw new Conflict('您还没有该印章的密钥副本：须由持有密钥的保管人输入用章密码交接，或刻制新一届印章', 'seal_key_missing');
    if (!pin) throw new Invalid('用章须输入用章密码', 'seal_pin_required');
    if (key.locked_until && key.locked_until > this.clock.now()) {
      throw new Conflict(`用章密码连续输错${PIN_MAX_FAILURES}次，已锁定${PIN_LOCK_MINUTES}分钟，请稍后再试`, 'seal_pin_locked');
    }
    let priv: Buffer;
    try {
      priv = await this.open(key.private_wrapped, pin, personal(communityId, userId));
    } catch (e) {
      // Counted outside the caller's transaction, which the refusal rolls back.
      await this.dataSource.query(
        `UPDATE custodian_keys SET failed_pins = failed_pins + 1,
           locked_until = CASE WHEN failed_pins + 1 >= $3 THEN $4::timestamptz + make_interval(mins => $5) ELSE locked_until END
         WHERE community_id = $1 AND user_id = $2`,
        [communityId, userId, PIN_MAX_FAILURES, this.clock.now(), PIN_LOCK_MINUTES],
      );
      throw e;
    }
    await manager.query(
      'UPDATE custodian_keys SET failed_pins = 0, locked_until = NULL WHERE community_id = $1 AND user_id = $2 AND failed_pins > 0',
      [communityId, userId],
    );
    return unwrapSealKey(copy.key_wrapped, priv, copyContext(sealId, userId));
  }

  /** An existing custodian opens the seal key with their PIN and gives a copy to the co-custodians still without one. */
  async handOver(
    manager: EntityManager,
    communityId: string,
    sealId: string,
    actorId: string,
    pin: string,
    to: string[],
  ): Promise<string[]> {
    const keyPem = await this.signingKey(manager, communityId, sealId, actorId, pin);
    return this.wrapForCustodians(manager, communityId, sealId, keyPem, to);
  }

  private async keyOf(manager: EntityManager, communityId: string, userId: string, lock = false): Promise<KeyRow | undefined> {
    const [row] = await manager.query<KeyRow[]>(
      `SELECT public_key_pem, private_wrapped, locked_until FROM custodian_keys WHERE community_id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [communityId, userId],
    );
    return row;
  }

  private async open(wrapped: string, pin: string, context: string): Promise<Buffer> {
    try {
      return await openCustodianKey(wrapped, pin, context);
    } catch (e) {
      if (e instanceof WrongPin) throw new Forbidden('用章密码不正确', 'seal_pin_wrong');
      throw e;
    }
  }

  private async rewrap(wrapped: string, oldPin: string, newPin: string, context: string): Promise<string> {
    try {
      return await rewrapCustodianKey(wrapped, oldPin, newPin, context);
    } catch (e) {
      if (e instanceof WrongPin) throw new Forbidden('原用章密码不正确', 'seal_pin_wrong');
      throw e;
    }
  }

  /**
   * Seals issued before PINs existed carry a MASTER_KEY copy. When one of their custodians sets a PIN the key is
   * re-wrapped for them; once every active custodian holds a copy the MASTER_KEY copy is erased.
   */
  private async migrateLegacy(manager: EntityManager, communityId: string, userId: string, publicKeyPem: string): Promise<string[]> {
    const seals = await manager.query<{ id: string; key_encrypted: string }[]>(
      `SELECT s.id, s.key_encrypted FROM seals s JOIN seal_custodians sc ON sc.seal_id = s.id AND sc.ended_at IS NULL AND sc.user_id = $2
       WHERE s.community_id = $1 AND s.status = 'active' AND s.key_encrypted IS NOT NULL FOR UPDATE OF s`,
      [communityId, userId],
    );
    for (const seal of seals) {
      const keyPem = decryptPrivateKey(seal.key_encrypted, this.rootCa.masterKey, seal.id);
      await manager.query(
        'INSERT INTO seal_key_copies (community_id, seal_id, user_id, key_wrapped, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [communityId, seal.id, userId, wrapSealKey(keyPem, publicKeyPem, copyContext(seal.id, userId)), this.clock.now()],
      );
      await manager.query(
        `UPDATE seals SET key_encrypted = NULL WHERE id = $1 AND NOT EXISTS (
           SELECT 1 FROM seal_custodians sc WHERE sc.seal_id = $1 AND sc.ended_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM seal_key_copies c WHERE c.seal_id = $1 AND c.user_id = sc.user_id))`,
        [seal.id],
      );
    }
    return seals.map((s) => s.id);
  }

  private append(manager: EntityManager, communityId: string, actorId: string, action: string, payload: Record<string, unknown>) {
    return this.record.append(manager, { communityId, actorId, action, subjectType: 'user', subjectId: actorId, payload });
  }
}
