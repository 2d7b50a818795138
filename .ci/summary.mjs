// Sums the results of .ci/run's steps into the one line CI reads: "N passed, N failed".
// A vitest step counts its tests; a step without test results (lint, type check) counts as one test;
// a test step that failed without any failed test (a crash, a build error) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const steps = readFileSync(join(dir, 'steps'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(' '));
const resultFiles = { 'unit-and-vm': 'test.json', e2e: 'e2e.json', 'e2e-lane1': 'e2e-lane1.json' };

let passed = 0;
let failed = 0;
for (const [status, name] of steps) {
  const file = resultFiles[name] && join(dir, resultFiles[name]);
  if (file && existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    const crashed = status === 'failed' && report.numFailedTests === 0;
    if (crashed) failed += 1;
    // The failed tests by name, with the first line of why, and how long each file took: CI keeps only the
    // tail of the log, so this is where a failure on a slower machine can be read afterwards.
    for (const fileResult of report.testResults ?? []) {
      const seconds = ((fileResult.endTime - fileResult.startTime) / 1000).toFixed(0);
      const rel = fileResult.name.replace(/^.*?\/tests\//, 'tests/');
      if (seconds >= 30 || fileResult.status === 'failed')
        console.log(`${name}: ${rel} ${fileResult.status} in ${seconds} s`);
      for (const t of fileResult.assertionResults ?? []) {
        if (t.status !== 'failed') continue;
        const why = (t.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
          .slice(0, 200);
        console.log(`${name}: FAILED ${rel} > ${t.fullName} (${t.duration ?? '?'} ms): ${why}`);
      }
    }
    console.log(
      `${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${crashed ? ' (and the step failed)' : ''}`,
    );
  } else if (status === 'ok') {
    passed += 1;
    console.log(`${name}: ok`);
  } else {
    failed += 1;
    console.log(`${name}: FAILED`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
