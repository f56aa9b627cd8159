import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [AgendaModule, JobsModule, NotificationsModule, RecordModule, RulebookModule],
  controllers: [RequestsController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
