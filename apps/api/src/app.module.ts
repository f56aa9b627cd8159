import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuntimeConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { RecordModule } from './record/record.module';
import { RegistryModule } from './registry/registry.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        RecordModule,
        IdentityModule,
        RegistryModule,
        WebModule.forRoot(),
      ],
      controllers: [HealthController],
    };
  }
}
