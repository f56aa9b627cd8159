import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, RuntimeConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { PublicReadsModule } from './database/public-reads';
import { AgendaModule } from './agenda/agenda.module';
import { CommonModule } from './common/common.module';
import { DocumentsModule } from './documents/documents.module';
import { FinanceModule } from './finance/finance.module';
import { FundraisingModule } from './fundraising/fundraising.module';
import { HearingsModule } from './hearings/hearings.module';
import { HealthController } from './health/health.controller';
import { ProbesController } from './health/probes.controller';
import { JobsModule } from './jobs/jobs.module';
import { loggerParams } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { IdentityModule } from './identity/identity.module';
import { RecordModule } from './record/record.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RegistryModule } from './registry/registry.module';
import { RulebookModule } from './rulebook/rulebook.module';
import { SealsModule } from './seals/seals.module';
import { VotingModule } from './voting/voting.module';
import { WebModule } from './web/web.module';
import { ActivationModule } from './activation/activation.module';
import { TodoModule } from './todo/todo.module';
import { LettersModule } from './letters/letters.module';
import { MinutesModule } from './minutes/minutes.module';
import { PublicNoticesModule } from './public-notices/public-notices.module';
import { ExportsModule } from './exports/exports.module';
import { BackupModule } from './backup/backup.module';
import { VoteResultsModule } from './vote-results/vote-results.module';
import { RectificationModule } from './rectification/rectification.module';
import { RatingsModule } from './ratings/ratings.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { RequestsModule } from './requests/requests.module';
import { ReceptionModule } from './reception/reception.module';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: RuntimeConfig) => loggerParams(c) }),
        CommonModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        PublicReadsModule.forRoot(config.databaseReplicaUrl),
        TerminusModule.forRoot({ logger: false }),
        JobsModule,
        ObservabilityModule,
        RecordModule,
        IdentityModule,
        RegistryModule,
        RulebookModule,
        AgendaModule,
        VotingModule,
        NotificationsModule,
        ActivationModule,
        FinanceModule,
        FundraisingModule,
        HearingsModule,
        DocumentsModule,
        MinutesModule,
        SealsModule,
        TodoModule,
        LettersModule,
        PublicNoticesModule,
        ExportsModule,
        BackupModule,
        VoteResultsModule,
        RectificationModule,
        RatingsModule,
        BulletinsModule,
        RequestsModule,
        ReceptionModule,
        WebModule.forRoot(),
      ],
      controllers: [HealthController, ProbesController],
    };
  }
}
