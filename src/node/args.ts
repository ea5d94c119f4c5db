import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `argv` is what follows the command's name (`consentry audit <this…>`). Unknown options, a missing or extra
 * positional and a bad number are UserErrors that end with the usage line.
 */
export function parseCommand<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!(values as { help?: boolean }).help && positionals.length !== 1)
      throw new UserError(positionals.length ? `one URL, got ${positionals.length}` : 'a URL is needed');
    return { values, url: positionals[0] };
  } catch (e) {
    const why = e instanceof UserError ? e.message : (e as Error).message.split('\n')[0].replace(/\.$/, '');
    throw new UserError(`${why}. Usage: ${usage}`);
  }
}

/** A whole number ≥ `min` from an option, else the default. */
export function count(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UserError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

/** An http(s) URL, as typed by a site owner (`localhost:8080` reads as `http://localhost:8080/`). */
export function pageUrl(input: string): URL {
  const text = /^[a-z][\w+.-]*:\/\//i.test(input) ? input : `http://${input}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`not a URL: "${input}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UserError(`only http(s) URLs can be audited, got "${input}"`);
  url.hash = '';
  return url;
}
