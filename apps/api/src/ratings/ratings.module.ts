import { Module } from '@nestjs/common';
import { RecordModule } from '../record/record.module';
import { RectificationModule } from '../rectification/rectification.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({
  imports: [RecordModule, RectificationModule, RulebookModule],
  controllers: [RatingsController],
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
