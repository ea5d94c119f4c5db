import { vi } from 'vitest';
import type { CategoryId, ConsentRecord, Consentry, ResolvedConfig } from '../../src/core/types';
import type { LanguageTexts, UIContext } from '../../src/core/ui-contract';
import { resolveTexts } from '../../src/ui/texts';
import { consentRecord } from '../fixtures/record';

/** The built-in languages by tag, as their files (src/ui/i18n/<tag>.ts) hand them over. */
export const builtIn: Record<string, LanguageTexts> = Object.fromEntries(
  Object.entries(import.meta.glob<LanguageTexts>('../../src/ui/i18n/*.ts', { eager: true, import: 'default' })).map(
    ([path, texts]) => [path.slice(path.lastIndexOf('/') + 1, -3), texts],
  ),
);

export function fakeConfig(over: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    revision: '1',
    categories: [
      { id: 'necessary', required: true, cookies: [] },
      { id: 'preferences', required: false, cookies: [] },
      {
        id: 'analytics',
        required: false,
        cookies: [
          {
            name: '_ga',
            provider: 'Google',
            purpose: { en: 'Counts visits', 'zh-Hant': '統計造訪' },
            lifetime: '2 years',
          },
        ],
      },
      { id: 'marketing', required: false, cookies: [] },
    ],
    rules: [],
    allow: [],
    cookie: { name: 'consentry', days: 182 },
    session: { name: 'app_session' },
    consentMode: 'basic',
    gpc: true,
    reloadOnWithdraw: true,
    texts: {},
    openButton: 'auto',
    minorsNotice: false,
    ...over,
  };
}

/** Enough of the real API for the UI: decisions update the record and emit `change`. */
export function fakeApi(config: ResolvedConfig, initial: ConsentRecord | null = null) {
  let record = initial;
  const listeners = new Set<(r: ConsentRecord) => void>();
  const ids = config.categories.map((c) => c.id);
  const decide = (categories: Record<CategoryId, boolean>) => {
    record = consentRecord(categories);
    for (const listener of listeners) listener(record!);
  };
  const api = {
    get: () => record,
    allowed: (c: CategoryId) => c == 'necessary' || !!record?.categories[c],
    acceptAll: vi.fn(() => decide(Object.fromEntries(ids.map((id) => [id, true])))),
    rejectAll: vi.fn(() => decide(Object.fromEntries(ids.map((id) => [id, id == 'necessary'])))),
    set: vi.fn((choices: Record<CategoryId, boolean>) => decide({ ...record?.categories, ...choices })),
    on: vi.fn((event: string, fn: (r: ConsentRecord) => void) => {
      if (event != 'change') return () => {};
      listeners.add(fn);
      return () => void listeners.delete(fn);
    }),
    whenAllowed: vi.fn(),
    show: vi.fn(),
    showPreferences: vi.fn(),
    hide: vi.fn(),
    reset: vi.fn(),
    blocked: () => [],
    session: { login: vi.fn(), logout: vi.fn(), get: () => undefined },
    config,
    version: 'test',
    /** Simulates a decision arriving from another tab. */
    emit: (categories: Record<CategoryId, boolean>) => decide(categories),
  };
  return api as typeof api & Consentry;
}

export interface Setup {
  config?: Partial<ResolvedConfig>;
  record?: ConsentRecord | null;
  lang?: string;
  gpc?: boolean;
  rtl?: boolean;
}

/**
 * A UI context as the loader hands it to `mount` (`ctx`, with the language's built-in strings), and as `mount`
 * hands it to the views (`view`, with those strings resolved against the config).
 */
export function setup({ config: over, record = null, lang = 'en', gpc = false, rtl = false }: Setup = {}) {
  const config = fakeConfig(over);
  const api = fakeApi(config, record);
  const ctx: UIContext = { api, config, lang, rtl, gpc, onShown: vi.fn(), texts: builtIn[lang] };
  return { api, config, ctx, view: { ...ctx, texts: resolveTexts(config, lang, builtIn[lang]) } };
}
