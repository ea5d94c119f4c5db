import Cookies from 'js-cookie';
import type { ConsentRecord, ResolvedConfig } from './types';
import { attrs } from './session';

/**
 * The consent record, kept in one first-party cookie as JSON with a short FNV-1a checksum `c`.
 * The checksum only detects corruption and hand edits: anyone who can run script on the page can compute it,
 * so it is not a security boundary. What it guarantees is that a damaged cookie never grants anything.
 */

const METHODS = 'accept-all reject-all custom api gpc'.split(' ');
const UUID = /^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/i;
// What toISOString() writes: 24 characters, and a real date.
const date = (v: string) => Date.parse(v) > 0 && v.length == 24;

const fnv = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; ) h = Math.imul(h ^ s.charCodeAt(i++), 16777619);
  return (h >>> 0).toString(36);
};

/** The record's six fields, in their stored order (the checksum covers exactly this). */
export const pick = (r: any): ConsentRecord => ({
  id: r.id,
  revision: r.revision,
  given: r.given,
  updated: r.updated,
  method: r.method,
  categories: r.categories,
});

/**
 * A well-formed record for this config's revision, or null. The result lists exactly the configured categories:
 * one the record lacks (added to the config since) counts as denied, one it has but the config dropped is left out.
 * Adding a category does not ask again; changing `revision` does.
 */
export function toRecord(o: any, config: ResolvedConfig): ConsentRecord | null {
  const cats = o?.categories;
  if (
    !UUID.test(o?.id) ||
    o.revision !== config.revision ||
    !date(o.given) ||
    !date(o.updated) ||
    !METHODS.includes(o.method) ||
    cats?.necessary !== true ||
    !Object.values(cats).every((v) => typeof v == 'boolean')
  )
    return null;
  const r = pick(o);
  r.categories = {};
  for (const { id } of config.categories) r.categories[id] = cats[id] === true;
  return r;
}

/**
 * The stored record, or null; never throws. Several cookies may share the name (written on `www.` and on
 * `.example.com`, or on another path): the valid one decided last wins, so a stale copy on a wider domain cannot
 * shadow a newer choice. Oversized, undecodable, unparsable or checksum-failing values count as no record.
 */
export function readRecord(config: ResolvedConfig, doc: Document = document): ConsentRecord | null {
  let best: ConsentRecord | null = null;
  for (const pair of doc.cookie.split(/; */)) {
    const i = pair.indexOf('='),
      raw = pair.slice(i + 1);
    let r: ConsentRecord | null = null;
    try {
      const o = pair.slice(0, i) == config.cookie.name && raw.length <= 2048 && JSON.parse(decodeURIComponent(raw));
      if (o.c === fnv(JSON.stringify(pick(o)))) r = toRecord(o, config);
    } catch {}
    if (r && !(best && best.updated > r.updated)) best = r;
  }
  return best;
}

export function writeRecord(config: ResolvedConfig, r: ConsentRecord): void {
  const b = JSON.stringify(pick(r)),
    { name, domain, days } = config.cookie;
  Cookies.set(name, b.slice(0, -1) + `,"c":"${fnv(b)}"}`, { ...attrs({ domain }), expires: days });
}

/** Deletes the record on path `/`, host-only and, when configured, on the configured domain. */
export function clearRecord(config: ResolvedConfig): void {
  const { name, domain } = config.cookie;
  Cookies.remove(name);
  if (domain) Cookies.remove(name, { domain });
}
