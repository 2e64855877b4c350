// `npm run check-quotes`: checks every essay quote in claims/*.json against the essay text with
// the team's shared checker, when it is there (it lives outside the project, beside it).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const tool = new URL('../../shared/tools/check-quotes.mjs', import.meta.url).pathname;
if (!existsSync(tool)) {
  console.log(`The quote checker (${tool}) is not on this machine; nothing checked.`);
  process.exit(0);
}
const files = readdirSync('claims')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => `claims/${f}`);
const r = spawnSync(process.execPath, [tool, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
