import type { VNode } from 'preact';
import type { UIContext } from '../core/ui-contract';

/**
 * A button that makes a decision through the API, then reports it done. Every choice uses this one class, so
 * none is nudged; buttons here and elsewhere carry no `type`: there is no form in the shadow root to submit.
 */
export const choiceButton = (label: string, decide: () => void, done: () => void) => (
  <button
    class="btn"
    onClick={() => {
      decide();
      done();
    }}
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
