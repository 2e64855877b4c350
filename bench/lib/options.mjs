// Command-line options of `npm run bench` (see bench/README.md).
export const SIZE_NODES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

export function parseOptions(argv, caseIds) {
  const flag = (name) => argv.includes(`--${name}`);
  const option = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : fallback;
  };
  const quick = flag('quick');
  const list = (s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const sizes = list(option('sizes', quick ? '10k' : '1k,10k,100k'));
  for (const s of sizes) {
    if (!(s in SIZE_NODES)) throw new Error(`Unknown size "${s}": use 1k, 10k or 100k (e.g. --sizes 1k,10k).`);
  }
  const rates = list(option('rates', '1,4')).map(Number);
  for (const r of rates) if (!(r >= 1)) throw new Error(`Unknown CPU rate "${r}": use e.g. --rates 1,4.`);
  const wanted = option('cases', null);
  const cases = wanted ? list(wanted) : caseIds;
  for (const c of cases) {
    if (!caseIds.includes(c)) throw new Error(`Unknown case "${c}": use ${caseIds.join(', ')}.`);
  }
  return {
    argv,
    quick,
    sizes,
    rates,
    cases: new Set(cases),
    build: !flag('no-build'),
    // Samples per measurement; a case picks the kind that fits it (see ctx.samples).
    samples: {
      // Interactions a few ms to a few hundred ms long (edit, rating, typed queries).
      ui: Number(option('ui-samples', quick ? 5 : 15)),
      // Page opens, each in a new tab (the app and the raw floor alternated: ABAB).
      open: Number(option('open-samples', quick ? 2 : 7)),
      // Passes of a second or more (scroll flings, first search, imports).
      heavy: Number(option('heavy-samples', quick ? 1 : 3)),
      // In-page loops repeated to 25 ms each.
      micro: Number(option('runs', quick ? 3 : 5)),
    },
    warmup: 1,
  };
}
