import { readConfig } from '../core/config';
import { start } from './start';
import { classicParts } from './ui';

/**
 * The classic script pasted first in <head>. Anything that throws during startup is logged once; guards already
 * installed stay in place and nothing is granted (fail closed).
 */
(() => {
  try {
    const script = document.currentScript as HTMLScriptElement | null;
    start(window, readConfig(script, document), classicParts(window, script));
  } catch (error) {
    console.error('Consentry: startup failed; blocking stays on.', error);
  }
})();
