import { LATER_EVENT } from '../core/later-contract';
import { later } from './index';

// The loader listens for this event rather than a global, so the chunk adds nothing to `window`.
window.dispatchEvent(new CustomEvent(LATER_EVENT, { detail: later }));
