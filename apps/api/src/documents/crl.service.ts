import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createCrl, normaliseSerial, type Revocation } from '@gongyi/pdf';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { RootCaService } from './root-ca.service';

const NEXT_UPDATE_MS = 7 * 24 * 3600 * 1000;
const REISSUE_MS = 24 * 3600 * 1000;

/**
 * The root CA's certificate revocation list: every retired seal's certificate, revoked from its retirement time.
 * Deployment-wide on purpose (one CA, one CRL), so the query spans communities and reads only serials and times.
 */
@Injectable()
export class CrlService {
  private cached?: { key: string; der: Buffer; issuedAt: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rootCa: RootCaService,
  ) {}

  async revocations(): Promise<Revocation[]> {
    const rows = await this.dataSource.query<{ serial_number: string; retired_at: Date }[]>(
      `SELECT serial_number, retired_at FROM seals WHERE status = 'retired' AND retired_at IS NOT NULL ORDER BY retired_at`,
    );
    return rows.map((r) => ({ serial: normaliseSerial(r.serial_number), revokedAt: new Date(r.retired_at) }));
  }

  /** The current CRL (DER), re-signed when a seal is retired and at least daily (nextUpdate a week ahead). */
  async current(): Promise<Buffer> {
    const revoked = await this.revocations();
    const key = revoked.map((r) => `${r.serial}@${r.revokedAt.getTime()}`).join(',');
    const now = this.clock.now();
    if (
      this.cached &&
      this.cached.key === key &&
      now.getTime() - this.cached.issuedAt < REISSUE_MS &&
      now.getTime() >= this.cached.issuedAt
    )
      return this.cached.der;
    const der = createCrl(await this.rootCa.keyAndCertificate(), {
      revoked,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + NEXT_UPDATE_MS),
      // Monotonic without a counter table: seconds since the epoch.
      number: Math.floor(now.getTime() / 1000),
    });
    this.cached = { key, der, issuedAt: now.getTime() };
    return der;
  }

  /** Where the CRL is published, written into new seal certificates (CRL distribution point). */
  static url(publicUrl: string): string {
    return `${publicUrl.replace(/\/+$/, '')}/api/crl`;
  }
}
