// web-test-runner prints its totals inside a progress line; CI wants a plain closing line
// "wtr: N passed, N failed[, N skipped]" alone on a line. A test file that failed to load
// (a session with errors but no failed test) counts as one failure, so it can never pass silently.
export function countsReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) count(s);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) count(session.testResults);
        if (!session.passed && failed === before) failed++;
      }
      const line = `wtr: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      process.on('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
