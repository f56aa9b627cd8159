import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

@Module({
  imports: [DocumentsModule, NotificationsModule, RecordModule],
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}
