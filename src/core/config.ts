import type { ResolvedConfig } from './types';
import { langOf } from './language';

/**
 * Configuration: read it (JSON block + `data-*` on the loader tag), then validate every key.
 * A bad key logs one error and falls back to its default, which is always the closed one: nothing invalid can
 * grant a category, because granting only ever comes from a stored record or a visitor's decision.
 */

type O = Record<string, any>;
type Check = (v: any) => unknown;

const P = 'Consentry config: ';
export const BUILT_IN = ['necessary', 'preferences', 'analytics', 'marketing'];

const isObj = (v: unknown): v is O => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string' && !!v.trim();
const isText = (v: unknown) => isStr(v) || (isObj(v) && Object.values(v).every(isStr));
const re =
  (r: RegExp): Check =>
  (v) =>
    typeof v == 'string' && r.test(v);
const bool: Check = (v) => typeof v == 'boolean';
// Cookie names are RFC 6265 tokens; anything else would split or corrupt the Set-Cookie line.
const token = re(/^[\w!#$%&'*+.^`|~-]+$/);
/** http(s) or relative. Browsers drop whitespace and control characters inside a scheme (`java\tscript:`), so we do too. */
const isUrl: Check = (v) => isStr(v) && /^(https?:|(?![a-z][\w+.-]*:))/i.test(v.replace(/[\0- ]/g, ''));
const URL_ = 'an http(s) or relative URL',
  NAME = 'a cookie name',
  BOOL = 'true or false';

/** Every scalar key: path, check, expected form, default. The `data-*` shorthands are the same keys, camelCased. */
const T: [string, Check, string, unknown?][] = [
  ['revision', (v) => isStr(v) && v.length < 65, 'a short string', '1'],
  ['policyUrl', isUrl, URL_],
  ['policyUpdated', re(/^\d{4}-\d\d-\d\d$/), 'a date YYYY-MM-DD'],
  ['language', re(/^(en|zh)\b/i), 'en, zh-Hant or zh-Hans'],
  ['cookie.name', token, NAME, 'consentry'],
  ['cookie.days', (v) => typeof v == 'number' && v > 0 && v <= 3650, 'a positive number of days', 182],
  ['cookie.domain', re(/^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i), 'a domain'],
  ['session.name', token, NAME, 'consentry_session'],
  ['consentMode', re(/^(basic|advanced|off)$/), 'basic, advanced or off', 'basic'],
  ['gpc', bool, BOOL, true],
  ['reloadOnWithdraw', bool, BOOL, true],
  ['receipts.endpoint', isUrl, URL_],
  ['openButton', bool, BOOL, false],
];

const fail = (key: string, want: string, def?: unknown): any =>
  console.error(`${P}"${key}" must be ${want}; ${def === undefined ? 'ignored' : 'using ' + JSON.stringify(def)}.`);

/** `v` when absent or valid, else the default after one error. */
const check = (v: unknown, key: string, ok: Check, want: string, def?: unknown): any =>
  v == null ? def : ok(v) ? v : fail(key, want, def) || def;

const obj = (v: unknown, key: string): O => check(v, key, isObj, 'an object') || {};

/** The entries of the array `v` that pass `ok`; one error for each other one. */
const each = (v: unknown, key: string, ok: Check, want: string): any[] =>
  (check(v, key, Array.isArray, 'an array') || []).filter(
    (e: unknown, i: number) => ok(e) || fail(`${key}[${i}]`, want),
  );

/** The `<script type="application/json" id="consentry-config">` block merged with the loader tag's `data-*`. */
export function readConfig(script: HTMLScriptElement | null, doc: Document): unknown {
  const el = doc.getElementById('consentry-config'),
    d = script?.dataset || {};
  let c: any = {};
  try {
    if (el) c = JSON.parse(el.textContent!);
  } catch {
    c = 0;
  }
  if (!isObj(c)) c = fail('#consentry-config', 'a JSON object', {}) || {};
  for (const [path, ok] of T) {
    const [a, b] = path.split('.'),
      s = d[path.replace(/\.endpoint|\.(.)/, (_, x) => (x ? x.toUpperCase() : ''))];
    if (s == null) continue;
    // `data-gpc` alone means true; JSON values (`false`, `90`) only where they are valid, else the string as written.
    let v: unknown = s == '' || s;
    try {
      v = JSON.parse(s);
    } catch {}
    if (!ok(v)) v = s;
    if (b) (isObj(c[a]) ? c[a] : (c[a] = {}))[b] = v;
    else c[a] = v;
  }
  return c;
}

/** Defaults plus every valid key of `input`. Never throws. */
export function resolveConfig(input: unknown): ResolvedConfig {
  const c = obj(input, 'config'),
    sub: O = {},
    o: O = {};
  for (const [path, ok, want, def] of T) {
    const [a, b] = path.split('.');
    let v: any = b ? (sub[a] ||= obj(c[a], a))[b] : c[a];
    if (typeof v == 'number' && a == 'revision') v = '' + v;
    v = check(v, path, ok, want, def);
    if (b) (o[a] ||= {})[b] = v;
    else o[a] = v;
  }
  const cats = obj(c.categories, 'categories');
  o.categories = [];
  for (const id of new Set([...BUILT_IN, ...Object.keys(cats)])) {
    const v = cats[id],
      k = 'categories.' + id;
    if (v === false && id != 'necessary') continue;
    // Ids become cookie keys and DOM attribute values: keep them plain.
    const x = check(
      v,
      k,
      (v) => isObj(v) && /^[a-z][\w-]{0,31}$/i.test(id),
      'an object (or false, except necessary) with a plain id',
    );
    if (!x && !BUILT_IN.includes(id)) continue;
    const r: O = { id, required: id == 'necessary' };
    for (const f of ['title', 'description']) r[f] = check(x?.[f], k + '.' + f, isText, 'text');
    r.cookies = each(
      x?.cookies,
      k + '.cookies',
      (e) => isObj(e) && isStr(e.name) && [e.provider, e.purpose, e.lifetime].every((t) => t == null || isText(t)),
      '{ "name": string, ... }',
    );
    o.categories.push(r);
  }
  const ids = o.categories.map((x: O) => x.id);
  o.rules = each(
    c.rules,
    'rules',
    (r) => isObj(r) && isStr(r.match) && ids.includes(r.category) && (r.vendor == null || isStr(r.vendor)),
    '{ "match": host, "category": id }',
  );
  o.allow = each(c.allow, 'allow', isStr, 'a host or host/path');
  const texts = obj(c.texts, 'texts');
  o.texts = {};
  for (const l in texts) {
    const t = obj(texts[l], 'texts.' + l),
      r: O = (o.texts[l] = {});
    for (const k in t) isStr(t[k]) ? (r[k] = t[k]) : fail(`texts.${l}.${k}`, 'a string');
  }
  for (const k in c) if (!(k in o)) console.warn(`${P}unknown key "${k}" ignored.`);
  if (!o.receipts.endpoint) o.receipts = undefined;
  o.language = langOf(o.language);
  return o as ResolvedConfig;
}
