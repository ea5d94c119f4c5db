import Cookies from 'js-cookie';
import type { ConsentRecord, Method, ResolvedConfig } from './types';

/**
 * The consent record, kept in one first-party cookie as JSON with a short FNV-1a checksum `c`.
 * The checksum only detects corruption and hand edits: anyone who can run script on the page can compute it,
 * so it is not a security boundary. What it guarantees is that a damaged cookie never grants anything.
 */

const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'api', 'gpc'];
const MAX = 2048;
const UUID = /^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/i;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

const fnv = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
};

const body = (r: ConsentRecord) =>
  JSON.stringify({ id: r.id, revision: r.revision, given: r.given, updated: r.updated, method: r.method, categories: r.categories });

const date = (v: unknown) => ISO.test(v as string) && !isNaN(Date.parse(v as string));

/**
 * A well-formed record for this config's revision, or null. The result lists exactly the configured categories:
 * one the record lacks (added to the config since) counts as denied, one it has but the config dropped is left out.
 * Adding a category does not ask again; changing `revision` does.
 */
export function toRecord(o: any, config: ResolvedConfig): ConsentRecord | null {
  const cats = o?.categories;
  if (
    !UUID.test(o?.id) || o.revision !== config.revision || !date(o.given) || !date(o.updated) ||
    !METHODS.includes(o.method) || !cats || typeof cats != 'object' || cats.necessary !== true ||
    !Object.values(cats).every((v) => typeof v == 'boolean')
  ) return null;
  const categories: Record<string, boolean> = {};
  for (const { id } of config.categories) categories[id] = cats[id] === true;
  return { id: o.id, revision: o.revision, given: o.given, updated: o.updated, method: o.method, categories };
}

/** One raw cookie value to a record, or null; never throws. */
export function parseRecord(raw: string, config: ResolvedConfig): ConsentRecord | null {
  try {
    if (raw.length > MAX) return null;
    const o = JSON.parse(decodeURIComponent(raw));
    return o && o.c === fnv(body(o)) ? toRecord(o, config) : null;
  } catch {
    return null;
  }
}

/**
 * The stored record, or null. Several cookies may share the name (written on `www.` and on `.example.com`, or on
 * another path): the valid one decided last wins, so a stale copy on a wider domain cannot shadow a newer choice.
 */
export function readRecord(config: ResolvedConfig, doc: Document = document): ConsentRecord | null {
  let best: ConsentRecord | null = null;
  for (const pair of doc.cookie.split(/;\s*/)) {
    const i = pair.indexOf('=');
    if (pair.slice(0, i) != config.cookie.name) continue;
    const r = parseRecord(pair.slice(i + 1), config);
    if (r && (!best || r.updated > best.updated)) best = r;
  }
  return best;
}

const attrs = (config: ResolvedConfig) => ({ path: '/', domain: config.cookie.domain, sameSite: 'Lax' as const, secure: location.protocol == 'https:' });

export function writeRecord(config: ResolvedConfig, r: ConsentRecord): void {
  const b = body(r);
  Cookies.set(config.cookie.name, b.slice(0, -1) + `,"c":"${fnv(b)}"}`, { ...attrs(config), expires: config.cookie.days });
}

/** Deletes the record on path `/`, host-only and, when configured, on the configured domain. */
export function clearRecord(config: ResolvedConfig): void {
  Cookies.remove(config.cookie.name, { path: '/' });
  if (config.cookie.domain) Cookies.remove(config.cookie.name, attrs(config));
}
