import { createEmitter } from '../../src/core/events';

let error: ReturnType<typeof vi.spyOn>;
/** Removes the DOM listeners a test added to window. */
let domListeners: AbortController;
const onWindow = (type: string, listener: (event: CustomEvent) => void) =>
  window.addEventListener(type, (event) => listener(event as CustomEvent), { signal: domListeners.signal });

beforeEach(() => {
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
  domListeners = new AbortController();
});
afterEach(() => {
  domListeners.abort();
  vi.restoreAllMocks();
});

describe('createEmitter', () => {
  it('calls every listener of an event with its detail, and only the listeners of that event', () => {
    const events = createEmitter(window);
    const first = vi.fn();
    const second = vi.fn();
    const other = vi.fn();
    events.on('change', first);
    events.on('change', second);
    events.on('blocked', other);
    events.emit('change', { analytics: true });
    expect(first).toHaveBeenCalledWith({ analytics: true });
    expect(second).toHaveBeenCalledWith({ analytics: true });
    expect(other).not.toHaveBeenCalled();
  });

  it('runs each listener on its own: one that throws is logged, and the others and the emit go on', () => {
    const events = createEmitter(window);
    const after = vi.fn();
    events.on('change', () => {
      throw new Error('broken listener');
    });
    events.on('change', after);
    expect(() => events.emit('change', null)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0][0]).toEqual(new Error('broken listener'));
  });

  it('stops calling a listener once its unsubscribe function ran, and keeps calling the others', () => {
    const events = createEmitter(window);
    const gone = vi.fn();
    const kept = vi.fn();
    const unsubscribe = events.on('change', gone);
    events.on('change', kept);
    unsubscribe();
    events.emit('change', null);
    expect(gone).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
  });

  it('replays ready, with its detail, to a listener that subscribes after it', () => {
    const events = createEmitter(window);
    events.emit('ready', { id: 'record' });
    const late = vi.fn();
    events.on('ready', late);
    expect(late).toHaveBeenCalledWith({ id: 'record' });
  });

  it('replays a ready whose detail is null too', () => {
    const events = createEmitter(window);
    events.emit('ready', null);
    const late = vi.fn();
    events.on('ready', late);
    expect(late).toHaveBeenCalledWith(null);
  });

  it('replays nothing to a ready listener before ready happened, whatever else was emitted', () => {
    const events = createEmitter(window);
    events.emit('change', { analytics: true });
    const early = vi.fn();
    events.on('ready', early);
    expect(early).not.toHaveBeenCalled();
  });

  it('replays no other event to a listener that subscribes after it', () => {
    const events = createEmitter(window);
    events.emit('ready', null);
    events.emit('change', null);
    const late = vi.fn();
    events.on('change', late);
    expect(late).not.toHaveBeenCalled();
  });

  it('logs a late ready listener that throws, without throwing from on()', () => {
    const events = createEmitter(window);
    events.emit('ready', null);
    expect(() =>
      events.on('ready', () => {
        throw new Error('late and broken');
      }),
    ).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
  });

  it('dispatches every event on the window as consentry:<event>, with the detail', () => {
    const seen: unknown[] = [];
    onWindow('consentry:change', (event) => seen.push({ type: event.type, detail: event.detail }));
    onWindow('consentry:blocked', (event) => seen.push({ type: event.type, detail: event.detail }));
    const events = createEmitter(window);
    events.emit('change', { analytics: true });
    events.emit('blocked', { url: 'https://tracker.test/' });
    expect(seen).toEqual([
      { type: 'consentry:change', detail: { analytics: true } },
      { type: 'consentry:blocked', detail: { url: 'https://tracker.test/' } },
    ]);
  });

  it('dispatches the DOM event even when a listener throws', () => {
    const dom = vi.fn();
    onWindow('consentry:change', dom);
    const events = createEmitter(window);
    events.on('change', () => {
      throw new Error('broken listener');
    });
    events.emit('change', null);
    expect(dom).toHaveBeenCalledOnce();
  });
});
