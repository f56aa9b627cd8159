import { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Clock } from './common/clock';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { RateLimitGuard } from './common/rate-limit';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { requestIdMiddleware } from './observability/logging';
import { metricsEndpoint } from './observability/metrics-endpoint';
import { MetricsService } from './observability/metrics.service';
import { createOpenApiDocument } from './openapi-document';

/** The one HTTP pipeline, used by main.ts and by every API test. */
export function configureApp(app: INestApplication): INestApplication {
  // Structured logs (nestjs-pino) for everything Nest logs; request id first, so every later step and line has it.
  app.useLogger(app.get(Logger));
  app.use(requestIdMiddleware);
  const metrics = app.get(MetricsService);
  app.use(metrics.timeRequests);
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Ant Design injects its CSS-in-JS styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          scriptSrc: ["'self'"],
          frameSrc: ["'self'", 'blob:'],
          objectSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  const clock = app.get(Clock, { strict: false });
  app.useGlobalPipes(createValidationPipe(() => clock.now()));
  app.useGlobalFilters(new HttpExceptionFilter());
  const { limits, metricsToken } = app.get<AppConfig>(APP_CONFIG, { strict: false });
  // Outside /api (Prometheus' usual path) and ahead of the web app's routes.
  app.use('/metrics', metricsEndpoint(metrics, metricsToken));
  if (limits.trustProxy) {
    const hops = /^\d+$/.test(limits.trustProxy) ? Number(limits.trustProxy) : limits.trustProxy;
    (app.getHttpAdapter().getInstance() as { set(key: string, value: unknown): void }).set('trust proxy', hops);
  }
  app.useGlobalGuards(new RateLimitGuard(app.get(Reflector), app.get(DataSource, { strict: false }), limits));
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
