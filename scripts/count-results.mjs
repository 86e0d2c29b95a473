// Adds up passed and failed tests from the Vitest and Playwright JSON reports of one `npm test`
// run and appends them to a tally file; with --total, prints the failed tests' names (a CI log
// may keep only its end) and then the tally as "N passed, N failed".
import fs from 'node:fs';

const [mode, tallyFile, ...reports] = process.argv.slice(2);
const saved = fs.existsSync(tallyFile) ? fs.readFileSync(tallyFile, 'utf8').trim() : '';
const tally = { passed: 0, failed: 0, failures: [], ...(saved ? JSON.parse(saved) : {}) }; // mktemp hands us an empty file
const root = process.cwd();

/** Playwright's failed tests, from its nested suites. */
function playwrightFailures(suites, found = []) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) if (!spec.ok) found.push(`${spec.file} › ${spec.title}`);
    playwrightFailures(suite.suites, found);
  }
  return found;
}

if (mode === '--add') {
  for (const report of reports) {
    if (!fs.existsSync(report)) continue; // a stage that never ran counts nothing; its failure shows in the exit code
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    if ('numPassedTests' in json) {
      tally.passed += json.numPassedTests;
      tally.failed += json.numFailedTests;
      for (const file of json.testResults ?? []) {
        const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
        const name = file.name.replace(`${root}/`, '');
        for (const test of failed) tally.failures.push(`${name} › ${test.fullName}`);
        // A file that could not run at all has no failed test of its own.
        if (file.status === 'failed' && failed.length === 0) tally.failures.push(`${name}: ${(file.message ?? '').split('\n')[0]}`);
      }
    } else if (json.stats) {
      tally.passed += json.stats.expected + json.stats.flaky;
      tally.failed += json.stats.unexpected;
      tally.failures.push(...playwrightFailures(json.suites));
    }
  }
  fs.writeFileSync(tallyFile, JSON.stringify(tally));
} else if (mode === '--fail') {
  tally.failed += 1; // a stage failed before its tests could be counted
  fs.writeFileSync(tallyFile, JSON.stringify(tally));
} else {
  for (const failure of tally.failures) console.log(`✗ ${failure}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
}
