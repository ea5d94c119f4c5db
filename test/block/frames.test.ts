import { guardFrames } from '../../src/block/frames';

/**
 * happy-dom gives an about:blank iframe no child window, so these tests build minimal realms by hand: an iframe
 * interface whose native getters return a given child, and a Node prototype. Real same-origin frames, srcdoc and
 * window[0] are the browser suite's to prove.
 */
function realm(child?: unknown) {
  class IFrame {
    localName = 'iframe';
    get contentWindow() {
      return child;
    }
    get contentDocument() {
      return (child as { document?: unknown } | undefined)?.document;
    }
  }
  const Node = { prototype: { appendChild: (n: unknown) => n, insertBefore: (n: unknown) => n } };
  return { HTMLIFrameElement: IFrame, Node, document: {} } as unknown as Window &
    typeof globalThis & { HTMLIFrameElement: typeof IFrame };
}

describe('guardFrames', () => {
  it('reading contentWindow installs the guards into a same-origin child once', () => {
    const child = realm();
    const top = realm(child);
    const into = vi.fn();
    guardFrames(top, into);
    const f = new top.HTMLIFrameElement();
    expect(f.contentWindow).toBe(child);
    expect(f.contentWindow).toBe(child);
    expect(into.mock.calls).toEqual([[child]]);
  });

  it('reading contentDocument installs before the document is handed out', () => {
    const child = Object.assign(realm(), { document: { title: 'd' } });
    const top = realm(child);
    const order: string[] = [];
    guardFrames(top, () => order.push('install'));
    const f = new top.HTMLIFrameElement();
    order.push((f.contentDocument as { title: string }).title);
    expect(order).toEqual(['install', 'd']);
  });

  it('a cross-origin child is skipped without an error', () => {
    const deny = () => {
      throw new DOMException('Blocked a frame', 'SecurityError');
    };
    const child = new Proxy({}, { get: deny, set: deny });
    const top = realm(child);
    const into = vi.fn();
    guardFrames(top, into);
    expect(new top.HTMLIFrameElement().contentWindow).toBe(child);
    expect(into).not.toHaveBeenCalled();
  });

  it('insertBefore hands only the node it inserts to the insertion check, not the child named beside it', () => {
    const top = realm();
    const before = vi.fn();
    guardFrames(top, () => {}, before);
    const parent = {};
    const node = { name: 'inserted' };
    const child = { name: 'reference' };
    Reflect.apply(top.Node.prototype.insertBefore, parent, [node, child]);
    expect(before.mock.calls).toEqual([[parent, node]]);
  });

  it('appending an iframe installs into its realm at once', () => {
    const child = realm();
    const top = realm(child);
    const into = vi.fn();
    guardFrames(top, into);
    (top.Node.prototype as unknown as { appendChild(n: unknown): unknown }).appendChild(new top.HTMLIFrameElement());
    expect(into).toHaveBeenCalledWith(child);
  });

  it('a frame inside a guarded frame is guarded too', () => {
    const grandchild = realm();
    const child = realm(grandchild);
    const top = realm(child);
    const into = vi.fn();
    guardFrames(top, into);
    void new top.HTMLIFrameElement().contentWindow;
    void new child.HTMLIFrameElement().contentWindow;
    expect(into.mock.calls).toEqual([[child], [grandchild]]);
  });
});
