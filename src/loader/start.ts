import type { BlockedItem, Consentry } from '../core/types';
import { resolveConfig } from '../core/config';
import { readRecord } from '../core/record';
import { createConsent } from '../core/consent';
import { createEmitter } from '../core/events';
import { createSession } from '../core/session';
import { createSync } from '../core/sync';
import { createApi } from '../core/api';
import { isRtl, pickLanguage } from '../core/language';
import { consentDefault, consentUpdate, exemptInAdvanced } from '../signals/consent-mode';
import { gpcOn } from '../signals/gpc';
import { createMatcher } from '../catalogue/matcher';
import { installBlocker } from '../block/index';
import { embedTexts } from '../block/embed-texts';
import { createUiController, onDomReady, type LoadUI } from './ui';

type Win = Window & typeof globalThis & { consentry?: Consentry };

// Shared by every copy (classic loader and ES entry), so a second start on the same page does nothing.
const MARK = Symbol.for('consentry');

/**
 * The one way Consentry starts, for the classic loader and the ES entry alike; synchronous up to the API so that
 * the Consent Mode default and the guards are in place before any other script on the page runs.
 */
export function start(win: Win, input: unknown, load: LoadUI): Consentry {
  const w = win as any;
  if (w[MARK]) return (console.warn('Consentry: already running'), win.consentry!);
  w[MARK] = 1;
  const doc = win.document,
    nav = win.navigator,
    config = resolveConfig(input),
    gpc = gpcOn(config, nav);
  const stored = readRecord(config, doc),
    consent = createConsent(config, stored, gpc),
    allowed = consent.allowed;
  consentDefault(win, config);
  if (stored) consentUpdate(win, config, allowed);

  const base = createMatcher({
    rules: config.rules,
    allow: config.allow,
    cookies: config.categories.flatMap((c) =>
      c.cookies.map((k) => ({ name: k.name, category: c.id, vendor: k.provider })),
    ),
    base: win.location.href,
  });
  // Advanced Consent Mode lets Google's tags load (they run with consent denied); their cookies stay blocked.
  const matcher = {
    ...base,
    url: (u: string) => {
      const m = base.url(u);
      return m && exemptInAdvanced(config, m.vendor) ? undefined : m;
    },
  };

  const lang = pickLanguage(config.language, doc, nav),
    events = createEmitter(win),
    items: BlockedItem[] = [];
  const t = embedTexts[lang],
    own = config.texts[lang] || {};
  const blocker = installBlocker(win, {
    matcher,
    allowed,
    report: (item) => (items.push(item), events.emit('blocked', item)),
    keep: [config.cookie.name, config.session.name],
    texts: { blocked: own.embedBlocked || t.blocked, allow: own.embedAllow || t.allow },
    onAllow: (c) => api.set({ [c]: true }),
  });

  const ui = createUiController(win, load, () => ({ api, config, lang, rtl: isRtl(doc), gpc }));
  const api = createApi({
    win,
    config,
    consent,
    events,
    blocker,
    ui,
    session: createSession(config),
    sync: createSync(config, win),
    items,
    lang,
  });
  // Non-writable: a page script cannot silently swap the API that other scripts rely on.
  Object.defineProperty(win, 'consentry', { value: api, enumerable: true });

  doc.addEventListener('click', (e) => {
    if ((e.target as Element).closest?.('[data-consentry-open]')) e.preventDefault(), api.showPreferences();
  });
  // The UI chunk starts downloading now; it mounts once the body exists. A returning visitor downloads the loader
  // alone, unless the site asked for the floating open button, which lives in the UI chunk.
  if (!stored) api.show();
  else if (config.openButton) ui.show();
  onDomReady(doc, () => events.emit('ready', consent.get()));
  return api;
}
