/**
 * What the audit and the scan share about talking to a site owner. They write through the dispatcher's `Output`
 * (src/node/cli.ts): results on `out`, progress and the one line that says why a run could not be done on `err`. A
 * command never touches `process`: it resolves to its exit code.
 */

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
