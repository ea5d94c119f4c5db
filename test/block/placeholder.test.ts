import { park } from '../../src/block/marker';
import { showPlaceholders } from '../../src/block/placeholder';
import { createReactivator } from '../../src/block/reactivate';
import { gate, reset, state, win } from './fixture';

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
/** The placeholder's strings arrive a moment later, as the language file does. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const showAll = async () => {
  showPlaceholders(win, async () => texts, onAllow, gate);
  await settled();
};

beforeEach(() => {
  reset();
  onAllow.mockClear();
});

describe('placeholders', () => {
  it('a marked iframe gets a placeholder naming the vendor and the category', async () => {
    frame({ 'data-consent': 'marketing', 'data-consentry-vendor': 'YouTube', 'data-src': YT });
    await showAll();
    expect(host()!.shadowRoot!.querySelector('p')!.textContent).toBe(
      'YouTube content is blocked until you allow marketing.',
    );
  });

  it('without a vendor name the placeholder names the host of data-src', async () => {
    frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    expect(host()!.shadowRoot!.textContent).toContain('www.youtube.test content');
  });

  it("the placeholder's button calls onAllow with the category", async () => {
    frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    host()!.shadowRoot!.querySelector('button')!.click();
    expect(onAllow.mock.calls).toEqual([['marketing']]);
  });

  it('the iframe waits inside the host, where no slot renders it', async () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    expect(f.parentElement).toBe(host());
    expect(host()!.shadowRoot!.querySelector('slot')).toBeNull();
  });

  it("the placeholder's styles come from an adopted stylesheet, never a <style> element", async () => {
    frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    const r = host()!.shadowRoot!;
    expect(r.querySelector('style')).toBeNull();
    expect(r.adoptedStyleSheets).toHaveLength(1);
  });

  it('the placeholder takes the iframe width and height', async () => {
    frame({ 'data-consent': 'marketing', 'data-src': YT, width: '560', height: '100%' });
    await showAll();
    expect({ width: host()!.style.width, height: host()!.style.height }).toEqual({ width: '560px', height: '100%' });
  });

  it('an iframe whose category is allowed gets no placeholder', async () => {
    state.allowed.add('marketing');
    frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    expect(host()).toBeNull();
  });

  it('an iframe parked in the document later gets a placeholder too', async () => {
    await showAll();
    const f = frame({});
    park(f, { category: 'marketing', vendor: 'YouTube' }, 'src', YT);
    await settled();
    expect(host()!.contains(f)).toBe(true);
  });

  it('re-activation puts the iframe back in place of its placeholder, loading', async () => {
    const f = frame({ 'data-consent': 'marketing', 'data-src': YT });
    await showAll();
    state.allowed.add('marketing');
    createReactivator(win, gate).release();
    expect(host()).toBeNull();
    expect(f.parentElement).toBe(document.body);
    expect(f.getAttribute('src')).toBe(YT);
  });
});
