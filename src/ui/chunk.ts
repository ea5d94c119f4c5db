import { mount } from './mount';
import { UI_EVENT } from './types';

// The loader listens for this event rather than a global, so the chunk adds nothing to `window`.
window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: mount }));
