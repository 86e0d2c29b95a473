/// <reference types="vitest/config" />
import { parse } from '@formatjs/icu-messageformat-parser';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development the Fastify server runs on :3000; in production it serves dist/ itself.
const API_ORIGIN = 'http://localhost:3000';

const CATALOGUE = /\/src\/i18n\/[a-z]{2}\.json$/;
/** Messages of the remittance pages: in `?remittances`, left out of `?core` (see lib/i18n.ts). */
const REMITTANCES = 'remittances.';
const CATALOGUE_PARTS: Record<string, (key: string) => boolean> = {
  core: (key) => !key.startsWith(REMITTANCES),
  remittances: (key) => key.startsWith(REMITTANCES),
};

/**
 * Ships catalogues already parsed into ICU message ASTs, so the browser needs no
 * MessageFormat parser (formatjs' documented "precompile" setup). Dev and tests keep
 * plain strings and the parser, which also reports a broken message where it is written.
 */
function precompileCatalogues(): Plugin {
  return {
    name: 'glocal:precompile-catalogues',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
        ],
      },
    }),
    transform(source, id) {
      if (!CATALOGUE.test(id)) return undefined;
      const messages = JSON.parse(source) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

/**
 * `en.json?core` and `en.json?remittances`: the English catalogue in two parts for the production
 * build (the remittance pages' messages load with those pages), pre-parsed like the whole files.
 * In development and tests `?core` is the whole catalogue, as plain strings.
 */
function catalogueParts(): Plugin {
  let build = false;
  return {
    name: 'glocal:catalogue-parts',
    enforce: 'pre',
    config: (_config, env) => {
      build = env.command === 'build' && !process.env.VITEST;
    },
    load(id) {
      const [file, query] = id.split('?');
      const keep = query ? CATALOGUE_PARTS[query] : undefined;
      if (!keep || !CATALOGUE.test(file!)) return undefined;
      const messages = JSON.parse(fs.readFileSync(file!, 'utf8')) as Record<string, string>;
      if (!build) return `export default ${JSON.stringify(query === 'core' ? messages : {})};`;
      const kept = Object.entries(messages).filter(([key]) => keep(key));
      return `export default ${JSON.stringify(Object.fromEntries(kept.map(([key, message]) => [key, parse(message)])))};`;
    },
  };
}

/**
 * Writes `.br` and `.gz` beside each script, style sheet and page of the build, which the server
 * sends to browsers that accept them (@fastify/static's preCompressed): a phone on a slow network
 * downloads the intake page's 86 KB, not its 280, and the server compresses nothing at run time.
 */
function precompressAssets(): Plugin {
  return {
    name: 'glocal:precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompileCatalogues(), catalogueParts(), precompressAssets()],
  server: {
    proxy: {
      '/api': API_ORIGIN,
      '/health': API_ORIGIN,
      '/ready': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
  },
});
