import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of every route, built from the controllers' metadata only. The running server serves it at
 * /api/docs-json; scripts/openapi.ts writes the same document (from an app created with `preview: true`, so no
 * database is needed) to apps/web/src/api/generated/openapi.json, from which the web app's types are generated.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('共议 Gongyi API')
      .setDescription('业主委员会议事与决策记录系统')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/** The document with object keys in code-point order at every level (arrays keep theirs: it carries meaning). */
export function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
