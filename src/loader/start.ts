import { installBlocker } from '../block/index';
import type { PlaceholderTexts } from '../block/placeholder';
import { createMatcher, type Matcher } from '../catalogue/matcher';
import { createApi } from '../core/api';
import { resolveConfig } from '../core/config';
import { createConsent } from '../core/consent';
import { createEmitter } from '../core/events';
import { isRtl, pickLanguage } from '../core/language';
import type { Realm } from '../core/realm';
import { readRecord } from '../core/record';
import { createSession } from '../core/session';
import { createSync } from '../core/sync';
import type { BlockedItem, Consentry } from '../core/types';
import type { LanguageTexts, UIContext } from '../core/ui-contract';
import { consentDefault, consentUpdate, exemptInAdvanced } from '../signals/consent-mode';
import { gpcOn } from '../signals/gpc';
import { vendorHooks } from '../signals/vendors';
import { createUiController, type LazyParts, onDomReady } from './ui';

// Shared by every copy (classic loader and ES entry), so a second start on the same page does nothing.
const STARTED = Symbol.for('consentry');

/**
 * The one way Consentry starts, for the classic loader and the ES entry alike; synchronous up to the API so that
 * the Consent Mode default and the guards are in place before any other script on the page runs.
 */
export function start(win: Realm & { consentry?: Consentry }, input: unknown, parts: LazyParts): Consentry {
  if ((win as any)[STARTED]) {
    console.warn('Consentry: already running');
    return win.consentry!;
  }
  (win as any)[STARTED] = 1;
  const doc = win.document;
  const nav = win.navigator;
  const config = resolveConfig(input);
  const gpc = gpcOn(config, nav);
  const stored = readRecord(config, doc);
  const consent = createConsent(config, stored, gpc);
  const allowed = consent.allowed;
  consentDefault(win, config);
  if (stored) consentUpdate(win, config, allowed);

  const catalogueMatcher = createMatcher({
    rules: config.rules,
    allow: config.allow,
    cookies: config.categories.flatMap((category) =>
      category.cookies.map((row) => ({ name: row.name, category: category.id, vendor: row.provider })),
    ),
    base: win.location.href,
  });
  // Advanced Consent Mode lets Google's tags load (they run with consent denied); their cookies stay blocked.
  const matcher: Matcher = {
    ...catalogueMatcher,
    url(url) {
      const match = catalogueMatcher.url(url);
      return match && exemptInAdvanced(config, match.vendor) ? undefined : match;
    },
  };

  const lang = pickLanguage(config.language, doc, nav);
  const events = createEmitter(win);
  const items: BlockedItem[] = [];
  // The language file is fetched once, by whichever needs it first: the banner or a blocked embed's placeholder.
  let builtInTexts: Promise<LanguageTexts> | undefined;
  const texts = () => (builtInTexts ||= parts.texts(lang));
  const overrides = config.texts[lang] || {};
  const placeholderTexts = (): Promise<PlaceholderTexts> =>
    texts().then((builtIn) => ({
      blocked: overrides.embedBlocked || builtIn.embedBlocked,
      allow: overrides.embedAllow || builtIn.embedAllow,
    }));
  const blocker = installBlocker(win, {
    matcher,
    allowed,
    report(item) {
      items.push(item);
      events.emit('blocked', item);
    },
    keep: [config.cookie.name, config.session.name],
    texts: placeholderTexts,
    onAllow: (category) => api.set({ [category]: true }),
  });

  const loadUi = () =>
    Promise.all([parts.ui(), texts()]).then(
      ([mount, builtIn]) =>
        (context: UIContext) =>
          mount({ ...context, texts: builtIn }),
    );
  const ui = createUiController(win, loadUi, () => ({ api, config, lang, rtl: isRtl(doc), gpc }));
  const api = createApi({
    win,
    config,
    consent,
    events,
    blocker,
    ui,
    session: createSession(config),
    sync: createSync(config, win),
    signal() {
      consentUpdate(win, config, allowed);
      vendorHooks(win, allowed);
    },
    items,
    lang,
  });
  // Non-writable: a page script cannot silently swap the API that other scripts rely on.
  Object.defineProperty(win, 'consentry', { value: api, enumerable: true });

  doc.addEventListener('click', (event) => {
    if ((event.target as Element).closest?.('[data-consentry-open]')) {
      event.preventDefault();
      api.showPreferences();
    }
  });
  // The UI chunk starts downloading now; it mounts once the body exists. A returning visitor downloads the loader
  // alone, unless the site asked for the floating open button, which lives in the UI chunk.
  if (!stored) api.show();
  else if (config.openButton) ui.show();
  onDomReady(doc, () => events.emit('ready', consent.get()));
  return api;
}
