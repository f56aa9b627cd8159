import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { BackupService } from './backup.service';

@Module({ imports: [JobsModule], providers: [BackupService], exports: [BackupService] })
export class BackupModule {}
