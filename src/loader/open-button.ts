import type { Realm } from '../core/realm';
import type { Consentry, ResolvedConfig } from '../core/types';
import { onDomReady } from './ui';

/** The button's shadow host (a shipped tag name). */
export const OPEN_BUTTON_TAG = 'consentry-open';

/** en.ts's `openButton`, for when the visitor's language file cannot load: a button with a name beats one without. */
const FALLBACK_LABEL = 'Cookie settings';

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
 * visitor's page view still needs no UI chunk: the chunk is fetched on click. Its label is the visitor's language
 * file's `openButton` (fetched through `label` once the page has loaded, so the page's `load` event does not wait for
 * it; normally from the HTTP cache of the visit where they decided), and it is only inserted once labelled; a
 * language file that cannot load gives it the English label (and one error).
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
  label: () => Promise<string>,
): void {
  const doc = win.document;
  onDomReady(doc, () => {
    if (!mode || (mode == 'auto' && doc.querySelector('[data-consentry-open]'))) return;
    let host: HTMLElement | undefined;
    let asked = false;
    const draw = (text: string, textLang: string) => {
      host = doc.createElement(OPEN_BUTTON_TAG);
      host.lang = textLang;
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new win.CSSStyleSheet();
      const button = doc.createElement('button');
      sheet.replaceSync(OPEN_BUTTON_CSS);
      root.adoptedStyleSheets = [sheet];
      // The accessible name and the tooltip: the icon is the button's background.
      button.title = text;
      // A click opens the preferences the way every `data-consentry-open` element does (start.ts listens on the
      // document, where a click inside the shadow root arrives as a click on its host).
      host.setAttribute('data-consentry-open', '');
      root.append(button);
      update();
    };
    // Shown while there is a record; the label is asked for only once there is one.
    const update = () => {
      if (!api.get()) host?.remove();
      else if (host) doc.body.append(host);
      else if (!asked) {
        asked = true;
        // After the page's `load`: a script fetched before it would hold the page's load event back.
        onLoad(() =>
          label().then(
            (text) => draw(text, lang),
            (error) => {
              // The error names the file that did not load.
              console.error('Consentry:', error);
              draw(FALLBACK_LABEL, 'en');
            },
          ),
        );
      }
    };
    const onLoad = (fn: () => void) =>
      doc.readyState == 'complete' ? fn() : win.addEventListener('load', fn, { once: true });
    api.on('change', update);
    update();
  });
}
