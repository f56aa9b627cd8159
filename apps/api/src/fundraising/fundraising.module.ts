import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { RecordModule } from '../record/record.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { SealsModule } from '../seals/seals.module';
import { FundraisingDocumentsService } from './fundraising-documents.service';
import { FundraisingController } from './fundraising.controller';
import { FundraisingService } from './fundraising.service';
import { PublicFundraisingController } from './public-fundraising.controller';
import { PublicFundraisingService } from './public-fundraising.service';

@Module({
  imports: [RecordModule, RulebookModule, DocumentsModule, SealsModule],
  controllers: [FundraisingController, PublicFundraisingController],
  providers: [FundraisingService, FundraisingDocumentsService, PublicFundraisingService],
})
export class FundraisingModule {}
