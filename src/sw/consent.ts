import { createConsent } from '../core/consent';
import { parseRecord } from '../core/record';
import type { CategoryId, ConsentRecord, ResolvedConfig } from '../core/types';
import { gpcOn } from '../signals/gpc';
import type { ShieldCookieStore } from './scope';

/**
 * The live decision, as the worker knows it. It never guesses: it has what the consent cookie says (through
 * `cookieStore`, where the worker has it) and what the pages said (their messages, kept across restarts), and the
 * newer of the two decides. No record means nothing but `necessary`.
 */

/** What one source says: a record (or none, null) and when it was decided (ms since the epoch; 0: never). */
export interface Said {
  readonly record: ConsentRecord | null;
  readonly at: number;
}

export const NOTHING_SAID: Said = { record: null, at: 0 };

/** A record says what it says as of its last decision. */
export const saidBy = (record: ConsentRecord | null): Said => ({
  record,
  at: record ? Date.parse(record.updated) : 0,
});

/** Newest wins; of two said at the same time, the first. */
export const newer = (a: Said, b: Said): Said => (b.at > a.at ? b : a);

/**
 * The consent cookie as the loader reads it: every copy of the name, each parsed and validated by the loader's own
 * `parseRecord` for this config, the one decided last winning. Rejects when the cookie store does.
 */
export async function cookieSays(cookies: ShieldCookieStore, config: ResolvedConfig): Promise<Said> {
  let said = NOTHING_SAID;
  for (const { value } of await cookies.getAll(config.cookie.name))
    said = newer(said, saidBy(parseRecord(value, config)));
  return said;
}

/**
 * What a record allows, exactly as the loader's live consent answers it (`createConsent`): `necessary` always,
 * anything else only when the record says `true`, and under Global Privacy Control a blanket "accept all" does not
 * grant marketing.
 */
export const allowing = (config: ResolvedConfig, said: Said, navigator: object): ((category: CategoryId) => boolean) =>
  createConsent(config, said.record, gpcOn(config, navigator as Navigator)).allowed;

/** What an unreadable state allows. */
export const onlyNecessary = (category: CategoryId): boolean => category == 'necessary';
