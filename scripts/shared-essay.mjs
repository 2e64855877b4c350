// A web-test-runner plugin serving the class essay (../shared/essay/essay.md, outside the project
// root, which the dev server does not serve) at /__shared__/essay.md for the anchoring tests.
// The project does not ship the essay's full text; CI has it beside the checkout.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const essay = fileURLToPath(new URL('../../shared/essay/essay.md', import.meta.url));

export function sharedEssay() {
  return {
    name: 'shared-essay',
    serve(context) {
      if (context.path !== '/__shared__/essay.md') return undefined;
      return { body: readFileSync(essay, 'utf8'), type: 'text/markdown' };
    },
  };
}
