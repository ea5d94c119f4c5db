/**
 * Where a command writes: `out` for results (stdout), `err` for progress and the one line that says why a run could
 * not be done (stderr); one line per call. The same shape as the dispatcher's `Output` (src/node/cli.ts), so a
 * command registers there as it is. A command never touches `process`: it resolves to its exit code.
 */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Writes a block of text one line per call. */
export const lines = (write: (line: string) => void, text: string): void => {
  for (const line of text.replace(/\n$/, '').split('\n')) write(line);
};

/** Exit codes shared by the commands. */
export const EXIT = {
  ok: 0,
  /** The audit found something of a not-allowed category before consent or after Reject all. */
  leak: 1,
  /** The run could not be done: bad arguments, no Chromium, page unreachable, no loader, unreadable config. */
  failed: 2,
} as const;

/** An error whose message is the one line a site owner reads: no stack is printed for it. */
export class UserError extends Error {}
