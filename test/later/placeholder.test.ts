import { createReactivator } from '../../src/block/reactivate';
import { placePlaceholder } from '../../src/later/placeholder';
import { gate, reset, state, win } from '../block/fixture';
import { trustedClick } from '../fixtures/trusted-click';

const onAllow = vi.fn();
const texts = { blocked: '{vendor} content is blocked until you allow {category}.', allow: 'Allow and load' };
const YT = 'https://www.youtube.test/embed/x';

function frame(attrs: Record<string, string>): HTMLIFrameElement {
  const f = document.createElement('iframe');
  for (const k in attrs) f.setAttribute(k, attrs[k]);
  document.body.append(f);
  return f;
}
const host = () => document.querySelector('consentry-embed') as HTMLElement | null;
const place = (f: Element) => placePlaceholder(f, texts, onAllow, gate.allowed);

beforeEach(() => {
  reset();
  onAllow.mockClear();
});

describe('placePlaceholder', () => {
  it('a marked iframe gets a placeholder naming the vendor and the category', () => {
    place(frame({ 'data-consent': 'marketing', 'data-consentry-vendor': 'YouTube', 'data-src': YT }));
    expect(host()!.shadowRoot!.querySelector('p')!.textContent).toBe(
      'YouTube content is blocked until you allow marketing.',
    );
  });

  it('without a vendor name the placeholder names the host of data-src', () => {
    place(frame({ 'data-consent': 'marketing', 'data-src': YT }));
    expect(host()!.shadowRoot!.textContent).toContain('www.youtube.test content');
  });

  it("the placeholder's button calls onAllow with the category", () => {
    place(frame({ 'data-consent': 'marketing', 'data-src': YT }));
    trustedClick(host()!.shadowRoot!.querySelector('button')!);
    expect(onAllow.mock.calls).toEqual([['marketing']]);
  });

  it("a script's click (untrusted) on the placeholder's button allows nothing", () => {
    place(frame({ 'data-consent': 'marketing', 'data-src': YT }));
    const button = host()!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onAllow).not.toHaveBeenCalled();
  });

  it('the iframe stays a child of its parent, hidden, with the placeholder just before it', () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    place(f);
    expect({ parent: f.parentNode, before: f.previousSibling, display: f.style.display }).toEqual({
      parent: document.body,
      before: host(),
      display: 'none',
    });
  });

  it('the placeholder goes away with its iframe, and the iframe gets its own style back', async () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT, style: 'border: 0' });
    place(f);
    document.body.removeChild(f);
    await Promise.resolve();
    expect({ placeholder: host(), style: f.getAttribute('style') }).toEqual({ placeholder: null, style: 'border: 0' });
  });

  it("the placeholder's styles come from an adopted stylesheet, never a <style> element", () => {
    place(frame({ 'data-consent': 'marketing', 'data-src': YT }));
    const r = host()!.shadowRoot!;
    expect(r.querySelector('style')).toBeNull();
    expect(r.adoptedStyleSheets).toHaveLength(1);
  });

  it('the placeholder takes the iframe width and height', () => {
    place(frame({ 'data-consent': 'marketing', 'data-src': YT, width: '560', height: '100%' }));
    expect({ width: host()!.style.width, height: host()!.style.height }).toEqual({ width: '560px', height: '100%' });
  });

  it('an iframe whose category is allowed gets no placeholder', () => {
    state.allowed.add('marketing');
    place(frame({ 'data-consent': 'marketing', 'data-src': YT }));
    expect(host()).toBeNull();
  });

  it('an iframe removed meanwhile gets no placeholder', () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    f.remove();
    place(f);
    expect(host()).toBeNull();
  });

  it('an iframe already in its placeholder gets no second one', () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    place(f);
    place(f);
    expect(document.querySelectorAll('consentry-embed')).toHaveLength(1);
  });

  it('re-activation loads the iframe where it is, and its placeholder goes away', async () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    place(f);
    state.allowed.add('marketing');
    createReactivator(win, gate).release();
    await Promise.resolve();
    expect(host()).toBeNull();
    expect(f.hasAttribute('style')).toBe(false);
    expect(f.parentElement).toBe(document.body);
    expect(f.getAttribute('src')).toBe(YT);
  });
});
