// Collecting a class's hand-ins (issue 14): 30 hand-ins of the essay map, each with 10 additions
// and 20 ratings, half Markdown and half JSON, collected into the assignment's map in one step,
// in the page with the app's own modules; beside the single-file import of the merged map.
const NAME = 'collect 30 hand-ins of the essay map';

export default {
  id: 'class',
  title: NAME,
  sizes: ['-'],
  quick: true,
  budgets: [
    {
      budget: 'collect 30 hand-ins of the essay map <= 5 s (1x)',
      read: [NAME, '-', 1],
      ok: (r) => r.median <= 5000,
      measured: (r) => `${Math.round(r.median)} ms p50`,
    },
  ],
  async run(ctx) {
    const page = await ctx.fresh();
    const res = await ctx.call(page, 'classCollect', 30, ctx.samples.heavy, ctx.quick ? 0 : 1);
    ctx.record(NAME, { ...res, note: `${res.info.files} files, ${res.info.inputKB} KB of hand-ins` });
  },
};
