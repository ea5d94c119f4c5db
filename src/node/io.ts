/**
 * What a command writes to and returns. `process` fits as is (`audit(argv, process)`), and a test passes two
 * string collectors. A command never calls `process.exit`: it returns its exit code.
 */
export interface Writer {
  write(text: string): unknown;
}

export interface Io {
  /** The report: tables, verdict, what to paste. */
  stdout: Writer;
  /** Progress and the one line that says why a run could not be done. */
  stderr: Writer;
}

export type Command = (argv: string[], io: Io) => Promise<number>;

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
