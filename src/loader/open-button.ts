import type { Realm } from '../core/realm';
import type { Consentry, ResolvedConfig } from '../core/types';
import { onDomReady } from './ui';

/** The button's shadow host (a shipped tag name). */
export const OPEN_BUTTON_TAG = 'consentry-open';

// A constructable sheet, like the placeholder's: no inline style, so it works under `default-src 'self'`. It draws
// the icon too, a cookie with three chips, so the button needs no SVG. The UI's theme properties with their light
// defaults; sizes in px, because a button's own font size is the browser's choice. The bottom corner at the start
// of the line mirrors with the page's direction, which the host inherits (`all` leaves `direction` alone), clear of
// the safe-area insets (iOS reports the same inset on both sides in landscape); just below the UI's z-index, so the
// open dialog's backdrop covers it.
const OPEN_BUTTON_CSS =
  ':host{all:initial!important}button{position:fixed;z-index:2147483646;bottom:max(16px,env(safe-area-inset-bottom));' +
  'inset-inline-start:max(16px,env(safe-area-inset-left));width:44px;height:44px;border:2px solid;border-radius:50%;' +
  'color:var(--consentry-accent,#1d4ed8);background:radial-gradient(circle at 35% 35%,currentColor 3px,#0000 4px),' +
  'radial-gradient(circle at 65% 45%,currentColor 3px,#0000 4px),radial-gradient(circle at 45% 70%,currentColor 3px,#0000 4px)' +
  ' var(--consentry-bg,#fff);cursor:pointer}';

/**
 * The way back to the choice with no site code: once the visitor has decided (on an earlier page view or on this
 * one), a small round button in a bottom corner opens the preferences. It lives in the loader so that a returning
 * visitor's page view still needs no UI chunk: the chunk is fetched on click. `label` is its accessible name, in
 * `lang` (the site's text, or the built-in one the loader carries: no language file is fetched for it). It is drawn
 * once the page has loaded: nothing before then needs it, and the page's own start-up comes first.
 *
 * `mode` is config `openButton`: `false` never, `true` always, `"auto"` unless the page has a
 * `[data-consentry-open]` element at DOMContentLoaded (its own way back). `reset()` takes the button away while
 * the banner asks again; the next decision brings it back.
 */
export function offerOpenButton(
  win: Realm,
  api: Pick<Consentry, 'get' | 'on'>,
  mode: ResolvedConfig['openButton'],
  lang: string,
  label: string,
): void {
  const doc = win.document;
  onDomReady(doc, () => {
    if (!mode || (mode == 'auto' && doc.querySelector('[data-consentry-open]'))) return;
    let host: HTMLElement | undefined;
    let waiting = false;
    const draw = () => {
      host = doc.createElement(OPEN_BUTTON_TAG);
      host.lang = lang;
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new win.CSSStyleSheet();
      const button = doc.createElement('button');
      sheet.replaceSync(OPEN_BUTTON_CSS);
      root.adoptedStyleSheets = [sheet];
      // The accessible name and the tooltip: the icon is the button's background.
      button.title = label;
      // A click opens the preferences the way every `data-consentry-open` element does (start.ts listens on the
      // document, where a click inside the shadow root arrives as a click on its host).
      host.setAttribute('data-consentry-open', '');
      root.append(button);
      update();
    };
    // Shown while there is a record; drawn the first time there is one after the page's `load`.
    const update = () => {
      if (!api.get()) host?.remove();
      else if (host) doc.body.append(host);
      else if (!waiting) {
        waiting = true;
        if (doc.readyState == 'complete') draw();
        else win.addEventListener('load', draw, { once: true });
      }
    };
    api.on('change', update);
    update();
  });
}
