import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../identity/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查（含数据库）' })
  async check() {
    try {
      const [row] = await this.dataSource.query<{ version: string }[]>("SELECT current_setting('server_version') AS version");
      return { status: 'ok', database: { status: 'up', version: row.version } };
    } catch {
      throw new ServiceUnavailableException({ code: 'database_down', message: '数据库不可用 (database unavailable)' });
    }
  }
}
