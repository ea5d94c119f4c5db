import { readConfig } from '../core/config';
import { start } from './start';
import { loadChunk } from './ui';

/**
 * The classic script pasted first in <head>. Anything that throws during startup is logged once; guards already
 * installed stay in place and nothing is granted (fail closed).
 */
(() => {
  try {
    const script = document.currentScript as HTMLScriptElement | null;
    start(window, readConfig(script, document), loadChunk(window, script));
  } catch (e) {
    console.error('Consentry: startup failed; blocking stays on.', e);
  }
})();
