import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { RecordModule } from '../record/record.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';
import { RosterImportService } from './roster/roster-import.service';

@Module({
  imports: [IdentityModule, RecordModule, RulebookModule],
  controllers: [RegistryController],
  providers: [RegistryService, RosterImportService],
  exports: [RegistryService],
})
export class RegistryModule {}
