import type { Response } from 'supertest';

type Parser = (res: Response, done: (err: Error | null, body: Buffer) => void) => void;

/**
 * supertest buffers only text types: `.buffer(true).parse(rawBody)` collects any answer, JSON or binary (PDF), as
 * bytes. At run time `res` is Node's response stream, which supertest's typings call Response.
 */
export const rawBody: Parser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
