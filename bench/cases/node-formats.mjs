// Markdown import vs @argdown/core's parser, both in one Node process on the same generated map
// (no CPU slowdown: Node, not the page).
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { describe } from '../lib/stats.mjs';

export default {
  id: 'node',
  title: 'Markdown import vs Argdown parsing (Node)',
  sizes: ['1k', '10k'],
  rates: [1],
  quick: false,
  async run(ctx) {
    const m = await import(`${join(ctx.outDir, 'node-formats.mjs')}?t=${Date.now()}`);
    const exportMd = m.api('exportMarkdown');
    const importMd = m.api('importMarkdown');
    const exportAd = m.api('exportArgdown');
    if (typeof exportMd === 'string' || typeof importMd === 'string') {
      ctx.skip('Markdown import (Node)', typeof exportMd === 'string' ? exportMd : importMd);
      return;
    }
    const argdown = new ArgdownApplication();
    argdown.addPlugin(new ParserPlugin(), 'parse-input');
    argdown.addPlugin(new DataPlugin(), 'build-model');
    argdown.addPlugin(new ModelPlugin(), 'build-model');
    const parseArgdown = (input) => argdown.run({ process: ['parse-input', 'build-model'], input, logLevel: 'none' });
    const bundle = m.generateMap({ nodes: ctx.n });
    const adText = typeof exportAd === 'string' ? m.benchArgdown(bundle) : exportAd(bundle);
    let mdText;
    try {
      mdText = exportMd(bundle);
      const check = importMd(mdText);
      if (!check.ok || check.bundles[0].nodes.length !== ctx.n) throw new Error('the export does not import back');
    } catch (error) {
      ctx.skip('Markdown import (Node)', `failed: ${describe(error)}`);
      return;
    }
    const md = [];
    const ad = [];
    const runs = ctx.samples.heavy;
    // Alternated: which of the two runs first swaps every round.
    for (let r = 0; r < ctx.warmup + runs; r++) {
      const time = (fn) => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      };
      const a = () => time(() => importMd(mdText));
      const b = () => time(() => parseArgdown(adText));
      const pair = [0, 0];
      if (r % 2 === 0) {
        pair[0] = a();
        pair[1] = b();
      } else {
        pair[1] = b();
        pair[0] = a();
      }
      if (r >= ctx.warmup) {
        md.push(pair[0]);
        ad.push(pair[1]);
      }
    }
    ctx.record('Markdown import (Node)', {
      samples: md,
      baseline: ad,
      baselineName: '@argdown/core parse + model of the same map (Node)',
      note: `Markdown ${(mdText.length / 1e6).toFixed(1)} MB, Argdown ${(adText.length / 1e6).toFixed(1)} MB`,
    });
  },
};
