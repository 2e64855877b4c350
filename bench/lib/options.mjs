// Command-line options of `npm run bench` (see bench/README.md).
export const SIZE_NODES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

const VALUE_OPTIONS = ['sizes', 'rates', 'cases', 'ui-samples', 'open-samples', 'heavy-samples', 'runs'];
const FLAGS = ['quick', 'no-build', 'profile', 'help'];

export function usage(caseIds) {
  return [
    'npm run bench -- [options]   (bench/README.md says what each case measures)',
    '  --quick                 10k only, fewer samples (a smoke run, under 5 minutes)',
    '  --sizes 1k,10k,100k     map sizes to generate and measure',
    '  --rates 1,4             CPU slowdowns (CDP Emulation.setCPUThrottlingRate)',
    `  --cases a,b             only these cases: ${caseIds.join(', ')}`,
    '  --no-build              reuse dist/ and bench/out/ from an earlier run',
    '  --profile               CPU profile + trace of the edit and rating loops, in bench/out/profiles/',
    '  --ui-samples N, --open-samples N, --heavy-samples N, --runs N   samples per kind',
    '  --help                  this text',
  ].join('\n');
}

export function parseOptions(argv, caseIds) {
  // An unknown or misspelt option used to start the full bench (minutes of work) with its defaults.
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (VALUE_OPTIONS.includes(name)) i++;
    else if (!FLAGS.includes(name)) throw new Error(`Unknown option "${argv[i]}".\n${usage(caseIds)}`);
  }
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
    profile: flag('profile'),
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
