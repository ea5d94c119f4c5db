import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import chromiumArgs from './chromium-args.json';
import { UserError } from './io';

/**
 * The system Chromium, found the way the project's browser tests find it: `CHROMIUM=/path`, else
 * `/usr/bin/chromium`. playwright-core drives it and is loaded only here, on demand, so a site that installs
 * Consentry for its pages never needs it, and a missing one is a one-line message instead of a crash at import.
 */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The flags every headless Chromium of the project gets (audit, scan, the browser tests, the bench), kept as data in
 * one file so the bench, which is plain JavaScript, reads the same list. `--disable-quic`: QUIC would bypass nothing
 * here, but it makes Chromium try UDP to hosts that do not exist.
 */
export const CHROMIUM_ARGS: string[] = chromiumArgs;

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM || DEFAULT_CHROMIUM;
}

/** Launches the system Chromium headless. Throws a UserError (one line, with the install hint) when it is missing. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath)) {
    throw new UserError(
      `Chromium not found at ${executablePath}: install it with "apt-get install -y chromium" (as root), or set CHROMIUM=/path/to/chromium.`,
    );
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new UserError(
      'playwright-core is not installed: run "npm install --save-dev playwright-core" (it drives your Chromium; no browser download).',
    );
  }
  return playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
