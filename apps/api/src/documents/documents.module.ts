import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { RecordModule } from '../record/record.module';
import { RegistryModule } from '../registry/registry.module';
import { VotingModule } from '../voting/voting.module';
import { DocumentSourcesService } from './document-sources.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { RootCaService } from './root-ca.service';
import { VerificationService } from './verification.service';
import { VerifyController } from './verify.controller';

@Module({
  imports: [RecordModule, RegistryModule, AgendaModule, VotingModule],
  controllers: [DocumentsController, VerifyController],
  providers: [DocumentsService, DocumentSourcesService, RootCaService, VerificationService],
  exports: [DocumentsService, RootCaService],
})
export class DocumentsModule {}
