import { render } from 'preact';
import type { MountUI, UIView } from './types';
import { resolveTexts } from './texts';
import { css } from './styles';
import { Banner } from './Banner';
import { Preferences } from './Preferences';

/**
 * Renders the UI into an open shadow root (reachable by assistive tech and tests; shielded from the site's CSS).
 * The stylesheet is adopted, never a <style> element, so it works under a CSP without `unsafe-inline`.
 * `ctx.texts` must hold the built-in strings of `ctx.lang` (the chunk carries none, see types.ts); the views get
 * them resolved, with the site's overrides and category titles.
 */
export const mount: MountUI = (c) => {
  const { api, config, lang } = c;
  const ctx = { ...c, texts: resolveTexts(config, lang, c.texts!) };
  const t = ctx.texts;
  const host = document.createElement('div');
  host.id = 'consentry-root';
  host.lang = lang;
  if (ctx.rtl) host.dir = 'rtl';
  // Keeps the banner text out of search result snippets.
  host.setAttribute('data-nosnippet', '');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  // First in <body> so the first Tab reaches the banner; the host has no box, so nothing moves.
  document.body.prepend(host);

  let banner = false;
  let prefs = false;
  const open = () => show('preferences');
  // Re-rendering from the top keeps the state in two booleans and makes every view change synchronous.
  const draw = () =>
    render(
      <>
        {banner && <Banner ctx={ctx} inert={prefs} customise={open} done={hide} />}
        {/* The persistent way back to the choice: withdrawing must be as easy as consenting. */}
        {config.openButton && !banner && api.get() && (
          <button class="ob" aria-label={t.openButton} title={t.openButton} onClick={open}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M21 12a9 9 0 1 1-9-9 3 3 0 0 0 4 4 3 3 0 0 0 5 5zM8 10h.01M9 15h.01M14 14h.01" />
            </svg>
          </button>
        )}
        {/* Last, so that the backdrop covers everything else here. */}
        {prefs && <Preferences ctx={ctx} close={close} done={hide} />}
      </>,
      root,
    );
  const show = (view: UIView) => {
    if (view == 'banner') (banner = true), (prefs = false);
    else prefs = true;
    draw();
    ctx.onShown?.(view);
  };
  const hide = () => {
    banner = prefs = false;
    draw();
  };
  // Closing the dialog without deciding goes back to the banner while there is still no choice on record.
  const close = () => {
    prefs = false;
    banner ||= !api.get();
    draw();
  };
  // A decision made elsewhere (another tab, the API) ends the question here too.
  api.on('change', hide);
  draw();
  return { show, hide };
};
