// Statistics, formatting and the results store shared by every case.
function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.floor(q * v.length))];
}

export function fmt(value, unit = 'ms') {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (unit === 'count') return String(Math.round(value * 10) / 10);
  const a = Math.abs(value);
  const digits = a === 0 ? 0 : a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return value.toFixed(digits);
}

export function describe(error) {
  return String(error?.message ?? error)
    .split('\n')[0]
    .replace(/^page\.evaluate: /, '');
}

/** Every row measured in this run: one per case, size and CPU rate. */
export class Results {
  rows = [];

  constructor(log) {
    this.log = log;
  }

  record(name, size, rate, { samples, baseline = [], baselineName = '', unit = 'ms', note = '', info } = {}) {
    const med = median(samples);
    const baseMed = median(baseline);
    const row = {
      case: name,
      size,
      rate,
      unit,
      runs: samples.length,
      median: med,
      p90: quantile(samples, 0.9),
      min: samples.length ? Math.min(...samples) : NaN,
      max: samples.length ? Math.max(...samples) : NaN,
      baselineName,
      baselineMedian: baseMed,
      ratio: baseMed > 0 && Number.isFinite(med) ? med / baseMed : NaN,
      samples,
      baseline,
      note,
      ...(info && { info }),
    };
    this.rows.push(row);
    this.log(
      `  ${name} [${size}, ${rate}x]: median ${fmt(med, unit)} ${unit} (n=${samples.length})` +
        (baselineName ? ` vs ${baselineName} ${fmt(baseMed, unit)} (x${fmt(row.ratio, 'x')})` : '') +
        (note ? `  (${note.slice(0, 160)})` : ''),
    );
    return row;
  }

  skip(name, size, rate, reason) {
    this.rows.push({ case: name, size, rate, skipped: reason });
    this.log(`  ${name} [${size}, ${rate}x]: skipped: ${reason}`);
  }

  find(name, size, rate = 1) {
    return this.rows.find((r) => r.case === name && r.size === size && r.rate === rate && !r.skipped);
  }

  skipped(name, size, rate = 1) {
    return this.rows.find((r) => r.case === name && r.size === size && r.rate === rate && r.skipped)?.skipped;
  }
}
