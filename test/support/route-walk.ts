/**
 * The route walks (bad input, tenant isolation) go over every operation of the OpenAPI document. They are split
 * into shards, one test file each, so that Jest's workers share the walk instead of one file running for minutes.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export interface Route {
  method: Method;
  path: string;
}

export type OpenApiPaths = Record<string, Record<string, { security?: unknown[] }>>;

/** Every operation of the document, in document order. */
export function operations(paths: OpenApiPaths): (Route & { secured: boolean })[] {
  return Object.entries(paths).flatMap(([path, ops]) =>
    (Object.entries(ops) as [Method, { security?: unknown[] }][]).map(([method, op]) => ({
      method,
      path,
      secured: Boolean(op.security?.length),
    })),
  );
}

/**
 * Shard `index` of `count`: a route belongs to one shard by a hash of its method and path, so a route added later
 * lands in some shard without editing the tests, and the union of the shards is every route.
 */
export function shardOf<T extends Route>(routes: T[], index: number, count: number): T[] {
  return routes.filter((r) => hash(`${r.method} ${r.path}`) % count === index);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Runs `task` over `items` with at most `width` at a time (requests whose waits overlap: the database, the disk). */
export async function inPool<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}
