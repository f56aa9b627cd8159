import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, RuntimeConfig } from './app-config';

@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return { module: AppConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
