import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { resolveConfig } from '../core/config';
import type { ResolvedConfig } from '../core/types';
import { UserError } from './io';

/**
 * The config the tools classify with: the one the page's loader resolved (`window.consentry.config`), or a
 * `consentry.json` file checked by the loader's own validator, so a file the loader would reject is refused here.
 */

/** What the loader's validator said about a config, in its own words. */
export interface Validated {
  config: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

/** `resolveConfig` with its console messages collected instead of printed. */
export function validate(input: unknown): Validated {
  const errors: string[] = [],
    warnings: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void errors.push(args.join(' '));
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    return { config: resolveConfig(input), errors, warnings };
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** The file's JSON (as written) and its resolved form. Throws a UserError naming the file and the first problem. */
export function readConfigFile(path: string): Validated & { json: Record<string, unknown> } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UserError(`${path} must hold a JSON object`);
  const checked = validate(json);
  if (checked.errors.length) {
    const more = checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : '';
    throw new UserError(`${path}: ${checked.errors[0]}${more}`);
  }
  return { ...checked, json: json as Record<string, unknown> };
}

/** What the page itself says: the resolved config, and the JSON block as the owner wrote it (if any). */
export interface PageConfig {
  config: ResolvedConfig;
  /** Text of `<script type="application/json" id="consentry-config">`, when the page has one. */
  block?: string;
  version?: string;
}

/** Undefined when the page runs no Consentry loader. */
export async function readPageConfig(page: Page): Promise<PageConfig | undefined> {
  const found = await page.evaluate(() => {
    const api = (window as unknown as { consentry?: { config?: unknown; version?: string; acceptAll?: unknown } })
      .consentry;
    if (!api || typeof api.acceptAll !== 'function' || !api.config) return undefined;
    // A JSON round trip: the config is plain data, and this drops anything that is not.
    return {
      config: JSON.parse(JSON.stringify(api.config)),
      version: api.version,
      block: document.getElementById('consentry-config')?.textContent ?? undefined,
    };
  });
  return found as PageConfig | undefined;
}
