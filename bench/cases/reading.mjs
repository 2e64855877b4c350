// The essay beside the map (issue 15): anchoring every quote of a 10k-node map in a 100-page
// document (exact, and after edits through approximate matching), opening the reading pane on
// that document and scrolling it to the end, counting long tasks.
export default {
  id: 'reading',
  title: 'reading pane: anchoring 10k quotes in 100 pages, opening and scrolling the pane',
  sizes: ['10k'],
  quick: true,
  async run(ctx) {
    const page = await ctx.fresh();
    const passes = ctx.quick ? 1 : Math.max(3, ctx.samples.heavy);
    const a = await ctx.call(page, 'readingAnchor', ctx.n, passes);
    const note = `${a.info.quotes} quotes, ${a.info.paragraphs} paragraphs (${a.info.chars} chars)`;
    ctx.record('reading: anchor all quotes (exact)', {
      samples: a.exact,
      note: `${note}; ${a.info.orphansExact} orphans`,
    });
    ctx.record('reading: re-anchor after edits (approximate)', {
      samples: a.approx,
      note: `${a.info.approximate} re-anchored approximately, ${a.info.orphansEdited} orphans`,
    });
    const open = [];
    const longTasks = [];
    const floor = [];
    // Pane and plain-text floor alternate (ABAB), so a busy machine weighs on both alike.
    for (let i = 0; i < passes; i++) {
      const p = await ctx.fresh();
      const r = await ctx.call(p, 'readingPane', ctx.n, 120);
      open.push(r.openMs);
      longTasks.push(r.longTasks.length);
      await p.close();
      const q = await ctx.fresh();
      const b = await ctx.call(q, 'readingScrollBaseline', 120);
      floor.push(b.longTasks.length);
      await q.close();
    }
    ctx.record('reading: open pane -> highlights painted', { samples: open, note: '100 pages, all quotes anchored' });
    ctx.record('reading: scroll pane to the end, long tasks', {
      samples: longTasks,
      unit: 'tasks',
      note: '120 frames of programmatic scrolling',
      baseline: floor,
      baselineName: 'the same text as plain paragraphs',
    });
  },
};
