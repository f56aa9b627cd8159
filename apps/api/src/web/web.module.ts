import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { staticFiles } from './static-files';

/** Where `npm run build:web` puts the single-page app. */
export function webDistDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
}

const WEB_ROOT = Symbol('WEB_ROOT');

/** Mounts the static handler on the HTTP adapter (after the API routes, like @nestjs/serve-static did). */
@Injectable()
class WebStaticLoader implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_ROOT) private readonly rootPath: string,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(staticFiles(this.rootPath));
  }
}

/** Serves the built web app at / so one process serves everything. */
@Module({})
export class WebModule {
  static forRoot(): DynamicModule {
    const rootPath = webDistDir();
    if (!existsSync(join(rootPath, 'index.html'))) return { module: WebModule };
    return {
      module: WebModule,
      providers: [{ provide: WEB_ROOT, useValue: rootPath }, WebStaticLoader],
    };
  }
}
