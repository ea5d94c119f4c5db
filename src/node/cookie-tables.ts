import { catalogue } from '../catalogue/catalogue';
import type { CategoryId, CookieInfo, Text } from '../core/types';
import type { How } from './cookie-trail';
import { lifetimeText } from './lifetime';

/**
 * The scan's output: every cookie found, merged into the config's `categories.<id>.cookies` tables (what the
 * preferences dialog lists) and, for the cookies nothing classifies, into a separate list for the owner to decide.
 * What the owner wrote is kept: a known cookie keeps its provider and purpose, a listed cookie the scan did not see
 * stays listed, and only a plain-string lifetime is updated (the change is reported).
 */

/** A cookie the crawl found, with its classification. */
export interface Found {
  name: string;
  /** The jar's domain (a leading dot for a domain cookie), or the Set-Cookie's Domain / the response host. */
  domain: string;
  path: string;
  /** Seconds, as the site asked for it (Chromium caps stored cookies at 400 days); undefined: a session cookie. */
  lifetime?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  thirdParty: boolean;
  /** False for a cookie a third-party response set but the browser did not keep (third-party cookies blocked). */
  stored: boolean;
  how: How;
  setBy?: string;
  firstPage: string;
  category?: CategoryId;
  vendor: string;
}

/** An entry of the unclassified list: enough for the owner to decide where it belongs. */
export interface Unclassified {
  name: string;
  domain: string;
  path: string;
  lifetime: string;
  httpOnly: boolean;
  secure: boolean;
  thirdParty: boolean;
  how: How;
  setBy?: string;
  firstPage: string;
  /** Why it is here when something did name a category. */
  note?: string;
}

export interface Change {
  name: string;
  category?: CategoryId;
  from?: string;
  to?: string;
  note?: string;
}

export interface Diff {
  /** Found now, listed nowhere before. */
  added: Change[];
  /** Listed before, not seen in this scan (kept in the config: a bounded crawl may miss a page). */
  gone: Change[];
  /** Listed with another lifetime. */
  changed: Change[];
}

export interface Merged {
  config: Record<string, any>;
  unclassified: Unclassified[];
  diff: Diff;
  /** Names whose purpose is still the placeholder. */
  placeholders: string[];
}

/** Marks a purpose the owner must write; the scan lists every cookie that still has it. */
export const PLACEHOLDER = 'TO COMPLETE: what this cookie is for';

const PURPOSES: Record<string, (vendor: string) => string> = {
  analytics: (v) => `Audience measurement by ${v}: tells visits and visitors apart for statistics.`,
  marketing: (v) => `Advertising by ${v}: measures ad campaigns and builds audiences for them.`,
  preferences: (v) => `Set by ${v} to remember the visitor and their settings in this feature.`,
};

const CATALOGUE_VENDORS = new Set(catalogue.map(([vendor]) => vendor));

/** `*` stands for any run of characters, as in the loader's cookie rules. */
export const nameMatches = (pattern: string, name: string): boolean =>
  pattern.includes('*')
    ? RegExp(
        '^' +
          pattern
            .split('*')
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*') +
          '$',
      ).test(name)
    : pattern === name;

/** The English (or only) form of a text, to compare with what the scan measured. */
const plain = (t: Text | undefined): string | undefined =>
  typeof t === 'string' ? t : t ? (t.en ?? Object.values(t)[0]) : undefined;

function entryFor(f: Found, site: string, consentCookie: string, sessionCookie: string): CookieInfo {
  const lifetime = lifetimeText(f.lifetime);
  if (f.vendor === 'Consentry' && f.name === consentCookie)
    return { name: f.name, provider: site, purpose: "Remembers the visitor's cookie choices (Consentry).", lifetime };
  if (f.vendor === 'Consentry' && f.name === sessionCookie)
    return { name: f.name, provider: site, purpose: 'Keeps the visitor signed in until the browser closes.', lifetime };
  const purpose = CATALOGUE_VENDORS.has(f.vendor) && f.category ? PURPOSES[f.category]?.(f.vendor) : undefined;
  return { name: f.name, provider: f.vendor, purpose: purpose ?? PLACEHOLDER, lifetime };
}

const unclassifiedOf = (f: Found, note?: string): Unclassified => ({
  name: f.name,
  domain: f.domain,
  path: f.path,
  lifetime: lifetimeText(f.lifetime),
  httpOnly: f.httpOnly,
  secure: f.secure,
  thirdParty: f.thirdParty,
  how: f.how,
  ...(f.setBy && { setBy: f.setBy }),
  firstPage: f.firstPage,
  ...(note && { note }),
});

export interface MergeInput {
  /** The config JSON as written (it is copied, never changed in place). */
  config: Record<string, any>;
  found: Found[];
  /** The unclassified list of the previous scan. */
  previous: Unclassified[];
  /** The site's host: the provider of its own cookies. */
  site: string;
  consentCookie: string;
  sessionCookie: string;
}

export function mergeCookieTables(input: MergeInput): Merged {
  const config = structuredClone(input.config);
  const categories: Record<string, any> = (config.categories =
    config.categories && typeof config.categories === 'object' ? config.categories : {});
  const diff: Diff = { added: [], gone: [], changed: [] };
  const unclassified: Unclassified[] = [];

  // Every entry the config lists, with where it lives.
  const listed = Object.entries(categories).flatMap(([id, c]) =>
    c && Array.isArray(c.cookies) ? (c.cookies as CookieInfo[]).map((entry) => ({ id, entry })) : [],
  );
  const matched = new Set<CookieInfo>();
  const byName = new Map<string, Found>();
  for (const f of input.found) if (!byName.has(f.name)) byName.set(f.name, f);

  for (const f of byName.values()) {
    const lifetime = lifetimeText(f.lifetime);
    const known = listed.find(({ entry }) => typeof entry.name === 'string' && nameMatches(entry.name, f.name));
    if (known) {
      matched.add(known.entry);
      const was = plain(known.entry.lifetime);
      // A pattern covers cookies of several lifetimes: only an exact entry has one to compare.
      if (known.entry.name === f.name && was !== lifetime) {
        const translated = typeof known.entry.lifetime === 'object';
        diff.changed.push({
          name: f.name,
          category: known.id,
          from: was ?? '(none)',
          to: lifetime,
          ...(translated && { note: 'translated: update it by hand' }),
        });
        if (!translated) known.entry.lifetime = lifetime;
      }
      continue;
    }
    const category = f.category;
    if (!category || categories[category] === false) {
      const note = category ? `classified as ${category}, a category your config switches off` : undefined;
      for (const g of input.found.filter((x) => x.name === f.name)) unclassified.push(unclassifiedOf(g, note));
      continue;
    }
    const table = (categories[category] ||= {});
    (table.cookies ||= []).push(entryFor(f, input.site, input.consentCookie, input.sessionCookie));
    diff.added.push({ name: f.name, category, to: lifetime });
  }

  // The previous unclassified list: what is still there is not new; what is not is gone.
  const key = (u: { name: string; domain: string }) => `${u.name}\n${u.domain}`;
  const before = new Map(input.previous.map((u) => [key(u), u]));
  const now = new Set(unclassified.map(key));
  for (const u of unclassified) {
    const was = before.get(key(u));
    if (!was) diff.added.push({ name: u.name, to: u.lifetime });
    else if (was.lifetime !== u.lifetime) diff.changed.push({ name: u.name, from: was.lifetime, to: u.lifetime });
  }
  for (const u of input.previous) if (!now.has(key(u)) && !byName.has(u.name)) diff.gone.push({ name: u.name });
  for (const { id, entry } of listed) if (!matched.has(entry)) diff.gone.push({ name: entry.name, category: id });

  const placeholders = Object.values(categories).flatMap((c: any) =>
    c && Array.isArray(c.cookies)
      ? c.cookies.filter((e: CookieInfo) => e.purpose === PLACEHOLDER).map((e: CookieInfo) => e.name)
      : [],
  );
  return { config, unclassified, diff, placeholders };
}
