import type { Realm } from '../core/realm';
import type { Gate } from './gate';
import { replaceMethod } from './natives';

/**
 * Navigations that a script starts to a tracker URL before consent: `window.open` (a popup or a named frame) and
 * `form.submit()` / `form.requestSubmit()`. One the visitor starts is theirs and passes: a click on a link or a
 * submit button never comes here, and a call made while the page has transient user activation (inside the
 * visitor's click, as a share button's popup) passes too, the rule the popup blocker itself follows. Without it,
 * the navigation is refused the way the platform refuses one: `window.open` returns null (a blocked popup), a
 * form's submit does nothing (no request, no `submit` event). Reported as `navigation`, never replayed.
 *
 * Not held: `location.href =`, `location.assign()` and `replace()` (the Location object's members cannot be
 * replaced by page code) and `<a target>` clicks, which are the visitor's.
 */
export function guardNavigation(win: Realm, gate: Gate): void {
  const activation = win.navigator.userActivation;
  /** True when a scripted navigation to `url` must be refused (fail closed on a URL that cannot be read). */
  const refuses = (url: unknown): unknown => {
    if (activation?.isActive) return;
    try {
      return gate.hold('' + url, 'navigation');
    } catch {
      return 1;
    }
  };
  replaceMethod(
    win,
    'open',
    (nativeOpen) =>
      function (url?: string | URL) {
        return url && refuses(url) ? null : nativeOpen.apply(win, arguments);
      },
  );
  // The URL a submission goes to: the submitter's formaction when it has one, else the form's action (both
  // properties resolve the attribute against the document's base URL, as the submission does). The form's getter is
  // the native one: a control named "action" shadows the property.
  const formPrototype = win.HTMLFormElement.prototype;
  const nativeAction = Object.getOwnPropertyDescriptor(formPrototype, 'action')!.get!;
  for (const name of ['submit', 'requestSubmit'] as const)
    replaceMethod(
      formPrototype,
      name,
      (nativeSubmit) =>
        function (this: HTMLFormElement, submitter?: HTMLButtonElement | HTMLInputElement | null) {
          const url = (submitter?.hasAttribute?.('formaction') && submitter.formAction) || nativeAction.call(this);
          return refuses(url) ? undefined : nativeSubmit.apply(this, arguments);
        },
    );
}
