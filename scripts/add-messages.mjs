// Merges translated messages into the five catalogues in one go (a development aid for adding a
// feature's keys): `node scripts/add-messages.mjs <file.json> [--server]`, where the file holds
// { "en": { "id": "message" }, "fr": { … }, "es": { … }, "it": { … }, "ar": { … } }.
// Existing ids are replaced in place, new ones appended; every locale must carry the same ids.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/add-messages.mjs <file.json> [--server]');
  process.exit(2);
}
const dir = flag === '--server' ? 'apps/server/src/platform/i18n/messages' : 'apps/web/src/i18n';
const additions = JSON.parse(fs.readFileSync(file, 'utf8'));
const locales = ['en', 'fr', 'es', 'it', 'ar'];
const ids = Object.keys(additions.en ?? {}).sort().join('\n');
for (const locale of locales) {
  if (Object.keys(additions[locale] ?? {}).sort().join('\n') !== ids) {
    console.error(`${locale}: the ids differ from en's`);
    process.exit(1);
  }
}
for (const locale of locales) {
  const target = path.join(root, dir, `${locale}.json`);
  const catalogue = JSON.parse(fs.readFileSync(target, 'utf8'));
  fs.writeFileSync(target, `${JSON.stringify({ ...catalogue, ...additions[locale] }, null, 2)}\n`);
}
console.log(`${Object.keys(additions.en).length} messages merged into ${dir}`);
