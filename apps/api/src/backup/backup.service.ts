import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { BackupSummary, writeBackup } from './backup-file';

export const BACKUP_QUEUE = 'backup-daily';
/** Only files this job wrote are ever removed from BACKUP_DIR. */
const OWN_FILE = /^gongyi-\d{8}-\d{6}\.backup$/;

/** With BACKUP_DIR set, a backup every day through pg-boss's cron (one process takes each tick). */
@Injectable()
export class BackupService implements OnModuleInit {
  private readonly logger = new Logger('Backup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig & { databaseUrl: string; ownerUrl?: string },
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    const { dir, keepDays, cron } = this.config.backup;
    if (!dir) return;
    this.jobs.registerCron(BACKUP_QUEUE, cron, this.config.timeZone, async () => {
      const summary = await this.runDaily({ dir, keepDays });
      this.logger.log(`每日备份 daily backup written: ${summary.file} (${summary.rows} rows)`);
    });
  }

  /** Writes gongyi-YYYYMMDD-HHMMSS.backup into `dir`, then removes its own files older than `keepDays`. */
  async runDaily({ dir, keepDays }: { dir: string; keepDays: number }): Promise<BackupSummary> {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    // The schema owner's connection: the app role may not read pg-boss's tables.
    const summary = await writeBackup(this.config.ownerUrl ?? this.config.databaseUrl, join(dir, `gongyi-${stamp}.backup`));
    const cutoff = Date.now() - keepDays * 24 * 3600 * 1000;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (OWN_FILE.test(name) && path !== summary.file && statSync(path).mtimeMs < cutoff) unlinkSync(path);
    }
    return summary;
  }
}
