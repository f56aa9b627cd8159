import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createRootCa, decryptPrivateKey, describeCertificate, encryptPrivateKey, type KeyAndCertificate } from '@gongyi/pdf';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { RootCa } from './entities/root-ca.entity';

const ROOT_NAME = 'seal-root';
// pg_advisory_xact_lock namespace: two processes starting together create one CA, not two.
const ROOT_CA_LOCK = 46;

/** The deployment's seal root CA: created on first start, its key kept only encrypted under MASTER_KEY. */
@Injectable()
export class RootCaService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seals');
  /** The root row (never changed once made): read once, so signing never needs a second pooled connection. */
  private cached?: { id: string; certPem: string; fingerprint: string; keyEncrypted: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  get masterKey(): Buffer {
    return Buffer.from(this.config.masterKey, 'hex');
  }

  async ensure(): Promise<{ id: string; certPem: string; fingerprint: string; keyEncrypted: string }> {
    if (this.cached) return this.cached;
    const row = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, 0)', [ROOT_CA_LOCK]);
      const existing = await manager.findOneBy(RootCa, { name: ROOT_NAME });
      if (existing) return existing;
      const id = randomUUID();
      const ca = createRootCa({ commonName: 'Gongyi Seal Root CA', organisation: '共议 Gongyi', now: this.clock.now() });
      const created = await manager.save(RootCa, {
        id,
        name: ROOT_NAME,
        certPem: ca.certPem,
        keyEncrypted: encryptPrivateKey(ca.keyPem, this.masterKey, `root-ca:${id}`),
        fingerprint: describeCertificate(ca.certPem).fingerprint256,
      });
      this.logger.log(`已创建印章根证书 created the seal root CA (SHA-256 ${created.fingerprint})`);
      return created;
    });
    this.cached = { id: row.id, certPem: row.certPem, fingerprint: row.fingerprint, keyEncrypted: row.keyEncrypted };
    return this.cached;
  }

  async certPem(): Promise<string> {
    return (await this.ensure()).certPem;
  }

  /**
   * The CA with its key decrypted, for issuing a seal certificate or signing a record checkpoint. From the cached
   * row: callers hold a transaction with the record head locked (closing a vote), and a query on another pooled
   * connection there deadlocked the pool when many votes closed together (every connection waiting on that lock).
   */
  async keyAndCertificate(): Promise<KeyAndCertificate> {
    const { id, certPem, keyEncrypted } = await this.ensure();
    return { certPem, keyPem: decryptPrivateKey(keyEncrypted, this.masterKey, `root-ca:${id}`) };
  }
}
