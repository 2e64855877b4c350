import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface Run {
  out: string;
  err: string;
  code: number | null;
}

// Issue 21, set-up: scripts/serve-check.mjs runs the server `npm start` runs, with port 8000 busy.
describe('npm start on a busy port', () => {
  it('takes the next free port and prints its URL; a busy port chosen by hand is one sentence, not a stack', async () => {
    const { free, explicit } = await executeServerCommand<{ free: Run; explicit: Run }, undefined>('serve-check');
    const m = /^Warrant is running at http:\/\/localhost:(\d+)\/ \(port 8000 was busy\)/.exec(free.out);
    expect(m, free.out + free.err).to.not.equal(null);
    expect(Number(m![1])).to.be.above(8000);
    expect(free.err).to.equal('');
    expect(explicit.code).to.equal(1);
    expect(explicit.err).to.equal(
      'Port 8000 is already in use. Choose another with: npm start -- --port 8080 (or PORT=8080 npm start).',
    );
  });
});
