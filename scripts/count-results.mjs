// Adds up passed and failed tests from the Vitest and Playwright JSON reports of one `npm test`
// run and appends them to a tally file; with --total, prints the tally as "N passed, N failed".
import fs from 'node:fs';

const [mode, tallyFile, ...reports] = process.argv.slice(2);
const saved = fs.existsSync(tallyFile) ? fs.readFileSync(tallyFile, 'utf8').trim() : '';
const tally = saved ? JSON.parse(saved) : { passed: 0, failed: 0 }; // mktemp hands us an empty file

if (mode === '--add') {
  for (const report of reports) {
    if (!fs.existsSync(report)) continue; // a stage that never ran counts nothing; its failure shows in the exit code
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    if ('numPassedTests' in json) {
      tally.passed += json.numPassedTests;
      tally.failed += json.numFailedTests;
    } else if (json.stats) {
      tally.passed += json.stats.expected + json.stats.flaky;
      tally.failed += json.stats.unexpected;
    }
  }
  fs.writeFileSync(tallyFile, JSON.stringify(tally));
} else if (mode === '--fail') {
  tally.failed += 1; // a stage failed before its tests could be counted
  fs.writeFileSync(tallyFile, JSON.stringify(tally));
} else {
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
}
