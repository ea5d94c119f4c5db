import type { Config, Consentry } from './core/types';
import { start } from './loader/start';

export type * from './core/types';

let instance: Consentry | undefined;

/**
 * Starts Consentry in an app that bundles it: the same startup as the script tag, with the config given here and
 * the UI as a lazy chunk of the app's own build. Call it as early as possible; calling it again returns the same API.
 */
export function init(config: Config = {}): Consentry {
  return (instance ||= start(window, config, () => import('./ui/index').then((m) => m.mount)));
}

/** The API once `init()` has run; using it before throws an error that says so. */
export const consentry: Consentry = new Proxy({} as Consentry, {
  get(_, key) {
    if (!instance) throw new Error('Consentry: call init(config) before using consentry.');
    return (instance as any)[key];
  },
});
