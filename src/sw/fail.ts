/**
 * One `console.error` per kind of failure for the worker's life: a failure that repeats on every request says so
 * once, and the worker goes on failing closed.
 */
const said = new Set<string>();

export function fail(kind: string, error?: unknown): void {
  if (said.has(kind)) return;
  said.add(kind);
  console.error('Consentry shield: ' + kind, ...(error === undefined ? [] : [error]));
}
