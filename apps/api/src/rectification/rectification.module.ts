import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RectificationController } from './rectification.controller';
import { RectificationService } from './rectification.service';

@Module({
  imports: [JobsModule, NotificationsModule, RecordModule],
  controllers: [RectificationController],
  providers: [RectificationService],
  exports: [RectificationService],
})
export class RectificationModule {}
