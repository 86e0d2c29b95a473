import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app from the same process and port. Hashed assets are cached for a year;
 * index.html never, so a deploy is picked up at once. Unknown non-API pages get the app shell,
 * whose router shows the 404 page.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string | undefined) {
  if (!distDir || !fs.existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web build not found: serving the API only (run `npm run build`)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      reply.raw.setHeader(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}
