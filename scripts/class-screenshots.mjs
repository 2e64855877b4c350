// Screenshots of a class at work (the student's checklist, the class table, anonymous mode),
// taken by scripts/class-flow.mjs with each person in a browser context of their own. Fails
// loudly on console errors, CSP violations, a wrong class table or a name shown in anonymous mode.
// Usage: npm run build && node scripts/class-screenshots.mjs [outDir]
import { classFlow } from './class-flow.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
const result = await classFlow({ out });
const problems = [...result.problems, ...result.anonymousLeaks.map((m) => `anonymous mode shows a name: ${m}`)];
console.log(JSON.stringify(result.table));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`Class screenshots written to ${out}/`);
