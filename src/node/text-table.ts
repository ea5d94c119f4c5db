/** Rows as aligned columns (the last column is not padded), each line indented. */
export function textTable(rows: string[][], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  return rows
    .map((row) => indent + row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  '))
    .map((line) => line.trimEnd())
    .join('\n');
}

/** A long URL cut in the middle for a terminal, keeping the host and the end. */
export function shortUrl(url: string, max = 96): string {
  return url.length <= max ? url : url.slice(0, max - 25) + '…' + url.slice(-24);
}

export const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
