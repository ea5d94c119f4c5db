import { Component } from 'preact';
import type { CookieInfo, ResolvedCategory } from '../core/types';
import type { LanguageTexts, UIContext } from '../core/ui-contract';
import { actions, trusted } from './Actions';
import { notices } from './Policy';
import { recordView } from './Record';
import { textIn } from './texts';

export interface PreferencesProps {
  /** With its `texts` resolved (see mount.tsx). */
  context: UIContext;
  /** Escape or the close button: no decision. */
  close(): void;
  /** After a decision. */
  done(): void;
}

/** The two cookies Consentry itself writes, so the necessary table is never silent about them. */
function cookieRows(
  texts: LanguageTexts,
  { config: { session, cookie }, lang }: UIContext,
  category: ResolvedCategory,
): CookieInfo[] {
  if (!category.required) return category.cookies;
  const provider = location.hostname;
  return [
    { name: session.name, provider, purpose: texts.loginCookie, lifetime: texts.session },
    // Intl words the day count in every language, so no translated "{n} days" string has to ship.
    {
      name: cookie.name,
      provider,
      purpose: texts.consentCookie,
      lifetime: new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(cookie.days),
    },
    ...category.cookies.filter((row) => row.name != session.name && row.name != cookie.name),
  ];
}

/**
 * Second layer: a modal with the visitor's record (Record.tsx), then one switch per category, each with its
 * description and cookie table. Nothing optional starts on unless the stored record says so. A class rather than hooks: preact/hooks would cost the chunk more
 * than a kilobyte for this one stateful component.
 */
export class Preferences extends Component<PreferencesProps, Record<string, boolean>> {
  /** Gets the focus back on close. */
  opener?: Element | null;

  constructor(props: PreferencesProps) {
    super(props);
    const record = props.context.api.get();
    this.state = Object.fromEntries(
      props.context.config.categories.map((category) => [
        category.id,
        category.required || !!record?.categories[category.id],
      ]),
    );
  }

  /** The dialog's ref: focus moves in when it appears, and back to the opener once it is gone. */
  dialog = (dialog: HTMLElement | null) => {
    if (dialog) {
      // The focused element, looking inside shadow roots: the opener may be the banner's own "Customise" button.
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      this.opener = focused;
      dialog.focus();
    } else {
      // After the render that removes the dialog has finished: until then the banner behind it is still inert.
      const opener = this.opener as HTMLElement | null;
      queueMicrotask(() => opener?.isConnected && opener.focus());
    }
  };

  /** Escape closes; Tab and Shift+Tab stay inside the dialog. */
  keys = (event: KeyboardEvent) => {
    const dialog = event.currentTarget as HTMLElement;
    if (event.key == 'Escape') {
      // The site's own Escape handlers should not also fire.
      event.stopPropagation();
      this.props.close();
    } else if (event.key == 'Tab') {
      const focusable = dialog.querySelectorAll<HTMLElement>('a[href],button:not([disabled])');
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const focused = (dialog.getRootNode() as ShadowRoot).activeElement;
      if (event.shiftKey ? focused == first || focused == dialog : focused == last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    }
  };

  render({ context, close, done }: PreferencesProps, switchedOn: Record<string, boolean>) {
    const { api, config, lang } = context;
    const texts = context.texts!;
    const categories = config.categories;
    // A configured purpose or lifetime in the visitor's language; "session" is the built-in word.
    const cellText = (value: CookieInfo['lifetime']) => {
      const text = textIn(value, lang);
      return text == 'session' ? texts.session : text;
    };
    return (
      // A click on the backdrop must not move focus out of the trapped dialog (a pointer-only guard: the keyboard
      // never reaches the backdrop).
      // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only keeps focus in place
      <div class="bd" onMouseDown={(event) => event.target == event.currentTarget && event.preventDefault()}>
        <div
          ref={this.dialog}
          class="p d"
          role="dialog"
          aria-modal="true"
          aria-labelledby="cy-pt"
          tabIndex={-1}
          onKeyDown={this.keys}
        >
          {/* First in the dialog, so it starts the focus order; it floats to the heading's end. */}
          <button class="x" aria-label={texts.close} onClick={close}>
            ×
          </button>
          <h2 id="cy-pt">{texts.preferencesTitle}</h2>
          <p>{texts.preferencesText}</p>
          {notices(context)}
          {recordView(context, done)}
          {categories.map((category) => {
            const { title, description } = texts.categories[category.id];
            const rows = cookieRows(texts, context, category);
            return (
              <section class="c">
                <h3>
                  {/* The whole row is the switch, so its visible label is its accessible name and a large target. */}
                  <button
                    role="switch"
                    class="sw"
                    aria-checked={switchedOn[category.id]}
                    aria-describedby={'cy-d-' + category.id}
                    disabled={category.required}
                    onClick={trusted(() => this.setState({ [category.id]: !switchedOn[category.id] }))}
                  >
                    {title}
                    {category.required && <small>{texts.alwaysOn}</small>}
                    <span class="k" aria-hidden="true" />
                  </button>
                </h3>
                <p id={'cy-d-' + category.id}>{description}</p>
                {rows[0] && (
                  <table aria-label={title}>
                    <tr>
                      {[texts.cookieName, texts.cookieProvider, texts.cookiePurpose, texts.cookieLifetime].map(
                        (heading) => (
                          <th scope="col">{heading}</th>
                        ),
                      )}
                    </tr>
                    {rows.map((row) => (
                      <tr>
                        <td>{row.name}</td>
                        <td>{row.provider}</td>
                        <td>{cellText(row.purpose)}</td>
                        <td>{cellText(row.lifetime)}</td>
                      </tr>
                    ))}
                  </table>
                )}
              </section>
            );
          })}
          {actions(
            context,
            done,
            <button
              class="btn"
              onClick={trusted(() => {
                const optional = categories.filter((category) => !category.required);
                api.set(
                  Object.fromEntries(optional.map((category) => [category.id, switchedOn[category.id]])),
                  'custom',
                );
                done();
              })}
            >
              {texts.save}
            </button>,
          )}
        </div>
      </div>
    );
  }
}
