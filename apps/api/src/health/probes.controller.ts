import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../identity/decorators';
import { JobsService } from '../jobs/jobs.service';

const CHECK_LABELS: Record<string, string> = { database: '数据库', migrations: '数据库迁移', jobs: '任务队列' };

/**
 * Probes for a load balancer or an orchestrator (terminus). `live`: the process answers (restart it if not).
 * `ready`: it can serve — database reachable, every migration this build knows applied, pg-boss running — so a
 * reverse proxy sends traffic only to processes that pass. GET /api/health stays the simple check it was.
 */
@ApiTags('health')
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  @Public()
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: '存活探针（进程在应答）' })
  live() {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: '就绪探针（数据库、迁移、任务队列）' })
  async ready() {
    try {
      return await this.health.check([() => this.database(), () => this.migrations(), () => this.jobsRunning()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const details = error.getResponse() as { error?: Record<string, unknown>; details?: Record<string, unknown> };
      const failed = Object.keys(details.error ?? {}).map((key) => CHECK_LABELS[key] ?? key);
      throw new ServiceUnavailableException({
        code: 'not_ready',
        message: `服务尚未就绪：${failed.join('、')}不可用`,
        details: details.details,
      });
    }
  }

  private async database() {
    const check = this.indicators.check('database');
    try {
      await this.dataSource.query('SELECT 1');
      return check.up();
    } catch {
      return check.down({ message: '数据库无法连接' });
    }
  }

  private async migrations() {
    const check = this.indicators.check('migrations');
    try {
      const rows = await this.dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
      const applied = new Set(rows.map((r) => r.name));
      const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
      return pending.length ? check.down({ message: '有未执行的数据库迁移', pending }) : check.up({ applied: applied.size });
    } catch {
      return check.down({ message: '无法读取迁移记录' });
    }
  }

  private async jobsRunning() {
    const check = this.indicators.check('jobs');
    try {
      return (await this.jobs.isRunning()) ? check.up() : check.down({ message: '任务队列未运行' });
    } catch {
      return check.down({ message: '任务队列无法连接' });
    }
  }
}
