// Cases below the UI, in the page with the app's own modules: full evaluation (QE, DF-QuAD),
// the rating engine path (updateTau), the search index (build, query) and Markdown export and
// import beside the app's JSON format.
const NAMES = ['evaluation', 'rating', 'search', 'markdown'];

export default {
  id: 'pure',
  title: 'evaluation, rating engine, search index, Markdown (in page, below the UI)',
  sizes: ['1k', '10k', '100k'],
  quick: true,
  async run(ctx) {
    const which = ctx.size === '100k' ? ['evaluation', 'search'] : ctx.quick ? ['evaluation', 'rating'] : NAMES;
    const page = await ctx.fresh();
    const out = await ctx.call(
      page,
      'pure',
      ctx.n,
      ctx.samples.micro,
      ctx.warmup,
      which,
      ctx.size === '100k' ? 1 : ctx.samples.heavy,
    );
    for (const [name, res] of Object.entries(out.results)) {
      if (res.skipped) ctx.skip(name, res.skipped);
      else ctx.record(name, { ...res, note: res.info?.depth ? `deepest node (depth ${res.info.depth})` : '' });
    }
  },
};
