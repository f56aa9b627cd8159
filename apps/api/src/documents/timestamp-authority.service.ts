import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  buildTimeStampRequest,
  createTimeStampResponse,
  decryptPrivateKey,
  describeCertificate,
  encryptPrivateKey,
  issueTsaCertificate,
  readTimeStampResponse,
  type TimeStampAuthority,
} from '@gongyi/pdf';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DomainError } from '@gongyi/domain/errors';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { RootCa } from './entities/root-ca.entity';
import { RootCaService } from './root-ca.service';

/** Row name in seal_root_cas (the table of deployment-wide keys). */
export const TSA_NAME = 'timestamp-authority';
// pg_advisory_xact_lock namespace: two processes starting together create one TSA certificate, not two.
const TSA_LOCK = 48;
const EXTERNAL_TIMEOUT_MS = 10_000;

/**
 * Trusted time (RFC 3161). The deployment's own time-stamp authority: its certificate is issued by the seal root CA
 * (extended key usage timeStamping, critical) and its key kept encrypted under MASTER_KEY like the root's. With
 * TSA_URL set, seal signatures are stamped by that external authority instead; the responder route stays ours.
 */
@Injectable()
export class TimestampAuthorityService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seals');
  private authority?: Promise<TimeStampAuthority & { id: string }>;
  private externalCa?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly rootCa: RootCaService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.own();
  }

  /** The TSA certificate and key, created under the root CA on first use. */
  own(): Promise<TimeStampAuthority & { id: string }> {
    this.authority ??= this.load().catch((error: unknown) => {
      this.authority = undefined;
      throw error;
    });
    return this.authority;
  }

  async certPem(): Promise<string> {
    return (await this.own()).certPem;
  }

  /**
   * What signatures are checked against: the seal root CA, then (with TSA_URL) the external TSA's CA, trusted for
   * time-stamp tokens only. One PEM text, as verifyPdf takes it.
   */
  async trustPem(): Promise<string> {
    const root = await this.rootCa.certPem();
    if (!this.config.tsaCaFile) return root;
    this.externalCa ??= readFileSync(this.config.tsaCaFile, 'utf8');
    return `${root.trim()}\n${this.externalCa.trim()}\n`;
  }

  /** Answers a DER TimeStampReq with a DER TimeStampResp (the public responder, POST /api/tsa). */
  async respond(request: Buffer): Promise<Buffer> {
    const tsa = await this.own();
    return createTimeStampResponse(request, tsa, this.clock.now());
  }

  /** A time-stamp token over `imprint` (SHA-256 of a seal signature's value), from TSA_URL or our own authority. */
  async token(imprint: Buffer): Promise<Buffer> {
    const request = buildTimeStampRequest({ imprint });
    const reply = this.config.tsaUrl ? await this.external(request) : await this.respond(request);
    let parsed: ReturnType<typeof readTimeStampResponse>;
    try {
      parsed = readTimeStampResponse(reply);
    } catch {
      throw unavailable('时间戳服务的应答无法读取');
    }
    // 0 granted, 1 grantedWithMods
    if (parsed.status > 1 || !parsed.token) throw unavailable(`时间戳服务拒绝了请求${parsed.text ? `（${parsed.text}）` : ''}`);
    return parsed.token;
  }

  private async external(request: Buffer): Promise<Buffer> {
    try {
      const res = await fetch(this.config.tsaUrl!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
        body: new Uint8Array(request),
        signal: AbortSignal.timeout(EXTERNAL_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    } catch (error) {
      this.logger.warn(`外部时间戳服务不可用 external TSA ${this.config.tsaUrl} failed: ${(error as Error).message}`);
      throw unavailable('无法连接外部时间戳服务（TSA_URL）');
    }
  }

  private async load(): Promise<TimeStampAuthority & { id: string }> {
    await this.rootCa.ensure();
    const row = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, 0)', [TSA_LOCK]);
      const existing = await manager.findOneBy(RootCa, { name: TSA_NAME });
      if (existing) return existing;
      const id = randomUUID();
      const ca = await this.rootCa.keyAndCertificate();
      const issued = issueTsaCertificate(ca, { organisation: '共议 Gongyi', commonName: 'Gongyi 时间戳服务', now: this.clock.now() });
      const created = await manager.save(RootCa, {
        id,
        name: TSA_NAME,
        certPem: issued.certPem,
        keyEncrypted: encryptPrivateKey(issued.keyPem, this.rootCa.masterKey, `tsa:${id}`),
        fingerprint: describeCertificate(issued.certPem).fingerprint256,
      });
      this.logger.log(`已创建时间戳服务证书 created the time-stamp authority certificate (SHA-256 ${created.fingerprint})`);
      return created;
    });
    return { id: row.id, certPem: row.certPem, keyPem: decryptPrivateKey(row.keyEncrypted, this.rootCa.masterKey, `tsa:${row.id}`) };
  }
}

function unavailable(reason: string): DomainError {
  return new DomainError('conflict', 'tsa_unavailable', `${reason}，未能取得可信时间，本次未盖章，请稍后重试`);
}
