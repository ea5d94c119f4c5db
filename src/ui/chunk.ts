import { UI_EVENT } from '../core/ui-contract';
import { mount } from './mount';

// The loader listens for this event rather than a global, so the chunk adds nothing to `window`.
window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: mount }));
