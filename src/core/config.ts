import type { CookieInfo, ResolvedCategory, ResolvedConfig, Rule, Text } from './types';
import { langOf } from './language';

/**
 * Configuration: read it (JSON block + `data-*` on the loader tag), then validate every key.
 * A bad key logs one error and falls back to its default, which is always the closed one: nothing invalid can
 * grant a category, because granting only ever comes from a stored record or a visitor's decision.
 */

type O = Record<string, any>;

export const BUILT_IN = ['necessary', 'preferences', 'analytics', 'marketing'];
const KNOWN = 'revision policyUrl policyUpdated language categories rules allow cookie session consentMode gpc reloadOnWithdraw receipts texts openButton'.split(' ');
// `data-*` shorthand (dataset name, or name:path for nested keys); data-* win over the JSON block.
const DATA = 'revision policyUrl policyUpdated language cookieName:cookie.name cookieDays:cookie.days cookieDomain:cookie.domain sessionName:session.name consentMode gpc reloadOnWithdraw receipts:receipts.endpoint openButton'.split(' ');
const BOOL = /^(gpc|reloadOnWithdraw|openButton)$/;

const isObj = (v: unknown): v is O => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string' && !!v.trim();
const isText = (v: unknown): v is Text => isStr(v) || (isObj(v) && Object.values(v).every(isStr));
// Cookie names are RFC 6265 tokens; anything else would split or corrupt the Set-Cookie line.
const isToken = (v: unknown) => isStr(v) && /^[\w!#$%&'*+.^`|~-]+$/.test(v);
/** http(s) or relative. Browsers drop whitespace and control characters inside a scheme (`java\tscript:`), so we do too. */
export const isSafeUrl = (v: unknown): v is string => {
  const s = isStr(v) && v.replace(/[\0- ]/g, '');
  return !!s && (!/^[a-z][\w+.-]*:/i.test(s) || /^https?:/i.test(s));
};

// Only primitives are quoted: an object from init() may be circular or hold a BigInt, and must not make this throw.
const fail = (key: string, want: string, got: unknown, def?: unknown) =>
  console.error(
    `Consentry config: "${key}" must be ${want} (got ${/^(string|number|boolean)$/.test(typeof got) ? JSON.stringify(got) : typeof got}); ${def === undefined ? 'ignored' : 'using ' + JSON.stringify(def)}.`,
  );

/** `v` when absent or valid, else the default after one error. */
const check = <T>(v: unknown, key: string, ok: (v: unknown) => boolean, want: string, def: T): T =>
  v == null ? def : ok(v) ? (v as T) : (fail(key, want, v, def), def);

const obj = (v: unknown, key: string): O => check(v, key, isObj, 'an object', {});

const list = (v: unknown, key: string): unknown[] => check(v, key, Array.isArray, 'an array', []);

const text = (v: unknown, key: string) => check<Text | undefined>(v, key, isText, 'text', undefined);

/** The `<script type="application/json" id="consentry-config">` block merged with the loader tag's `data-*`. */
export function readConfig(script: HTMLScriptElement | null, doc: Document): unknown {
  const el = doc.getElementById('consentry-config');
  let c: O = {};
  if (el)
    try {
      c = JSON.parse(el.textContent || '');
      if (!isObj(c)) throw 0;
    } catch {
      c = {};
      console.error('Consentry config: #consentry-config must hold a JSON object; using defaults.');
    }
  const d = script?.dataset || {};
  for (const e of DATA) {
    const [a, path = a] = e.split(':'), [k, sub] = path.split('.');
    let v: unknown = d[a];
    if (v == null) continue;
    // Strings stay strings when they do not convert, so validation can quote exactly what was written.
    if (BOOL.test(a)) v = v == '' || v == 'true' ? true : v == 'false' ? false : v;
    if (a == 'cookieDays' && !isNaN(+(v as string)) && (v as string).trim()) v = +(v as string);
    c[k] = sub ? { ...(isObj(c[k]) ? c[k] : {}), [sub]: v } : v;
  }
  return c;
}

function cookies(v: unknown, key: string): CookieInfo[] {
  return list(v, key).flatMap((e, i) => {
    const k = `${key}[${i}]`;
    if (!isObj(e) || !isStr(e.name)) return fail(k, '{ "name": string }', e), [];
    return [{
      name: e.name,
      provider: check<string | undefined>(e.provider, k + '.provider', isStr, 'a string', undefined),
      purpose: text(e.purpose, k + '.purpose'),
      lifetime: text(e.lifetime, k + '.lifetime'),
    }];
  });
}

function categories(v: unknown): ResolvedCategory[] {
  const cats = obj(v, 'categories');
  return [...new Set([...BUILT_IN, ...Object.keys(cats)])].flatMap((id) => {
    const c = cats[id], k = 'categories.' + id, own = BUILT_IN.includes(id);
    if (c === false && id != 'necessary') return [];
    // Ids become cookie keys and DOM attribute values: keep them plain.
    if (!/^[a-z][\w-]{0,31}$/i.test(id)) return fail(k, 'a plain id', id), [];
    if (c != null && !isObj(c)) {
      fail(k, id == 'necessary' ? 'an object (not droppable)' : 'an object or false', c);
      if (!own) return [];
    }
    const o: O = isObj(c) ? c : {};
    return [{ id, required: id == 'necessary', title: text(o.title, k + '.title'), description: text(o.description, k + '.description'), cookies: cookies(o.cookies, k + '.cookies') }];
  });
}

/** Defaults plus every valid key of `input`. Never throws. */
export function resolveConfig(input: unknown): ResolvedConfig {
  const c = obj(input, 'config');
  for (const k in c) if (!KNOWN.includes(k)) console.warn(`Consentry config: unknown key "${k}" ignored.`);
  const cats = categories(c.categories);
  const ids = cats.map((x) => x.id);
  const cookie = obj(c.cookie, 'cookie'), session = obj(c.session, 'session'), texts = obj(c.texts, 'texts');
  const rev = typeof c.revision == 'number' && isFinite(c.revision) ? String(c.revision) : c.revision;
  const receipts = check(obj(c.receipts, 'receipts').endpoint, 'receipts.endpoint', isSafeUrl, 'an http(s) or relative URL', undefined);
  const lang = check(c.language, 'language', (v) => !!langOf(v as string), '"en", "zh-Hant" or "zh-Hans"', undefined);
  return {
    revision: check(rev, 'revision', (v) => isStr(v) && v.length <= 64, 'a short string', '1'),
    policyUrl: check(c.policyUrl, 'policyUrl', isSafeUrl, 'an http(s) or relative URL', undefined),
    policyUpdated: check(c.policyUpdated, 'policyUpdated', (v) => /^\d{4}-\d\d-\d\d$/.test(v as string), 'a date "YYYY-MM-DD"', undefined),
    language: langOf(lang),
    categories: cats,
    rules: list(c.rules, 'rules').flatMap((r, i): Rule[] => {
      if (isObj(r) && isStr(r.match) && ids.includes(r.category))
        return [{ match: r.match, category: r.category, vendor: isStr(r.vendor) ? r.vendor : undefined }];
      return fail(`rules[${i}]`, '{ "match": host, "category": configured id }', r), [];
    }),
    allow: list(c.allow, 'allow').filter((a, i) => isStr(a) || fail(`allow[${i}]`, 'a host or host/path', a)) as string[],
    cookie: {
      name: check(cookie.name, 'cookie.name', isToken, 'a cookie name', 'consentry'),
      days: check(cookie.days, 'cookie.days', (v) => typeof v == 'number' && v > 0 && v <= 3650, 'a positive number of days', 182),
      domain: check(cookie.domain, 'cookie.domain', (v) => /^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i.test(v as string), 'a domain', undefined),
    },
    session: { name: check(session.name, 'session.name', isToken, 'a cookie name', 'consentry_session') },
    consentMode: check(c.consentMode, 'consentMode', (v) => /^(basic|advanced|off)$/.test(v as string), '"basic", "advanced" or "off"', 'basic'),
    gpc: check(c.gpc, 'gpc', (v) => typeof v == 'boolean', 'true or false', true),
    reloadOnWithdraw: check(c.reloadOnWithdraw, 'reloadOnWithdraw', (v) => typeof v == 'boolean', 'true or false', true),
    receipts: receipts && { endpoint: receipts },
    texts: Object.fromEntries(
      Object.entries(texts).map(([l, t]) => [l, Object.fromEntries(Object.entries(obj(t, 'texts.' + l)).filter(([k, s]) => isStr(s) || fail(`texts.${l}.${k}`, 'a string', s)))]),
    ),
    openButton: check(c.openButton, 'openButton', (v) => typeof v == 'boolean', 'true or false', false),
  };
}
