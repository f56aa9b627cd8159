import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';

export interface BidContent {
  amountFen: string;
  warrantyMonths: number;
  deliveryDays: number;
  proposal: string;
  attachment: { name: string; type: string; size: number; sha256: string } | null;
}

export interface SealedBid {
  iv: Buffer;
  ciphertext: Buffer;
  authTag: Buffer;
  commitment: string;
}

export interface OpenedBid {
  content: BidContent;
  /** Random per version; published at the opening so anyone can recompute the commitment. */
  nonce: string;
  attachment: Buffer | null;
}

/** Where a sealed version belongs; bound into the ciphertext so a version cannot be moved to another bid. */
export interface SealRef {
  hearingId: string;
  bidId: string;
  version: number;
}

const KEY_LABEL = 'gongyi:hearing-bid-seal:v1';

/**
 * The bid seal. Plaintext = u32 header length ‖ canonical JSON {nonce, content} ‖ attachment bytes, encrypted
 * with AES-256-GCM under a per-hearing key derived (HKDF-SHA256) from the master key, so nothing but this
 * class — which the opening and the bidding vendor's own view call — can read a bid. The commitment is the
 * SHA-256 of that plaintext; with the nonce in it, a guessed amount cannot be checked against it.
 */
@Injectable()
export class BidSeal {
  private readonly master: Buffer;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig) {
    this.master = Buffer.from(config.masterKey, 'hex');
  }

  seal(ref: SealRef, content: BidContent, attachment: Buffer | null): SealedBid {
    const nonce = randomBytes(32).toString('base64');
    const plaintext = BidSeal.plaintext(nonce, content, attachment);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(ref.hearingId), iv);
    cipher.setAAD(BidSeal.aad(ref));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { iv, ciphertext, authTag: cipher.getAuthTag(), commitment: BidSeal.commit(plaintext) };
  }

  /** Decrypts and checks the commitment; any mismatch means the stored bid was altered. */
  open(ref: SealRef, sealed: SealedBid): OpenedBid {
    const decipher = createDecipheriv('aes-256-gcm', this.key(ref.hearingId), sealed.iv);
    decipher.setAAD(BidSeal.aad(ref));
    decipher.setAuthTag(sealed.authTag);
    const plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    if (BidSeal.commit(plaintext) !== sealed.commitment) throw new Error(`bid ${ref.bidId} v${ref.version}: commitment mismatch`);
    const headerLength = plaintext.readUInt32BE(0);
    const header = JSON.parse(plaintext.subarray(4, 4 + headerLength).toString('utf8')) as { nonce: string; content: BidContent };
    const rest = plaintext.subarray(4 + headerLength);
    return { content: header.content, nonce: header.nonce, attachment: header.content.attachment ? Buffer.from(rest) : null };
  }

  static plaintext(nonce: string, content: BidContent, attachment: Buffer | null): Buffer {
    const header = Buffer.from(canonicalJson({ nonce, content }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    return Buffer.concat([length, header, attachment ?? Buffer.alloc(0)]);
  }

  static commit(plaintext: Buffer): string {
    return createHash('sha256').update(plaintext).digest('hex');
  }

  private key(hearingId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.master, Buffer.from(hearingId, 'utf8'), KEY_LABEL, 32));
  }

  private static aad(ref: SealRef): Buffer {
    return Buffer.from(`${ref.hearingId}:${ref.bidId}:${ref.version}`, 'utf8');
  }
}
