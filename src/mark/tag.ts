import {
  CONSENT_ATTRIBUTE,
  HELD_PING_PREFIX,
  heldAttribute,
  INERT_SCRIPT_TYPE,
  ORIGINAL_TYPE_ATTRIBUTE,
  URL_ATTRIBUTES,
  VENDOR_ATTRIBUTE,
} from '../catalogue/marked-form';
import type { Match } from '../catalogue/matcher';
import type { StartTag } from './scan';

/**
 * One start tag → its marked form, or undefined when it loads no tracker. The marked form is the one the loader
 * re-activates (src/catalogue/marked-form.ts): a script becomes `type="text/plain"` and keeps its `src`; any other
 * element's URL attributes become `data-<name>`; both gain `data-consent` (the categories) and the vendor's name.
 * Which attributes carry URLs is the table's business: this file follows `URL_ATTRIBUTES`, whatever it lists.
 *
 * Only the changed attributes are rewritten; every other character of the tag (quoting, case, entities, spacing,
 * duplicates) is copied from the source.
 */

/** A site owner's way to keep a tag exactly as written (the loader still guards it at run time). */
export const IGNORE_ATTRIBUTE = 'data-consentry-ignore';

/** What was held in one tag, for the caller's report. */
export interface MarkedTag {
  /** The element's local name (`script`, `img`, `iframe`...). */
  tag: string;
  /** Every tracker URL the tag held, in attribute order. */
  urls: string[];
  /** The `data-consent` categories written. */
  categories: string[];
  vendor: string;
  /** Offset of the tag's `<` in the input (UTF-16 code units of the string given to the rewriter). */
  offset: number;
  /** The tag as it was written. */
  source: string;
}

/** Category and vendor of a URL that must wait for consent, or undefined. */
export type Judge = (url: string) => Match | undefined;

// JavaScript MIME types (the HTML spec's list) and `module`: any other type makes a data block that never loads.
// Parameters are ignored, so `text/javascript; charset=utf-8` counts as script: marking a data block is harmless.
const SCRIPT_TYPE =
  /^(?:module|(?:application|text)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/i;
// Consentry's own files (`/consentry.js`, `consentry-ui.js`...): never held, whatever a site rule says.
const OWN_SCRIPT = /(?:^|\/)consentry(?:-[\w-]+)?\.m?js(?:[?#]|$)/i;
const SPACE = /[\t\n\f\r ]+/;

const runs = (type: string | undefined, language: string | undefined) => {
  const t = type ?? (language ? 'text/' + language : '');
  const essence = t.split(';')[0].replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  return !essence || SCRIPT_TYPE.test(essence);
};

/** The URLs of a `srcset`: each candidate's URL, its descriptors skipped (commas inside a URL kept, as browsers read them). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && /[\t\n\f\r ,]/.test(value[i])) i++;
    const start = i;
    while (i < n && !/[\t\n\f\r ]/.test(value[i])) i++;
    let url = value.slice(start, i);
    if (!url) break;
    if (/,$/.test(url)) url = url.replace(/,+$/, '');
    else
      for (let depth = 0; i < n; i++) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && !depth) {
          i++;
          break;
        }
      }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * An attribute value we write: `&` and `"` escaped, and every character above `~` as a character reference, so the
 * output is right in any ASCII-compatible encoding (the middleware rewrites bytes it has not decoded). Values copied
 * from a tag (ping URLs) keep characters up to U+00FF as they are: there they stand for the input's own bytes.
 */
const quote = (value: string, keepBytes = false) =>
  '"' +
  value.replace(keepBytes ? /[&"]|[^\0-\xff]/gu : /[&"]|[^ -~]/gu, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : `&#x${c.codePointAt(0)!.toString(16)};`,
  ) +
  '"';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The marked form of `tag` as HTML (its source is `source`, the input from `tag.start` to `tag.end`), with what it
 * held; undefined when the tag must stay as it is.
 */
export function markTag(tag: StartTag, source: string, judge: Judge): { html: string; marked: MarkedTag } | undefined {
  const names = URL_ATTRIBUTES[tag.localName];
  if (!names || tag.inTemplate) return;
  const value = (name: string) => tag.attrs.find((a) => a.name === name)?.value;
  if (value(CONSENT_ATTRIBUTE) != null || value(IGNORE_ATTRIBUTE) != null) return;
  const script = tag.localName === 'script';
  if (script && (!runs(value('type'), value('language')) || OWN_SCRIPT.test(value('src') || ''))) return;

  const matches: Match[] = [];
  const urls: string[] = [];
  const moved: string[] = [];
  // ping: the tracker URLs go, per category, into data-ping-<category>; the element itself stays live.
  const keptPings: string[] = [];
  const heldPings = new Map<string, string[]>();
  for (const name of names) {
    const v = value(name);
    if (v == null) continue;
    const list = name === 'ping' ? v.split(SPACE).filter(Boolean) : /srcset$/.test(name) ? srcsetUrls(v) : [v];
    let held = false;
    for (const url of list) {
      const m = url.trim() ? judge(url) : undefined;
      if (m) {
        matches.push(m);
        urls.push(url);
        held = true;
        if (name === 'ping') heldPings.set(m.category, [...(heldPings.get(m.category) || []), url]);
      } else if (name === 'ping') keptPings.push(url);
    }
    if (held && name !== 'ping') moved.push(name);
  }
  if (!matches.length) return;

  const categories = [...new Set(matches.map((m) => m.category))];
  const edits: Edit[] = [];
  const at = (start: number, end: number, text: string) =>
    edits.push({ start: start - tag.start, end: end - tag.start, text });
  // Inserted after the tag name, ending with a quoted value (a copied unquoted value must not run into what follows).
  let added = '';

  if (script) {
    // The browser obeys the first `type`; it becomes text/plain, its value (as written) moves to data-consentry-type.
    const type = tag.sources.find((s) => s.name === 'type');
    if (!type) added = ` type="${INERT_SCRIPT_TYPE}"`;
    else {
      at(type.start, type.end, `type="${INERT_SCRIPT_TYPE}"`);
      if (value('type'))
        added = ` ${ORIGINAL_TYPE_ATTRIBUTE}${source.slice(type.nameEnd - tag.start, type.end - tag.start)}`;
    }
  } else if (moved.length) {
    // Every URL attribute moves, not only the tracker's: re-activation restores them together, so an image chooses
    // once. Every copy of a name moves (or a later duplicate would take effect); a `data-<name>` already there goes
    // (it would shadow the held value, as the loader's own marking overwrites it).
    const all = names.filter((n) => n !== 'ping' && value(n) != null);
    for (const s of tag.sources)
      if (all.includes(s.name)) at(s.start, s.start, 'data-');
      else if (all.some((n) => heldAttribute(n) === s.name)) at(s.start, s.end, '');
  }
  if (heldPings.size) {
    const ping = tag.sources.find((s) => s.name === 'ping')!;
    at(ping.start, ping.end, keptPings.length ? `ping=${quote(keptPings.join(' '), true)}` : '');
    for (const [category, list] of heldPings) added += ` ${HELD_PING_PREFIX}${category}=${quote(list.join(' '), true)}`;
  }
  added += ` ${CONSENT_ATTRIBUTE}=${quote(categories.join(' '))} ${VENDOR_ATTRIBUTE}=${quote(matches[0].vendor)}`;
  at(tag.nameEnd, tag.nameEnd, added);

  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += source.slice(from, e.start) + e.text;
    from = e.end;
  }
  out += source.slice(from);
  return {
    html: out,
    marked: { tag: tag.localName, urls, categories, vendor: matches[0].vendor, offset: tag.start, source },
  };
}
