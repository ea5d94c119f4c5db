import { render } from 'preact';
import type { MountUI, UIView } from '../core/ui-contract';
import { Banner } from './Banner';
import { Preferences } from './Preferences';
import css from './styles.css?inline';
import { resolveTexts } from './texts';

/**
 * Renders the UI into an open shadow root (reachable by assistive tech and tests; shielded from the site's CSS).
 * The stylesheet is adopted, never a <style> element, so it works under a CSP without `unsafe-inline`.
 * `context.texts` must hold the built-in strings of `context.lang` (the chunk carries none, see ui-contract.ts);
 * the views get them resolved, with the site's overrides and category titles.
 */
export const mount: MountUI = (given) => {
  const { api, config, lang } = given;
  const context = { ...given, texts: resolveTexts(config, lang, given.texts!) };
  const host = document.createElement('div');
  host.id = 'consentry-root';
  host.lang = lang;
  // The direction of the UI's own language, whatever the page's: Arabic reads right to left on any page.
  host.dir = context.rtl ? 'rtl' : 'ltr';
  // Keeps the banner text out of search result snippets.
  host.setAttribute('data-nosnippet', '');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  // First in <body> so the first Tab reaches the banner; the host has no box, so nothing moves.
  document.body.prepend(host);

  let bannerShown = false;
  let preferencesShown = false;
  const openPreferences = () => show('preferences');
  // Re-rendering from the top keeps the state in two booleans and makes every view change synchronous.
  const draw = () =>
    render(
      <>
        {bannerShown && <Banner context={context} inert={preferencesShown} customise={openPreferences} done={hide} />}
        {/* Last, so that the backdrop covers everything else here. */}
        {preferencesShown && <Preferences context={context} close={closePreferences} done={hide} />}
      </>,
      root,
    );
  const show = (view: UIView) => {
    if (view == 'banner') {
      bannerShown = true;
      preferencesShown = false;
    } else preferencesShown = true;
    draw();
    context.onShown?.(view);
  };
  const hide = () => {
    bannerShown = preferencesShown = false;
    draw();
  };
  // Closing the dialog without deciding goes back to the banner while there is still no choice on record.
  const closePreferences = () => {
    preferencesShown = false;
    bannerShown ||= !api.get();
    draw();
  };
  // A decision made elsewhere (another tab, the API) ends the question here too.
  api.on('change', hide);
  draw();
  return { show, hide };
};
