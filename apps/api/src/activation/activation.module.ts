import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { ActivationLettersController } from './activation-letters.controller';
import { ActivationLettersService } from './activation-letters.service';
import { ActivationController } from './activation.controller';
import { ActivationService } from './activation.service';
import { RegisterFactsController } from './register-facts.controller';
import { RegisterFactsService } from './register-facts.service';

/** Owner accounts from activation letters (激活通知书): the committee issues, the owner activates. */
@Module({
  imports: [IdentityModule, RecordModule, RulebookModule, NotificationsModule],
  controllers: [ActivationLettersController, ActivationController, RegisterFactsController],
  providers: [ActivationLettersService, ActivationService, RegisterFactsService],
  exports: [ActivationLettersService],
})
export class ActivationModule {}
