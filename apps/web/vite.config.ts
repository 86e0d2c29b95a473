/// <reference types="vitest/config" />
import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development the Fastify server runs on :3000; in production it serves dist/ itself.
const API_ORIGIN = 'http://localhost:3000';

const CATALOGUE = /\/src\/i18n\/[a-z]{2}\.json$/;

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

export default defineConfig({
  plugins: [react(), precompileCatalogues()],
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
