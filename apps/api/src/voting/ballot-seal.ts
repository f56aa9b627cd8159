import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Conflict } from '../common/app-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { SEALED_PREFIX } from './sealed-choice';

const KEY_LABEL = 'gongyi:ballot-choice-seal:v1';
const PREFIX = SEALED_PREFIX;

/**
 * Choices are stored sealed (AES-256-GCM, key per vote derived by HKDF from MASTER_KEY and the vote id,
 * the motion bound in as associated data) and only this class opens them: for the tally, from the closing
 * time on; before it, only a ballot its owner looks at or a paper ballot the second clerk checks against
 * the paper. A database reader — admin, backup, the app role — sees ciphertext; the honest limit: whoever
 * holds MASTER_KEY and the database can decrypt, as for seal keys and bids.
 */
@Injectable()
export class BallotSeal {
  private readonly master: Buffer;
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig) {
    this.master = Buffer.from(config.masterKey, 'hex');
  }

  seal(voteId: string, motionId: string, choice: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(voteId), iv);
    cipher.setAAD(Buffer.from(`${voteId}:${motionId}`));
    const ciphertext = Buffer.concat([cipher.update(choice, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** For the tally and results: refused before the closing time (a closed vote was closed after it), whoever asks. */
  openForTally(vote: { id: string; closesAt: Date; status: string }, now: Date, motionId: string, stored: string): string {
    if (vote.status !== 'closed' && now < vote.closesAt)
      throw new Conflict('表决截止前无法查看投票选择 (choices stay sealed until the close)', 'choices_sealed');
    return this.open(vote.id, motionId, stored);
  }

  /**
   * A single ballot for the one who may see it (its owner; the clerk confirming a paper entry). Never an
   * aggregate: callers do not sum what this returns.
   */
  openOne(voteId: string, motionId: string, stored: string): string {
    return this.open(voteId, motionId, stored);
  }

  private open(voteId: string, motionId: string, stored: string): string {
    // Ballots cast before sealing was introduced hold the choice in clear.
    if (!stored.startsWith(PREFIX)) return stored;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key(voteId), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${voteId}:${motionId}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Whether a stored value opens (false: altered in the table). */
  opens(voteId: string, motionId: string, stored: string): boolean {
    try {
      this.open(voteId, motionId, stored);
      return true;
    } catch {
      return false;
    }
  }

  private key(voteId: string): Buffer {
    let key = this.keys.get(voteId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.master, Buffer.from(voteId, 'utf8'), KEY_LABEL, 32));
      if (this.keys.size > 1000) this.keys.clear();
      this.keys.set(voteId, key);
    }
    return key;
  }
}
