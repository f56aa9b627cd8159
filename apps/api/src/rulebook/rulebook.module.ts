import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RulebookDraftsController } from './rulebook-drafts.controller';
import { RulebookDraftsService } from './rulebook-drafts.service';
import { RulebookController } from './rulebook.controller';
import { RulebookService } from './rulebook.service';

@Module({
  imports: [RecordModule, IdentityModule, NotificationsModule],
  controllers: [RulebookController, RulebookDraftsController],
  providers: [RulebookService, RulebookDraftsService],
  exports: [RulebookService],
})
export class RulebookModule {}
