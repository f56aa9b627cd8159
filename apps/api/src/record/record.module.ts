import { Module } from '@nestjs/common';
import { RecordController } from './record.controller';
import { RecordQueueService } from './record-queue.service';
import { RecordService } from './record.service';

@Module({
  controllers: [RecordController],
  providers: [RecordService, RecordQueueService],
  exports: [RecordService, RecordQueueService],
})
export class RecordModule {}
