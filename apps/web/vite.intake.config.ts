// The public intake page as a build of its own (intake.html → src/intake-main.tsx), so it shares
// no chunk with the staff app: no router, no query cache, no schema library, and only the
// messages it shows. Built after the main app into the same dist/ (see package.json).
import fs from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { mergeConfig, type Plugin, type UserConfig } from 'vite';
import base from './vite.config';

/**
 * The messages the intake page shows (and the problems its API can answer); the rest of a
 * catalogue stays out of its bundle.
 */
const INTAKE_PREFIXES = [
  'intake.', 'app.', 'field_errors.', 'forms.', 'language.', 'common.', 'errors.intake.',
  ...['validation_failed', 'malformed_body', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'not_found', 'route_not_found', 'service_unavailable', 'internal_error']
    .map((code) => `errors.${code}`),
];

/** `import … from './i18n/fr.json?intake'`: that catalogue cut down to the intake page's messages, pre-parsed. */
function intakeCatalogues(): Plugin {
  return {
    name: 'glocal:intake-catalogues',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'intake' || !file!.endsWith('.json')) return undefined;
      const messages = JSON.parse(fs.readFileSync(file!, 'utf8')) as Record<string, string>;
      const kept = Object.entries(messages).filter(([key]) => INTAKE_PREFIXES.some((prefix) => key.startsWith(prefix)));
      return `export default ${JSON.stringify(Object.fromEntries(kept.map(([key, message]) => [key, parse(message)])))};`;
    },
  };
}

const { test: _test, ...shared } = base as UserConfig & { test?: unknown };

export default mergeConfig(shared, {
  plugins: [intakeCatalogues()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    rollupOptions: { input: { intake: 'intake.html' } },
  },
});
