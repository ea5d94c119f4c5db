import type { VNode } from 'preact';
import type { UIContext } from '../core/ui-contract';

/**
 * "Accept all", "Reject all" and one more button, all of the same class so neither choice is nudged.
 * Buttons here and elsewhere carry no `type`: there is no form in the shadow root for them to submit.
 */
export const actions = ({ api, texts }: UIContext, done: () => void, third: VNode) => (
  <div class="row">
    <button
      class="btn"
      onClick={() => {
        api.acceptAll();
        done();
      }}
    >
      {texts!.acceptAll}
    </button>
    <button
      class="btn"
      onClick={() => {
        api.rejectAll();
        done();
      }}
    >
      {texts!.rejectAll}
    </button>
    {third}
  </div>
);
