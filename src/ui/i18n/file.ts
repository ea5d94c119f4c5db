import texts from 'consentry-lang';
import { TEXTS_EVENT } from '../types';

/**
 * Entry of the language files `consentry-<lang>.js` (`vite build --mode lang-<lang>`), one per language so that a
 * visitor downloads only theirs: vite.config.ts points `consentry-lang` at ./<lang>.ts (see lang-file.d.ts).
 */
window.dispatchEvent(new CustomEvent(TEXTS_EVENT, { detail: texts }));
