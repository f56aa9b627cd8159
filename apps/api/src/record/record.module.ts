import { Module } from '@nestjs/common';
import { RecordController } from './record.controller';
import { RecordQueueService } from './record-queue.service';
import { RecordService } from './record.service';
import { RecordSentencesService } from './record-sentences.service';

@Module({
  controllers: [RecordController],
  providers: [RecordService, RecordQueueService, RecordSentencesService],
  exports: [RecordService, RecordQueueService],
})
export class RecordModule {}
