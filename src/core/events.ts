/**
 * A tiny emitter. Each listener runs in its own try/catch: a broken listener must not stop the others, nor the
 * decision pipeline that emits. Every event is also a `consentry:<event>` DOM event on window.
 * `ready` happens once, so it is replayed to whoever subscribes after it.
 */
export interface Emitter {
  on(event: string, fn: (detail: any) => void): () => void;
  emit(event: string, detail: unknown): void;
}

type Fn = (d: unknown) => void;

export function createEmitter(win: Window): Emitter {
  const fns: Record<string, Set<Fn>> = {};
  let ready: [unknown] | undefined;
  const call = (fn: Fn, d: unknown) => {
    try {
      fn(d);
    } catch (e) {
      console.error(e);
    }
  };
  return {
    on(event, fn) {
      (fns[event] ||= new Set()).add(fn);
      if (event == 'ready' && ready) call(fn, ready[0]);
      return () => fns[event].delete(fn);
    },
    emit(event, detail) {
      if (event == 'ready') ready = [detail];
      for (const fn of fns[event] || []) call(fn, detail);
      win.dispatchEvent(new CustomEvent('consentry:' + event, { detail }));
    },
  };
}
