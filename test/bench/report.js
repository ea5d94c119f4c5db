// How the bench summarises and prints: medians and spreads, one aligned table per measurement, and the number
// formats every table uses.

export const log = (...a) => process.stderr.write(a.join(' ') + '\n');

/** Prints a table to stdout: the first column left-aligned, the others right-aligned. */
export function table(title, head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(`\n${title}\n${line(cells[0])}\n${width.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}

export const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const ms = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
export const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
export const signed = (n, d = 1) => (Number.isFinite(n) ? (n >= 0 ? '+' : '') + n.toFixed(d) : 'n/a');

/** The median of the finite values of `xs` (NaN when there are none). */
export const median = (xs) => quantile(xs, 0.5);

/** The `q`-quantile of the finite values of `xs`, interpolated between the two nearest (NaN when there are none). */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const below = Math.floor(at);
  return s[below] + (s[Math.ceil(at)] - s[below]) * (at - below);
}

/** Median, quartiles and range of a sample: how the bench reports every timing. */
export const spread = (xs) => {
  const finite = xs.filter((x) => Number.isFinite(x));
  return {
    median: median(finite),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    n: finite.length,
  };
};

/** "q1–q3" of a spread, in ms with `d` decimals. */
export const iqr = (s, d = 1) => `${ms(s.q1, d)}–${ms(s.q3, d)}`;
/** "min–max" of a spread. */
export const range = (s, d = 1) => `${ms(s.min, d)}–${ms(s.max, d)}`;
