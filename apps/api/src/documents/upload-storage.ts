import type { Request } from 'express';
import type { Readable } from 'node:stream';

interface StorageEngine {
  _handleFile(req: Request, file: { stream: Readable }, cb: (error: Error | null, info?: { buffer: Buffer; size: number }) => void): void;
  _removeFile(req: Request, file: unknown, cb: (error: Error | null) => void): void;
}

/**
 * multer's memory storage, minus its one big step on the event loop: instead of Buffer.concat over every chunk
 * at the end (about 100 ms for 10 MB on a loaded 2-core machine), each chunk is copied as it arrives into one
 * buffer sized from Content-Length (which multer's fileSize limit caps). The buffer owns its memory, so it can
 * be transferred to the verification worker without another copy.
 */
export function incrementalMemoryStorage(maxBytes: number): StorageEngine {
  return {
    _handleFile(req, file, cb) {
      const declared = Number(req.headers['content-length']);
      let buffer = Buffer.allocUnsafeSlow(Number.isFinite(declared) && declared > 0 ? Math.min(declared, maxBytes + 1) : 64 * 1024);
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        if (size + chunk.length > buffer.length) {
          const grown = Buffer.allocUnsafeSlow(Math.min(Math.max(buffer.length * 2, size + chunk.length), maxBytes + chunk.length));
          buffer.copy(grown, 0, 0, size);
          buffer = grown;
        }
        chunk.copy(buffer, size);
        size += chunk.length;
      });
      file.stream.on('error', (error: Error) => cb(error));
      file.stream.on('end', () => cb(null, { buffer: buffer.subarray(0, size), size }));
    },
    _removeFile(_req, file, cb) {
      delete (file as { buffer?: Buffer }).buffer;
      cb(null);
    },
  };
}
