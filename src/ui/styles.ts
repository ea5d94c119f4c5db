/**
 * The UI's only stylesheet, adopted by the shadow root (see mount.tsx). Class names are short because every byte
 * ships: p panel, b banner, bd backdrop, d dialog, x close, g GPC notice, c category, sw switch,
 * k switch track, row button row, btn button, ob open button.
 *
 * Theme it from the site's CSS, on `:root` or on `#consentry-root`. A value you set applies to both colour
 * schemes, so set the colours as a group (or inside your own `prefers-color-scheme` query):
 *   --consentry-bg          panel background            default #fff     dark #1f2023
 *   --consentry-fg          text, >= 4.5:1 on bg        default #1a1a1a  dark #ececec
 *   --consentry-accent      buttons, links, switch on, focus ring, >= 4.5:1 on bg
 *                                                       default #1d4ed8  dark #8ab4f8
 *   --consentry-on-accent   button text, >= 4.5:1 on accent
 *                                                       default #fff     dark #111
 *   --consentry-muted       lines, switch off, >= 3:1 on bg
 *                                                       default #6b7280  dark #9aa0a6
 *   --consentry-radius      corners                     default 8px
 *   --consentry-font        font family                 default system-ui, sans-serif
 * Default contrast (WCAG 2): light fg/bg 17.4, accent/bg 6.7, on-accent/accent 6.7, muted/bg 4.8;
 * dark fg/bg 13.8, accent/bg 7.7, on-accent/accent 9.0, muted/bg 6.2.
 *
 * `all: initial !important` on the host keeps the site's inherited styles (font, colour, spacing) out, and
 * `display: contents` gives the host no box: the banner is fixed, so showing it never shifts the page. The fixed
 * parts share one z-index; the dialog's backdrop comes last in the shadow root, so it covers the others.
 * Every side is a logical property, so right-to-left (the host's `dir`) needs no rules of its own.
 */
export const css =
  ':host{all:initial!important;display:contents!important;--b:var(--consentry-bg,#fff);--f:var(--consentry-fg,#1a1a1a);--a:var(--consentry-accent,#1d4ed8);--o:var(--consentry-on-accent,#fff);--m:var(--consentry-muted,#6b7280)}' +
  '@media(prefers-color-scheme:dark){:host{--b:var(--consentry-bg,#1f2023);--f:var(--consentry-fg,#ececec);--a:var(--consentry-accent,#8ab4f8);--o:var(--consentry-on-accent,#111);--m:var(--consentry-muted,#9aa0a6)}}' +
  '.p{box-sizing:border-box;max-width:42em;max-height:calc(100% - 2em);overflow:auto;padding:1em;background:var(--b);color:var(--f);font:.9em/1.5 var(--consentry-font,system-ui,sans-serif);border-radius:var(--consentry-radius,8px);box-shadow:0 4px 24px #0006}' +
  '.b,.bd,.ob{position:fixed;z-index:2147483647;bottom:1em;inset-inline:1em}' +
  '.b{margin:auto}' +
  '.bd{inset:0;padding-inline:1em;background:#0008;display:grid;place-items:center}' +
  'h2,h3,p{margin:0 0 .5em;font-size:1em}h2{font-size:1.2em}a{color:var(--a)}' +
  '.g{border-inline-start:4px solid var(--a);padding-inline-start:.5em}' +
  'button{font:inherit;color:inherit;cursor:pointer;background:none;border:0;border-radius:var(--consentry-radius,8px);padding:.5em}' +
  ':focus-visible{outline:3px solid var(--a);outline-offset:2px}' +
  '.x{float:inline-end;font-size:1.5em;line-height:1}' +
  '.row,.sw{display:flex;gap:.5em}.row{flex-wrap:wrap}' +
  '.btn{flex:1 1 9em;background:var(--a);color:var(--o);font-weight:600}' +
  '.c{border-top:1px solid var(--m);padding-top:.5em}' +
  '.sw{width:100%;align-items:center;text-align:start;font-weight:600}small{font-weight:400}' +
  '.k{margin-inline-start:auto;width:2em;height:1em;border:.2em solid var(--m);border-radius:1em}' +
  '.k:after{content:"";display:block;width:.8em;height:.8em;margin:.1em;border-radius:1em;background:var(--m);transition:margin .15s}' +
  '[aria-checked=true] .k{background:var(--a);border-color:var(--a)}[aria-checked=true] .k:after{margin-inline-start:1.1em;background:var(--o)}' +
  'table{width:100%;border-collapse:collapse;font-size:.85em}' +
  'th,td{text-align:start;padding:.25em;border-bottom:1px solid var(--m);overflow-wrap:anywhere}' +
  '.ob{inset-inline-end:auto;width:3em;height:3em;border:2px solid var(--a);border-radius:50%;background:var(--b);color:var(--a)}' +
  'svg{display:block;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}' +
  '@media(prefers-reduced-motion:reduce){.k:after{transition:none}}';
