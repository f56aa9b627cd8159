import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { DocumentsModule } from '../documents/documents.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RegistryModule } from '../registry/registry.module';
import { SealLogService } from './seal-log.service';
import { SealRequestsController } from './seal-requests.controller';
import { SealRequestsService } from './seal-requests.service';
import { SealsController } from './seals.controller';
import { SealsService } from './seals.service';

@Module({
  imports: [DocumentsModule, IdentityModule, RegistryModule, RecordModule, AgendaModule, NotificationsModule],
  controllers: [SealsController, SealRequestsController],
  providers: [SealsService, SealRequestsService, SealLogService],
  exports: [SealsService, SealRequestsService, SealLogService],
})
export class SealsModule {}
