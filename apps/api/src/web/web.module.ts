import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the single-page app. */
export function webDistDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
}

/** Serves the built web app at / so one process serves everything. */
@Module({})
export class WebModule {
  static forRoot(): DynamicModule {
    const rootPath = webDistDir();
    if (!existsSync(join(rootPath, 'index.html'))) return { module: WebModule };
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/{*path}'],
          serveStaticOptions: { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex },
        }),
      ],
    };
  }
}

function noCacheForIndex(res: { setHeader(name: string, value: string): void }, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
