/* global document, MessageChannel, performance, requestAnimationFrame -- watchTree and the evaluate callbacks run in the page */
// A cold first visit: a new browser profile (empty cache, empty IndexedDB) opens the app's page;
// timed from navigation start to the frame, painted, in which the sample map's tree shows its
// rows. Sequential round trips: the longest chain of requests in which each starts only after
// the one before it has finished (an upper bound on what the page waited for in turn).
import { VIEWPORT, throttle } from '../lib/browser.mjs';

/** Runs in the page before its scripts: finds the tree's first rows once per frame. */
function watchTree() {
  const deep = (root) => {
    const t = root.querySelector('warrant-tree');
    if (t) return t;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const f = deep(el.shadowRoot);
        if (f) return f;
      }
    }
    return null;
  };
  const frame = () => {
    const tree = document.body ? deep(document) : null;
    if (tree?.shadowRoot?.querySelector('[role=treeitem]')) {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        globalThis.__benchTreePainted = performance.now();
      };
      ch.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Sequential round trips: each request's depth is one more than the depth of what started it
 * (CDP's initiator: the document's parser, a stylesheet, or the script whose call made it), so a
 * preloaded file counts as the page's own round trip and a file found only by running a script
 * counts one more than that script. The deepest request before the paint is the answer.
 */
function sequentialDepth(requests, until) {
  const byUrl = new Map();
  for (const r of requests) if (!byUrl.has(r.url)) byUrl.set(r.url, r);
  const depthOf = (r, seen = new Set()) => {
    if (r.depth) return r.depth;
    if (seen.has(r)) return 1;
    seen.add(r);
    const parent = r.initiator && byUrl.get(r.initiator);
    r.depth = parent && parent !== r ? depthOf(parent, seen) + 1 : 1;
    return r.depth;
  };
  let worst;
  for (const r of requests) if (r.start <= until && (!worst || depthOf(r) > depthOf(worst))) worst = r;
  const chain = [];
  for (let x = worst; x; x = x.initiator && x.initiator !== x.url ? byUrl.get(x.initiator) : undefined)
    chain.unshift(new URL(x.url).pathname);
  return { depth: worst ? depthOf(worst) : 0, chain };
}

/** Where a request came from: the URL of the document, stylesheet or script that started it. */
function initiatorUrl(initiator) {
  if (initiator.url) return initiator.url;
  for (let s = initiator.stack; s; s = s.parent) {
    const frame = s.callFrames.find((f) => f.url);
    if (frame) return frame.url;
  }
  return undefined;
}

export default {
  id: 'first-visit',
  title: 'cold first visit -> sample map tree painted',
  sizes: ['-'],
  quick: true,
  async run(ctx) {
    const times = [];
    const depths = [];
    let chain = [];
    let count = 0;
    for (let i = 0; i < ctx.warmup + ctx.samples.open; i++) {
      const context = await ctx.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      try {
        await context.addInitScript(watchTree);
        const page = await context.newPage();
        const cdp = await throttle(context, page, ctx.rate);
        const requests = [];
        await cdp.send('Network.enable');
        cdp.on('Network.requestWillBeSent', (e) => {
          if (e.request.url.startsWith('data:')) return;
          requests.push({ url: e.request.url, initiator: initiatorUrl(e.initiator), wallStart: e.wallTime * 1000 });
        });
        await page.goto(`${ctx.origin}/`);
        await page.waitForFunction(() => globalThis.__benchTreePainted !== undefined, null, { timeout: 120_000 });
        const { painted, origin } = await page.evaluate(() => ({
          painted: globalThis.__benchTreePainted,
          origin: performance.timeOrigin,
        }));
        for (const r of requests) r.start = r.wallStart;
        const seq = sequentialDepth(requests, origin + painted);
        if (i >= ctx.warmup) {
          times.push(painted);
          depths.push(seq.depth);
          chain = seq.chain;
          count = requests.filter((r) => r.start <= origin + painted).length;
        }
      } finally {
        await context.close();
      }
    }
    ctx.record('cold first visit -> sample tree painted', {
      samples: times,
      note: `new profile per sample, local server (no network latency); ${count} requests before the paint; see the next row for the chain`,
    });
    ctx.record('cold first visit: sequential round trips', {
      samples: depths,
      unit: 'count',
      note: `longest chain of requests each started by the one before (CDP initiator): ${chain.join(' -> ')}`,
    });
  },
};
