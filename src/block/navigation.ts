import { NO_ARGUMENTS } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import type { Gate } from './gate';
import { callNative, replaceMethod } from './natives';

/**
 * Navigations that a script starts to a tracker URL before consent: `window.open` (a popup or a named frame),
 * `form.submit()` / `form.requestSubmit()`, and every other navigation of this realm's own page (`location.href =`,
 * `location.assign()`/`replace()`, `navigation.navigate()`, a scripted `a.click()`). One the visitor starts is
 * theirs and passes: a click on a link or a submit button (the Navigation API's `userInitiated`), and a call made
 * while the page has transient user activation (inside the visitor's click, as a share button's popup), the rule
 * the popup blocker itself follows. Without it, the navigation is refused the way the platform refuses one:
 * `window.open` returns null (a blocked popup), a form's submit does nothing (no request, no `submit` event), any
 * other navigation is cancelled (as a `navigate` listener cancels one: `navigation.navigate()` rejects with an
 * AbortError). Reported as `navigation`, never replayed.
 *
 * The Location object's members cannot be replaced by page code: the Navigation API's `navigate` event (Chromium 102
 * on; other engines as they ship it) is what sees them. Where it is missing, they are not held.
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
  // Listening first (the loader runs before any page script), so no page listener can stop the event before it is
  // cancelled. A traversal (back/forward) to another document cannot be cancelled: it is the visitor's anyway.
  (win as any).navigation?.addEventListener('navigate', (event: any) => {
    if (!event.userInitiated && refuses(event.destination.url)) event.preventDefault();
  });
  replaceMethod(
    win,
    'open',
    (nativeOpen) =>
      function (url?: string | URL) {
        return url && refuses(url) ? null : callNative(nativeOpen, win, arguments);
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
          const url =
            (submitter?.hasAttribute?.('formaction') && submitter.formAction) ||
            callNative(nativeAction, this, NO_ARGUMENTS);
          return refuses(url) ? undefined : callNative(nativeSubmit, this, arguments);
        },
    );
}
