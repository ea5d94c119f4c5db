import texts from 'consentry-language';
import { TEXTS_EVENT } from '../core/ui-contract';

/**
 * Entry of the language files `consentry-<lang>.js`, one per language so that a visitor downloads only theirs:
 * each language build points `consentry-language` at ./i18n/<lang>.ts (vite.config.ts, consentry-language.d.ts).
 */
window.dispatchEvent(new CustomEvent(TEXTS_EVENT, { detail: texts }));
