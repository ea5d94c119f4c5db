import { installBlocker } from '../block/index';
import { categoryOf } from '../catalogue/catalogue';
import { siteMatcher } from '../catalogue/site-matcher';
import { createApi } from '../core/api';
import { resolveConfig } from '../core/config';
import { createConsent } from '../core/consent';
import { createEmitter } from '../core/events';
import { isRtl, pickLanguage } from '../core/language';
import type { LaterParts, PlaceholderTexts } from '../core/later-contract';
import type { Realm } from '../core/realm';
import { readRecord } from '../core/record';
import { createSession } from '../core/session';
import { createSync } from '../core/sync';
import type { BlockedItem, Consentry } from '../core/types';
import type { LanguageTexts, MountUI, UIContext } from '../core/ui-contract';
import { consentDefault, consentUpdate } from '../signals/consent-mode';
import { gpcOn } from '../signals/gpc';
import { vendorHooks } from '../signals/vendors';
import { offerOpenButton } from './open-button';
import { OPEN_BUTTON_LABELS } from './open-button-labels';
import { shield } from './service-worker';
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
  // A page in a sandboxed frame without allow-same-origin throws on document.cookie: that is no record, and the
  // guards still go in (fail closed).
  let stored: ReturnType<typeof readRecord> = null;
  try {
    stored = readRecord(config, doc);
  } catch {}
  const consent = createConsent(config, stored, gpc);
  const allowed = consent.allowed;
  consentDefault(win, config);
  if (stored) consentUpdate(win, config, allowed);

  const matcher = siteMatcher(config, win.location.href);

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
  // The later chunk, fetched once on first need. One that cannot load is said once and resolves to nothing: what it
  // would have done (a placeholder, a purge, a receipt) does not happen, and nothing is allowed because of it.
  let laterChunk: Promise<LaterParts | undefined> | undefined;
  const later = () =>
    (laterChunk ||= parts.later().catch((error) => {
      console.error('Consentry: consentry-later.js could not load; blocking stays on.', error);
      return undefined;
    }));
  let uiParts: Promise<MountUI> | undefined;
  const loadUi = () =>
    (uiParts ||= Promise.all([parts.ui(), texts()]).then(
      ([mount, builtIn]) =>
        (context: UIContext) =>
          mount({ ...context, texts: builtIn }),
    ));
  // A first visit shows the banner: its two files start downloading before the guards go in, not after.
  if (!stored) loadUi();
  const keep = [config.cookie.name, config.session.name];
  // Nothing to block when every category a tracker can be filed under is allowed (the catalogue's, and the site's
  // own): the guards stay dormant until a withdrawal, and such a page pays for no guard at all.
  const everythingAllowed = () =>
    [...Object.values(categoryOf), ...config.categories.map((category) => category.id)].every(allowed);
  // The in-page guards and the shield report through the same path.
  const report = (item: BlockedItem) => {
    items.push(item);
    events.emit('blocked', item);
  };
  const blocker = installBlocker(
    win,
    {
      matcher,
      allowed,
      report,
      keep,
      placeholder: (frame) =>
        Promise.all([later(), placeholderTexts()]).then(
          ([chunk, strings]) =>
            chunk?.placePlaceholder(frame, strings, (category) => api.set({ [category]: true }), allowed),
          // strings that cannot load leave the iframe parked and blank: held all the same
          (error) => console.error('Consentry: the placeholder could not load; the embed stays blocked.', error),
        ),
    },
    everythingAllowed(),
  );
  // First listener of all: a withdrawal without a reload has its guards before any site listener reacts.
  events.on('change', () => everythingAllowed() || blocker.guard());

  const ui = createUiController(win, loadUi, () => ({ api, config, lang, rtl: isRtl(lang), gpc }));
  const api = createApi({
    win,
    config,
    consent,
    events,
    blocker,
    ui,
    session: createSession(config),
    sync: createSync(config, win),
    purge: (categories) => later().then((chunk) => chunk?.purgeCookies(win, matcher, categories, keep)),
    receipt: (record) => later().then((chunk) => chunk?.sendReceipt(config.receipts!.endpoint, record, lang)),
    signal() {
      consentUpdate(win, config, allowed);
      vendorHooks(win, allowed);
    },
    tell: shield(win, config, stored, report),
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
  // The UI chunk starts downloading now; it mounts once the body exists. A returning visitor downloads no UI chunk
  // and no language file: the floating open button and its label are the loader's.
  if (!stored) api.show();
  offerOpenButton(win, api, config.openButton, lang, overrides.openButton || OPEN_BUTTON_LABELS[lang]);
  onDomReady(doc, () => events.emit('ready', consent.get()));
  return api;
}
