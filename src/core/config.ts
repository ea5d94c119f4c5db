import { LANGUAGES, langOf } from './language';
import type { ResolvedConfig } from './types';

/**
 * Configuration: read it (JSON block + `data-*` on the loader tag), then validate every key.
 * A bad key logs one error and falls back to its default, which is always the closed one: nothing invalid can
 * grant a category, because granting only ever comes from a stored record or a visitor's decision.
 */

type JsonObject = Record<string, any>;
type Validator = (value: any) => unknown;

const MESSAGE_PREFIX = 'Consentry config: ';
export const BUILT_IN_CATEGORIES = ['necessary', 'preferences', 'analytics', 'marketing'];

const isObject = (value: unknown): value is JsonObject => !!value && typeof value == 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value == 'string' && !!value.trim();
/** A string, or one string per language. */
const isText = (value: unknown) => isString(value) || (isObject(value) && Object.values(value).every(isString));
const matching =
  (pattern: RegExp): Validator =>
  (value) =>
    typeof value == 'string' && pattern.test(value);
const isBoolean: Validator = (value) => typeof value == 'boolean';
// Cookie names are RFC 6265 tokens; anything else would split or corrupt the Set-Cookie line. Without `%`:
// own-cookies.ts encodes it as `%25`, so a record under such a name would never read back.
const isCookieName = matching(/^[\w!#$&'*+.^`|~-]+$/);
/** http(s) or relative. Browsers drop whitespace and control characters inside a scheme (`java\tscript:`), so we do too. */
const isHttpOrRelativeUrl: Validator = (value) =>
  isString(value) && /^(https?:|(?![a-z][\w+.-]*:))/i.test(value.replace(/[\0- ]/g, ''));
const URL_FORM = 'an http(s) or relative URL';
const COOKIE_NAME_FORM = 'a cookie name';
const BOOLEAN_FORM = 'true or false';

/** Every scalar key: path, validator, expected form, default. The `data-*` shorthands are the same keys, camelCased. */
const SCALAR_KEYS: [path: string, validate: Validator, expected: string, fallback?: unknown][] = [
  ['revision', (value) => isString(value) && value.length < 65, 'a short string', '1'],
  ['policyUrl', isHttpOrRelativeUrl, URL_FORM],
  ['policyUpdated', matching(/^\d{4}-\d\d-\d\d$/), 'a date YYYY-MM-DD'],
  ['language', (value) => !!langOf(value), LANGUAGES.join(', ').replace(/, (?!.*, )/, ' or ')],
  ['cookie.name', isCookieName, COOKIE_NAME_FORM, 'consentry'],
  ['cookie.days', (value) => typeof value == 'number' && value > 0 && value <= 3650, 'a positive number of days', 182],
  ['cookie.domain', matching(/^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i), 'a domain'],
  ['session.name', isCookieName, COOKIE_NAME_FORM, 'consentry_session'],
  ['consentMode', matching(/^(basic|advanced|off)$/), 'basic, advanced or off', 'basic'],
  ['gpc', isBoolean, BOOLEAN_FORM, true],
  ['reloadOnWithdraw', isBoolean, BOOLEAN_FORM, true],
  ['receipts.endpoint', isHttpOrRelativeUrl, URL_FORM],
  ['openButton', (value) => isBoolean(value) || value === 'auto', 'true, false or "auto"', 'auto'],
  ['minorsNotice', isBoolean, BOOLEAN_FORM, false],
  ['serviceWorker', (value) => value === false || isHttpOrRelativeUrl(value), URL_FORM + ' or false'],
];

/** Logs the one error of a bad key; returns undefined. */
const invalid = (key: string, expected: string, fallback?: unknown): any =>
  console.error(
    `${MESSAGE_PREFIX}"${key}" must be ${expected}; ${fallback === undefined ? 'ignored' : 'using ' + JSON.stringify(fallback)}.`,
  );

/** `value` when absent or valid, else the fallback after one error. */
const validated = (value: unknown, key: string, validate: Validator, expected: string, fallback?: unknown): any =>
  value == null ? fallback : validate(value) ? value : invalid(key, expected, fallback) || fallback;

const objectAt = (value: unknown, key: string): JsonObject => validated(value, key, isObject, 'an object') || {};

/** The entries of the array `value` that pass `validate`; one error for each other one. */
const validEntries = (value: unknown, key: string, validate: Validator, expected: string): any[] =>
  (validated(value, key, Array.isArray, 'an array') || []).filter(
    (entry: unknown, i: number) => validate(entry) || invalid(`${key}[${i}]`, expected),
  );

/** The `<script type="application/json" id="consentry-config">` block merged with the loader tag's `data-*`. */
export function readConfig(script: HTMLScriptElement | null, doc: Document): unknown {
  const block = doc.getElementById('consentry-config');
  const dataset = script?.dataset || {};
  let config: any = {};
  try {
    if (block) config = JSON.parse(block.textContent!);
  } catch {
    config = 0;
  }
  if (!isObject(config)) config = invalid('#consentry-config', 'a JSON object', {}) || {};
  for (const [path, validate] of SCALAR_KEYS) {
    const [key, subkey] = path.split('.');
    // `receipts.endpoint` is `data-receipts`; `cookie.name` is `data-cookie-name`
    const attribute = dataset[path.replace(/\.endpoint|\.(.)/, (_, first) => (first ? first.toUpperCase() : ''))];
    if (attribute == null) continue;
    // `data-gpc` alone means true; JSON values (`false`, `90`) only where they are valid, else the string as written.
    let value: unknown = attribute == '' || attribute;
    try {
      value = JSON.parse(attribute);
    } catch {}
    if (!validate(value)) value = attribute;
    if (subkey) (isObject(config[key]) ? config[key] : (config[key] = {}))[subkey] = value;
    else config[key] = value;
  }
  return config;
}

/** Defaults plus every valid key of `input`. Never throws. */
export function resolveConfig(input: unknown): ResolvedConfig {
  const config = objectAt(input, 'config');
  const given: JsonObject = {};
  const resolved: JsonObject = {};
  for (const [path, validate, expected, fallback] of SCALAR_KEYS) {
    const [key, subkey] = path.split('.');
    let value: any = subkey ? (given[key] ||= objectAt(config[key], key))[subkey] : config[key];
    if (typeof value == 'number' && key == 'revision') value = '' + value;
    value = validated(value, path, validate, expected, fallback);
    if (subkey) (resolved[key] ||= {})[subkey] = value;
    else resolved[key] = value;
  }
  const categories = objectAt(config.categories, 'categories');
  resolved.categories = [];
  for (const id of new Set([...BUILT_IN_CATEGORIES, ...Object.keys(categories)])) {
    const value = categories[id];
    const key = 'categories.' + id;
    if (value === false && id != 'necessary') continue;
    // Ids become cookie keys and DOM attribute values: keep them plain.
    const category = validated(
      value,
      key,
      (v) => isObject(v) && /^[a-z][\w-]{0,31}$/i.test(id),
      'an object (or false, except necessary) with a plain id',
    );
    if (!category && !BUILT_IN_CATEGORIES.includes(id)) continue;
    const entry: JsonObject = { id, required: id == 'necessary' };
    for (const field of ['title', 'description'])
      entry[field] = validated(category?.[field], key + '.' + field, isText, 'text');
    entry.cookies = validEntries(
      category?.cookies,
      key + '.cookies',
      (row) =>
        isObject(row) &&
        isString(row.name) &&
        [row.provider, row.purpose, row.lifetime].every((text) => text == null || isText(text)),
      '{ "name": string, ... }',
    );
    resolved.categories.push(entry);
  }
  const ids = resolved.categories.map((category: JsonObject) => category.id);
  resolved.rules = validEntries(
    config.rules,
    'rules',
    (rule) =>
      isObject(rule) &&
      isString(rule.match) &&
      ids.includes(rule.category) &&
      (rule.vendor == null || isString(rule.vendor)),
    '{ "match": host, "category": id }',
  );
  resolved.allow = validEntries(config.allow, 'allow', isString, 'a host or host/path');
  const texts = objectAt(config.texts, 'texts');
  resolved.texts = {};
  for (const lang in texts) {
    const overrides = objectAt(texts[lang], 'texts.' + lang);
    const valid: JsonObject = (resolved.texts[lang] = {});
    for (const name in overrides)
      if (isString(overrides[name])) valid[name] = overrides[name];
      else invalid(`texts.${lang}.${name}`, 'a string');
  }
  for (const key in config) if (!(key in resolved)) console.warn(`${MESSAGE_PREFIX}unknown key "${key}" ignored.`);
  if (!resolved.receipts.endpoint) resolved.receipts = undefined;
  resolved.language = langOf(resolved.language);
  return resolved as ResolvedConfig;
}
