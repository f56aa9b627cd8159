import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checks real responses against the committed OpenAPI document (apps/web/src/api/generated/openapi.json), the
 * subset of OpenAPI 3.0 the DTOs use: a missing required field, an extra field (unless the object is declared
 * free-form), a wrong type or format, or an enum value outside the list is a violation. One checker for every
 * contract spec (test/api/openapi-*.e2e-spec.ts).
 */
export type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  /** true (or a schema): a free-form object (e.g. a document's input), any keys allowed. */
  additionalProperties?: boolean | Schema;
  required?: string[];
};
type Responses = Record<string, { content?: Record<string, { schema: Schema }> }>;
export type OpenApiDocument = {
  paths: Record<string, Record<string, { tags?: string[]; responses: Responses }>>;
  components: { schemas: Record<string, Schema> };
};
export type Document = OpenApiDocument;

export const COMMITTED_DOCUMENT = join(__dirname, '../../apps/web/src/api/generated/openapi.json');
export const COMMITTED = COMMITTED_DOCUMENT;

export function committedDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as OpenApiDocument;
}

/** Where `value` breaks `schema`; empty when it conforms. */
export function violations(doc: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return violations(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  if (schema.allOf) return schema.allOf.flatMap((part) => violations(doc, part, value, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return [`${at}: ${JSON.stringify(value)} not a date-time`];
      if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return [`${at}: ${JSON.stringify(value)} not a date`];
      if (schema.format === 'uuid' && !/^[0-9a-f-]{36}$/i.test(value)) return [`${at}: not a uuid`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => violations(doc, schema.items ?? {}, v, `${at}[${i}]`))
        : [`${at}: not an array`];
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  return [
    ...(schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`),
    ...(schema.additionalProperties
      ? []
      : Object.keys(record)
          .filter((key) => !(key in properties))
          .map((key) => `${at}.${key}: not in the schema`)),
    ...Object.entries(properties)
      .filter(([key]) => key in record)
      .flatMap(([key, sub]) => violations(doc, sub, record[key], `${at}.${key}`)),
  ];
}

/** The declared content of `method path` answering `status` (path as in the document: /api/x/{id}). */
export function declaredContent(doc: OpenApiDocument, method: string, path: string, status: number): Record<string, { schema: Schema }> {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the document`);
  const response = operation.responses[String(status)];
  if (!response?.content) throw new Error(`${method} ${path} declares no content for ${status}`);
  return response.content;
}

/** The JSON schema a route declares for one status, e.g. responseSchema(doc, 'post', '/api/…', 201). */
export function responseSchema(doc: OpenApiDocument, method: string, path: string, status: number): Schema {
  const schema = declaredContent(doc, method, path, status)['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} declares no JSON body for ${status}`);
  return schema;
}

/** The 200 JSON schema of GET `path`. */
export function okSchema(doc: OpenApiDocument, path: string): Schema {
  return responseSchema(doc, 'get', path, 200);
}

/** Violations of a JSON response body against the schema the route declares for its status. */
export function jsonViolations(doc: OpenApiDocument, method: string, path: string, res: { status: number; body: unknown }): string[] {
  const content = declaredContent(doc, method, path, res.status)['application/json'];
  if (!content) return [`${method} ${path}: no application/json schema for ${res.status}`];
  return violations(doc, content.schema, res.body);
}
