import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { RecordModule } from '../record/record.module';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';
import { OwnerAccountsService } from './owner-accounts.service';
import { RosterImportService } from './roster/roster-import.service';

@Module({
  imports: [IdentityModule, RecordModule],
  controllers: [RegistryController],
  providers: [RegistryService, RosterImportService, OwnerAccountsService],
  exports: [RegistryService],
})
export class RegistryModule {}
