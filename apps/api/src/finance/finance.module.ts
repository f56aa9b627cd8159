import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { RecordModule } from '../record/record.module';
import { SealsModule } from '../seals/seals.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { FinanceController } from './finance.controller';
import { LedgerService } from './ledger.service';
import { PublicFinanceController } from './public-finance.controller';
import { PeriodCalendar } from './period-calendar';
import { PublicationService } from './publication.service';
import { ReconciliationService } from './reconciliation.service';
import { StatementsService } from './statements.service';

@Module({
  imports: [NotificationsModule, RecordModule, RulebookModule, DocumentsModule, SealsModule],
  controllers: [FinanceController, PublicFinanceController],
  providers: [LedgerService, StatementsService, ReconciliationService, PublicationService, PeriodCalendar],
  exports: [StatementsService],
})
export class FinanceModule {}
