import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { RecordModule } from '../record/record.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { StageMeetingRules } from './stage-meeting-rules';

@Module({
  imports: [NotificationsModule, RecordModule, RulebookModule],
  controllers: [AgendaController],
  providers: [AgendaService, StageMeetingRules],
  exports: [AgendaService],
})
export class AgendaModule {}
