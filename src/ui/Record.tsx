import type { Method, Texts } from '../core/types';
import type { UIContext } from '../core/ui-contract';
import { choiceButton } from './Actions';

/** Each `method` of the record, as the language files word it. */
const METHOD_TEXT: Record<Method, `method${string}` & keyof Texts> = {
  'accept-all': 'methodAcceptAll',
  'reject-all': 'methodRejectAll',
  custom: 'methodCustom',
  api: 'methodApi',
  gpc: 'methodGpc',
};

/**
 * The visitor's record, as the site holds it: the consent id they can quote, when it was given and last changed
 * (in their language and time zone), and how; then "Withdraw all", a button of the same class as the other
 * choices, which rejects everything but `necessary` through the API (so withdrawn categories are purged and the
 * page reloads, as for any withdrawal). Before any decision it says there is none. Rows reuse the cookie tables'
 * styles.
 */
export function recordView({ api, lang, texts }: UIContext, done: () => void) {
  const stored = api.get();
  const t = texts!;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section class="c">
      <h3 id="cy-r">{t.recordTitle}</h3>
      {stored ? (
        <>
          <table aria-labelledby="cy-r">
            {[
              [t.recordId, stored.id],
              [t.recordGiven, when(stored.given)],
              [t.recordUpdated, when(stored.updated)],
              [t.recordMethod, t[METHOD_TEXT[stored.method]]],
            ].map(([name, value]) => (
              <tr>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </table>
          <p class="row">{choiceButton(t.withdrawAll, api.rejectAll, done)}</p>
        </>
      ) : (
        <p>{t.recordNone}</p>
      )}
    </section>
  );
}
