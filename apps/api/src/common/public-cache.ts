import { Header } from '@nestjs/common';

/**
 * Cache-Control of public, login-free JSON (notice board, results, verification by number): phones and proxies may
 * reuse it for a minute, so a crowd opening the same notice costs the server one answer per minute; the ETag Express
 * adds makes a later visit a 304.
 */
export const PUBLIC_CACHE = 'public, max-age=60';

export const PublicCache = () => Header('Cache-Control', PUBLIC_CACHE);
