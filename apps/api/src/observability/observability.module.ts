import { Global, Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MetricsService } from './metrics.service';

/** Metrics are recorded from several contexts (ballots, HTTP): one instance per application, injectable anywhere. */
@Global()
@Module({ imports: [JobsModule], providers: [MetricsService], exports: [MetricsService] })
export class ObservabilityModule {}
