import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuntimeConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { AgendaModule } from './agenda/agenda.module';
import { CommonModule } from './common/common.module';
import { DocumentsModule } from './documents/documents.module';
import { FinanceModule } from './finance/finance.module';
import { HearingsModule } from './hearings/hearings.module';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { RecordModule } from './record/record.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RegistryModule } from './registry/registry.module';
import { RulebookModule } from './rulebook/rulebook.module';
import { SealsModule } from './seals/seals.module';
import { VotingModule } from './voting/voting.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        CommonModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        RecordModule,
        IdentityModule,
        RegistryModule,
        RulebookModule,
        AgendaModule,
        VotingModule,
        NotificationsModule,
        FinanceModule,
        HearingsModule,
        DocumentsModule,
        SealsModule,
        WebModule.forRoot(),
      ],
      controllers: [HealthController],
    };
  }
}
