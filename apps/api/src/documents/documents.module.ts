import { RulebookModule } from '../rulebook/rulebook.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { AgendaModule } from '../agenda/agenda.module';
import { RecordModule } from '../record/record.module';
import { RegistryModule } from '../registry/registry.module';
import { VotingModule } from '../voting/voting.module';
import { DocumentSourcesService } from './document-sources.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { RootCaService } from './root-ca.service';
import { RecordCheckpointsController } from './record-checkpoints.controller';
import { RecordCheckpointsService } from './record-checkpoints.service';
import { VerificationService } from './verification.service';
import { VerifyController } from './verify.controller';
import { publicUrlWarning } from './public-url';
import { BoundedVerificationService } from './bounded-verification.service';
import { VerifyWorkerPool } from './verify-worker-pool';
import { CrlService } from './crl.service';
import { TimestampAuthorityService } from './timestamp-authority.service';
import { TrustServicesController } from './trust-services.controller';
import { FILE_STORE, fileStoreFor, S3FileStore, type FileStore } from './file-store';

@Module({
  imports: [RecordModule, RegistryModule, AgendaModule, VotingModule, RulebookModule, NotificationsModule],
  controllers: [DocumentsController, VerifyController, RecordCheckpointsController, TrustServicesController],
  providers: [
    DocumentsService,
    DocumentSourcesService,
    RootCaService,
    VerificationService,
    RecordCheckpointsService,
    BoundedVerificationService,
    VerifyWorkerPool,
    CrlService,
    TimestampAuthorityService,
    { provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (config: RuntimeConfig) => fileStoreFor(config.fileStore) },
  ],
  exports: [
    FILE_STORE,
    DocumentsService,
    DocumentSourcesService,
    RootCaService,
    RecordCheckpointsService,
    CrlService,
    TimestampAuthorityService,
  ],
})
export class DocumentsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  onApplicationShutdown(): void {
    if (this.files instanceof S3FileStore) this.files.destroy();
  }

  onModuleInit(): void {
    const warning = publicUrlWarning(this.config.publicUrl, process.env.NODE_ENV);
    if (warning) new Logger('Documents').warn(warning);
  }
}
