/**
 * The `consentry` command: one dispatcher, one module per subcommand, each loaded only when it runs.
 *
 *   consentry mark 'dist/**\/*.html' [--out DIR] [--config consentry.json] [--check]
 *   consentry audit <url> [--pages /,/shop] [--json FILE] [--html FILE] [--config consentry.json]
 *   consentry scan <url> [--max-pages 50] [--same-site] [--out consentry.json]
 *   consentry --help
 *
 * A subcommand is a function of its arguments and an output sink that resolves to the exit code, so that tests call
 * it directly and the dispatcher owns `process` alone.
 */

/** Where a command writes: `out` for results (stdout), `err` for diagnostics (stderr). One line per call. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** A subcommand: 0 success, 1 the check it performs failed, 2 it could not run (usage, unreadable config...). */
export type Command = (argv: string[], output: Output) => Promise<number>;

interface Entry {
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every subcommand, in the order `--help` lists them: a one-line summary and a lazy import of its module (audit and
 * scan load playwright-core; mark never does).
 */
export const COMMANDS: Record<string, Entry> = {
  mark: {
    summary: 'mark every static tracker tag in built HTML files (in place, --out DIR, or --check for CI)',
    load: () => import('./mark-command').then((m) => m.markCommand),
  },
  audit: {
    summary: 'load pages in Chromium: what reaches a third party before consent, after Reject all, after Accept all',
    load: () => import('./audit').then((m) => m.audit),
  },
  scan: {
    summary: "crawl the site in Chromium, accept all, and write every cookie it sets into the config's cookie tables",
    load: () => import('./scan').then((m) => m.scan),
  },
};

export function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'Usage: consentry <command> [options]   (consentry <command> --help for its options)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export async function run(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.out(help());
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    output.err(`consentry: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  return (await entry.load())(rest, output);
}
