import type { ComponentChildren } from 'preact';
import type { Consentry } from '../core/types';
import type { UITexts } from './texts';

/**
 * "Accept all", "Reject all" and one more button, all of the same class so neither choice is nudged.
 * Buttons here and elsewhere carry no `type`: there is no form in the shadow root for them to submit.
 */
export function Actions({ t, api, done, children }: { t: UITexts; api: Consentry; done(): void; children: ComponentChildren }) {
  return (
    <div class="row">
      <button class="btn" onClick={() => (api.acceptAll(), done())}>
        {t.acceptAll}
      </button>
      <button class="btn" onClick={() => (api.rejectAll(), done())}>
        {t.rejectAll}
      </button>
      {children}
    </div>
  );
}
