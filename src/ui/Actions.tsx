import type { VNode } from 'preact';
import type { UIContext } from '../core/ui-contract';

/**
 * A click handler that acts only for the visitor's own click. A page script can reach these buttons (the shadow root
 * is open) and call `click()` or dispatch a click, but such an event is untrusted: it decides nothing, and nothing is
 * recorded as the visitor's choice.
 */
export const trusted = (act: () => void) => (event: Event) => {
  if (event.isTrusted) act();
};

/**
 * A button that makes a decision through the API (for a trusted click only), then reports it done. Every choice uses this one class, so
 * none is nudged; buttons here and elsewhere carry no `type`: there is no form in the shadow root to submit.
 */
export const choiceButton = (label: string, decide: () => void, done: () => void) => (
  <button
    class="btn"
    onClick={trusted(() => {
      decide();
      done();
    })}
  >
    {label}
  </button>
);

/** "Accept all", "Reject all" and one more button, all of the same class. */
export const actions = ({ api, texts }: UIContext, done: () => void, third: VNode) => (
  <div class="row">
    {choiceButton(texts!.acceptAll, api.acceptAll, done)}
    {choiceButton(texts!.rejectAll, api.rejectAll, done)}
    {third}
  </div>
);
