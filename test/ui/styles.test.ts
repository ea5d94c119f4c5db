import source from '../../src/ui/styles.css?raw';
import { violations } from './axe';

const luminance = (hex: string) => {
  const full = hex.length == 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The default colours of one scheme, read from the stylesheet itself. */
const palette = (block: string) =>
  Object.fromEntries([...block.matchAll(/--consentry-([a-z-]+),(#[0-9a-f]+)\)/g)].map((m) => [m[1], m[2]]));

/** The stylesheet without comments and optional whitespace, as the minifier reads it. */
const css = source
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s*([{}:;,()])\s*/g, '$1')
  .replace(/\s+/g, ' ')
  .trim();

describe('the stylesheet', () => {
  const [light, dark] = css.split('@media(prefers-color-scheme:dark)').map(palette);

  it.each([
    ['light', light],
    ['dark', dark],
  ])('meets WCAG AA contrast in the %s scheme', (_, p) => {
    expect(ratio(p.fg, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(p.accent, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(p['on-accent'], p.accent)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(p.muted, p.bg)).toBeGreaterThanOrEqual(3);
  });

  it('drops transitions for visitors who prefer reduced motion', () => {
    expect(css).toMatch(/@media\(prefers-reduced-motion:reduce\)\{[^}]*transition:none/);
  });

  it('shows a focus ring for keyboard focus', () => {
    expect(css).toContain(':focus-visible{outline:3px solid');
  });

  it('positions the banner and dialog as fixed overlays, so nothing on the page moves', () => {
    expect(css).toMatch(/\.b,\.bd\{position:fixed/);
    expect(css).toContain('display:contents');
  });

  it('uses logical sides only, so right-to-left needs no mirror rules', () => {
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[{;](left|right):/);
  });
});

describe('axe harness', () => {
  afterEach(() => document.body.replaceChildren());

  it('does report a violation in happy-dom, so a clean run means something', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<button></button><img src="x.png">';
    document.body.append(div);
    expect((await violations(div)).length).toBeGreaterThan(0);
  });
});
