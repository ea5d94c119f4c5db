import { removeCookie, writeCookie } from './own-cookies';
import type { ConsentRecord, ResolvedConfig } from './types';

/**
 * The consent record, kept in one first-party cookie as JSON with a short FNV-1a checksum `c`.
 * The checksum only detects corruption and hand edits: anyone who can run script on the page can compute it,
 * so it is not a security boundary. What it guarantees is that a damaged cookie never grants anything.
 */

const METHODS = 'accept-all reject-all custom api gpc'.split(' ');
const UUID = /^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/i;
// Exactly what toISOString() writes (a string: an array holding one reads the same to Date.parse).
const isIsoTime = (value: unknown) => typeof value == 'string' && new Date(value).toJSON() === value;

/** FNV-1a, base 36: short, and enough to tell a damaged or hand-edited cookie. */
const checksum = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; ) hash = Math.imul(hash ^ text.charCodeAt(i++), 16777619);
  return (hash >>> 0).toString(36);
};

/** The record's six fields, in their stored order (the checksum covers exactly this). */
export const recordFields = (r: any): ConsentRecord => ({
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
export function toRecord(candidate: any, config: ResolvedConfig): ConsentRecord | null {
  const categories = candidate?.categories;
  if (
    typeof candidate?.id != 'string' ||
    !UUID.test(candidate.id) ||
    candidate.revision !== config.revision ||
    !isIsoTime(candidate.given) ||
    !isIsoTime(candidate.updated) ||
    !METHODS.includes(candidate.method) ||
    categories?.necessary !== true ||
    !Object.values(categories).every((value) => typeof value == 'boolean')
  )
    return null;
  const record = recordFields(candidate);
  record.categories = {};
  for (const { id } of config.categories) record.categories[id] = categories[id] === true;
  return record;
}

/**
 * One raw cookie value (as the cookie jar holds it, percent-encoded) as a record for this config, or null; never
 * throws. Oversized, undecodable, unparsable or checksum-failing values count as no record. The loader reads
 * `document.cookie` through it and the service worker (src/sw/) the values `cookieStore` gives it.
 */
export function parseRecord(raw: string, config: ResolvedConfig): ConsentRecord | null {
  try {
    const stored = raw.length <= 2048 && JSON.parse(decodeURIComponent(raw));
    if (stored.c === checksum(JSON.stringify(recordFields(stored)))) return toRecord(stored, config);
  } catch {}
  return null;
}

/**
 * The stored record, or null; never throws. Several cookies may share the name (written on `www.` and on
 * `.example.com`, or on another path): the valid one decided last wins, so a stale copy on a wider domain cannot
 * shadow a newer choice.
 */
export function readRecord(config: ResolvedConfig, doc: Document = document): ConsentRecord | null {
  let newest: ConsentRecord | null = null;
  for (const pair of doc.cookie.split(/; */)) {
    const equals = pair.indexOf('=');
    const record = pair.slice(0, equals) == config.cookie.name && parseRecord(pair.slice(equals + 1), config);
    if (record && !(newest && newest.updated > record.updated)) newest = record;
  }
  return newest;
}

export function writeRecord(config: ResolvedConfig, record: ConsentRecord): void {
  const json = JSON.stringify(recordFields(record));
  const { name, domain, days } = config.cookie;
  writeCookie(name, json.slice(0, -1) + `,"c":"${checksum(json)}"}`, { domain }, days);
}

/** Deletes the record on path `/`, host-only and, when configured, on the configured domain. */
export function clearRecord(config: ResolvedConfig): void {
  const { name, domain } = config.cookie;
  removeCookie(name, {});
  if (domain) removeCookie(name, { domain });
}
