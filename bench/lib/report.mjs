// The budgets (issue 19 and the earlier ones still kept) and the reports: the console table,
// bench/RESULTS.md and bench/results.json.
import os from 'node:os';
import { fmt } from './stats.mjs';

/**
 * Each budget: where to read it (case, size, CPU rate) and the test. `measured` says the figure;
 * `ok` decides met or missed. Cases may add budgets of their own (a `budgets` array on the case).
 */
export const BUDGETS = [
  {
    budget: 'first search: no long task over 100 ms (10k, 4x CPU)',
    read: ['search: worst long task during the first query', '10k', 4],
    ok: (r) => r.max <= 100,
    measured: (r) =>
      `worst ${fmt(r.max)} ms over ${r.runs} first queries (${r.samples.map((x) => Math.round(x)).join('/')})`,
  },
  {
    budget: 'rating -> thesis standing painted <= 50 ms p50 (10k, 4x CPU)',
    read: ['rating -> thesis standing painted', '10k', 4],
    ok: (r) => r.median <= 50,
    measured: (r) => `${fmt(r.median)} ms p50, p90 ${fmt(r.p90)} ms (n=${r.runs})`,
  },
  {
    budget: 'edit -> row painted <= 50 ms p50 (10k, 4x CPU)',
    read: ['edit commit -> row painted', '10k', 4],
    ok: (r) => r.median <= 50,
    measured: (r) => `${fmt(r.median)} ms p50, p90 ${fmt(r.p90)} ms (n=${r.runs})`,
  },
  {
    budget: 'scroll fling: <= 5 long tasks per pass (10k, 4x CPU)',
    read: ['scroll fling: long tasks per pass', '10k', 4],
    ok: (r) => r.max <= 5,
    measured: (r) => `${r.samples.join('/')} per pass`,
  },
  {
    budget: 'scroll fling: no long task over 100 ms (10k, 4x CPU)',
    read: ['scroll fling: worst long task', '10k', 4],
    ok: (r) => r.max <= 100,
    measured: (r) => `worst ${fmt(r.max)} ms`,
  },
  {
    budget: 'open <= 3x the raw getAll floor (10k, 4x CPU)',
    read: ['open map -> painted tree', '10k', 4],
    ok: (r) => r.ratio <= 3,
    measured: (r) => `x${fmt(r.ratio, 'x')} (${fmt(r.median)} ms vs ${fmt(r.baselineMedian)} ms)`,
  },
  {
    budget: 'rating -> thesis standing painted <= 16 ms p50 (10k, 1x)',
    read: ['rating -> thesis standing painted', '10k', 1],
    ok: (r) => r.median <= 16,
    measured: (r) => `${fmt(r.median)} ms p50, p90 ${fmt(r.p90)} ms (n=${r.runs})`,
  },
  {
    budget: 'cold first visit: sample tree painted <= 1 s (1x)',
    read: ['cold first visit -> sample tree painted', '-', 1],
    ok: (r) => r.median <= 1000,
    measured: (r) => `${fmt(r.median)} ms p50 (local server)`,
  },
  {
    budget: 'cold first visit: <= 2 sequential round trips',
    read: ['cold first visit: sequential round trips', '-', 1],
    ok: (r) => r.max <= 2,
    measured: (r) => `${r.max}: ${r.note}`,
  },
  {
    budget: '10,000-node Markdown import end to end <= 3 s (1x)',
    read: ['Markdown import end to end', '10k', 1],
    ok: (r) => r.median <= 3000,
    measured: (r) => `${fmt(r.median)} ms p50`,
  },
  {
    budget: 'heap with 100,000 nodes open < 150 MB',
    read: ['JS heap with the map open', '100k', 1],
    ok: (r) => r.median < 150,
    measured: (r) => `${fmt(r.median)} MB`,
  },
  {
    // The same budget, counted honestly once search is used: its index lives in a worker.
    budget: 'heap with 100,000 nodes open and searched (page + search worker) < 150 MB',
    read: ['JS heap after the first search, page + search worker', '100k', 1],
    ok: (r) => r.median < 150,
    measured: (r) => `${fmt(r.median)} MB (${r.note})`,
  },
  {
    budget: 'search typed query -> results <= 30 ms p50 (10k, 1x)',
    read: ['search: typed query -> results in the DOM', '10k', 1],
    ok: (r) => r.median <= 30,
    measured: (r) => `${fmt(r.median)} ms p50, slowest ${fmt(r.max)} ms`,
  },
  {
    budget: 'initial JS <= 100 KB gzipped',
    read: ['initial JS, gzipped', '-', 1],
    ok: (r) => r.median <= 100,
    measured: (r) => `${fmt(r.median)} KB`,
  },
];

export function budgetRows(results, budgets) {
  return budgets.map((b) => {
    const [name, size, rate] = b.read;
    const r = results.find(name, size, rate);
    if (!r) {
      const why = results.skipped(name, size, rate);
      return { budget: b.budget, status: 'n.a.', measured: why ? `skipped: ${why}` : 'not measured in this run' };
    }
    return { budget: b.budget, status: b.ok(r) ? 'met' : 'missed', measured: b.measured(r) };
  });
}

const HEAD = ['case', 'size', '1x median', '4x median', 'baseline (1x / 4x)', 'ratio 1x', 'ratio 4x', 'n'];

/** One line per case and size, the two CPU rates side by side. */
function tableRows(results, rates) {
  const keys = [];
  const seen = new Set();
  for (const r of results.rows) {
    const k = `${r.case}\u0000${r.size}`;
    if (!seen.has(k)) {
      seen.add(k);
      keys.push([r.case, r.size]);
    }
  }
  // Always the 1x column and the slowed one, whichever of them this run measured.
  const [lo, hi] = [1, rates.find((r) => r !== 1) ?? 4];
  return keys.map(([name, size]) => {
    const at = (rate) => results.rows.find((r) => r.case === name && r.size === size && r.rate === rate);
    const a = at(lo);
    const b = at(hi);
    const cell = (r) => (!r ? '—' : r.skipped ? `skipped: ${r.skipped}` : `${fmt(r.median, r.unit)} ${r.unit}`);
    const ratio = (r) => (r && !r.skipped && Number.isFinite(r.ratio) ? `x${fmt(r.ratio, 'x')}` : '');
    const any = [a, b].find((r) => r && !r.skipped);
    const base = any?.baselineName
      ? `${any.baselineName}: ${fmt(a?.baselineMedian, any.unit)} / ${fmt(b?.baselineMedian, any.unit)}`
      : '';
    const n = [a, b]
      .filter((r) => r && !r.skipped)
      .map((r) => r.runs)
      .join(' / ');
    return [name, size, cell(a), cell(b), base, ratio(a), ratio(b), n];
  });
}

export function printTable(log, results, rates) {
  const rows = [HEAD, ...tableRows(results, rates)];
  const widths = HEAD.map((_, i) => Math.min(i === 4 ? 50 : 56, Math.max(...rows.map((r) => String(r[i]).length))));
  const line = (r) => r.map((c, i) => String(c).slice(0, widths[i]).padEnd(widths[i])).join('  ');
  log('');
  log(line(rows[0]));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) log(line(r));
}

export function machine(chromiumVersion, commit) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion,
    commit,
    date: new Date().toISOString(),
  };
}

const esc = (s) => String(s).replace(/\|/g, '\\|');
const mdTable = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');

export function markdownReport({ env, options, budgets, results, rates, shapes, notes, seconds }) {
  const s = options.samples;
  const lines = [
    '# Benchmark results',
    '',
    `Commit measured: \`${env.commit}\`. Written by \`npm run bench\` (\`${['node bench/run.mjs', ...options.argv].join(' ')}\`) on ${env.date.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(seconds)} s.`,
    '',
    `Machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.os}; Node ${env.node}; Chromium ${env.chromium} (headless, 1366x768).`,
    `Every page case runs at 1x and with the CPU slowed ${rates[1] ?? 4}x (CDP Emulation.setCPUThrottlingRate, as devtools' low-end laptop preset).`,
    `Samples per figure (after warm-up): interactions ${s.ui} (edit, rating; typed queries ${s.ui <= 5 ? 10 : 20} per tab), opens ${s.open} pairs (the app and the raw floor alternated, a new tab each), passes ${s.heavy} (scroll flings, first searches, imports), in-page loops ${s.micro}.`,
    '',
    '## Budgets',
    '',
    mdTable(
      ['budget', 'status', 'measured'],
      budgets.map((b) => [b.budget, b.status, b.measured]),
    ),
    '',
    '## All figures (median; 1x and 4x CPU)',
    '',
    mdTable(HEAD, tableRows(results, rates)),
    '',
    '## Maps',
    '',
    mdTable(
      ['size', 'nodes', 'depth', 'sources', 'citations', 'ratings', 'written by putBundles'],
      Object.entries(shapes).map(([size, i]) => [
        size,
        i.stats.nodes,
        i.stats.maxDepth,
        i.stats.sources,
        i.stats.citations,
        i.stats.ratings,
        `${fmt(i.writeMs)} ms`,
      ]),
    ),
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '## Case notes',
    '',
    ...results.rows.filter((r) => r.note).map((r) => `- ${r.case} [${r.size}, ${r.rate}x]: ${r.note}`),
    '',
  ];
  return lines.join('\n');
}
