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
import { SealCustodyService } from './seal-custody.service';
import { SealKeysService } from './seal-keys.service';
import { SealPinController } from './seal-pin.controller';

@Module({
  imports: [DocumentsModule, IdentityModule, RegistryModule, RecordModule, AgendaModule, NotificationsModule],
  controllers: [SealsController, SealRequestsController, SealPinController],
  providers: [SealsService, SealRequestsService, SealLogService, SealKeysService, SealCustodyService],
  exports: [SealsService, SealRequestsService, SealLogService],
})
export class SealsModule {}
