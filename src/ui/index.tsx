import { render } from 'preact';
import type { MountUI, UIView } from './types';
import { resolveTexts } from './texts';
import { css } from './styles';
import { Banner } from './Banner';
import { Preferences } from './Preferences';
import { OpenButton } from './OpenButton';

/**
 * Renders the UI into an open shadow root (reachable by assistive tech and tests; shielded from the site's CSS).
 * The stylesheet is adopted, never a <style> element, so it works under a CSP without `unsafe-inline`.
 */
export const mount: MountUI = (ctx) => {
  const { api, config } = ctx;
  const t = resolveTexts(config, ctx.lang);
  const host = document.createElement('div');
  host.id = 'consentry-root';
  host.lang = ctx.lang;
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
  // Re-rendering from the top keeps the state in two booleans and makes every view change synchronous.
  const draw = () =>
    render(
      <>
        {banner && <Banner t={t} ctx={ctx} inert={prefs} customise={() => show('preferences')} done={hide} />}
        {prefs && <Preferences t={t} ctx={ctx} close={close} done={hide} />}
        {config.openButton && !banner && api.get() && <OpenButton t={t} open={() => show('preferences')} />}
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
