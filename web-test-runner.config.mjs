// Tests run in real headless Chromium (Debian's /usr/bin/chromium) against real IndexedDB.
// scripts/test.mjs finds or installs Chromium first and passes its path in CHROME_PATH.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter, summaryReporter } from '@web/test-runner';
import { dexieEsm } from './scripts/dexie-esm.mjs';
import { countsReporter } from './scripts/counts-reporter.mjs';
import { argdownCommand } from './scripts/argdown-command.mjs';
import { classFlowCommand } from './scripts/class-flow.mjs';
import { offlineCommand } from './scripts/offline-check.mjs';
import { reloadCommand } from './scripts/reload-check.mjs';
import { serveCommand } from './scripts/serve-check.mjs';
import { sharedEssay } from './scripts/shared-essay.mjs';

// Every test page enforces Trusted Types as the app does (index.html's CSP carries the same two
// directives): an HTML or script-URL sink fed a plain string fails the test that reached it.
// 'warrant-test' is for tests that parse an exported file's text to check it (test/helpers/trusted.ts).
const TRUSTED_TYPES_CSP =
  "require-trusted-types-for 'script'; trusted-types dompurify lit-html warrant-sw warrant-worker warrant-test";

export default {
  files: ['test/**/*.test.ts'],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${TRUSTED_TYPES_CSP}" />
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  // Lit's production build: its dev build logs a warning into every test file's output.
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: keyboard tests (sendKeys) and focus need the page to be the focused one,
  // and two pages at once steal focus from each other (seen as hangs in the editing tests).
  concurrency: 1,
  plugins: [
    dexieEsm(),
    // Without the tsconfig, Lit's decorators reach the browser untransformed.
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // Parses Argdown with @argdown/core on the server side for the Argdown export tests.
    argdownCommand(),
    // Drives the built app in a browser of its own to check it opens offline (test/offline/).
    offlineCommand(),
    // Reloads the built app in a browser of its own: what was selected, scrolled and typed comes back.
    reloadCommand(),
    // A teacher and two students, each in a browser context of their own, through the built app.
    classFlowCommand(),
    // Starts the server `npm start` runs with port 8000 busy (issue 21's set-up).
    serveCommand(),
    // The class essay for the anchoring tests (../shared/essay/essay.md).
    sharedEssay(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  reporters: [process.env.CI ? summaryReporter({ flatten: true }) : defaultReporter(), countsReporter()],
};
