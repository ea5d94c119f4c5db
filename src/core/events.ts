/**
 * A tiny emitter. Each listener runs in its own try/catch: a broken listener must not stop the others, nor the
 * decision pipeline that emits. Every event is also a `consentry:<event>` DOM event on window.
 * `ready` happens once, so it is replayed to whoever subscribes after it.
 */
export interface Emitter {
  on(event: string, listener: (detail: any) => void): () => void;
  emit(event: string, detail: unknown): void;
}

type Listener = (detail: unknown) => void;

export function createEmitter(win: Window): Emitter {
  const listeners: Record<string, Set<Listener>> = {};
  let readyDetail: [unknown] | undefined;
  const call = (listener: Listener, detail: unknown) => {
    try {
      listener(detail);
    } catch (error) {
      console.error(error);
    }
  };
  return {
    on(event, listener) {
      (listeners[event] ||= new Set()).add(listener);
      if (event == 'ready' && readyDetail) call(listener, readyDetail[0]);
      return () => listeners[event].delete(listener);
    },
    emit(event, detail) {
      if (event == 'ready') readyDetail = [detail];
      for (const listener of listeners[event] || []) call(listener, detail);
      win.dispatchEvent(new CustomEvent('consentry:' + event, { detail }));
    },
  };
}
