import { Component } from 'preact';
import type { CookieInfo, ResolvedCategory } from '../core/types';
import type { UIContext } from './types';
import type { UITexts } from './texts';
import { pick } from './texts';
import { actions } from './Actions';
import { notices } from './Policy';

export interface PreferencesProps {
  /** With its `texts` resolved (see mount.tsx). */
  ctx: UIContext;
  /** Escape or the close button: no decision. */
  close(): void;
  /** After a decision. */
  done(): void;
}

/** The two cookies Consentry itself writes, so the necessary table is never silent about them. */
function ownCookies(t: UITexts, { config: { session, cookie }, lang }: UIContext, c: ResolvedCategory): CookieInfo[] {
  if (!c.required) return c.cookies;
  const provider = location.hostname;
  return [
    { name: session.name, provider, purpose: t.loginCookie, lifetime: t.session },
    // Intl words the day count in every language, so no translated "{n} days" string has to ship.
    {
      name: cookie.name,
      provider,
      purpose: t.consentCookie,
      lifetime: new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(cookie.days),
    },
    ...c.cookies.filter((k) => k.name != session.name && k.name != cookie.name),
  ];
}

/**
 * Second layer: a modal with one switch per category, each with its description and cookie table. Nothing optional
 * starts on unless the stored record says so. A class rather than hooks: preact/hooks would cost the chunk more
 * than a kilobyte for this one stateful component.
 */
export class Preferences extends Component<PreferencesProps, Record<string, boolean>> {
  /** Gets the focus back on close. */
  opener?: Element | null;

  constructor(p: PreferencesProps) {
    super(p);
    const rec = p.ctx.api.get();
    this.state = Object.fromEntries(p.ctx.config.categories.map((c) => [c.id, c.required || !!rec?.categories[c.id]]));
  }

  /** The dialog's ref: focus moves in when it appears, and back to the opener once it is gone. */
  dialog = (d: HTMLElement | null) => {
    if (d) {
      // The focused element, looking inside shadow roots: the opener may be the banner's own "Customise" button.
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      this.opener = a;
      d.focus();
    } else {
      // After the render that removes the dialog has finished: until then the banner behind it is still inert.
      const o = this.opener as HTMLElement | null;
      queueMicrotask(() => o?.isConnected && o.focus());
    }
  };

  keys = (e: KeyboardEvent) => {
    const d = e.currentTarget as HTMLElement;
    if (e.key == 'Escape') {
      // The site's own Escape handlers should not also fire.
      e.stopPropagation();
      this.props.close();
    } else if (e.key == 'Tab') {
      const f = d.querySelectorAll<HTMLElement>('a[href],button:not([disabled])');
      const first = f[0],
        last = f[f.length - 1];
      const a = (d.getRootNode() as ShadowRoot).activeElement;
      if (e.shiftKey ? a == first || a == d : a == last) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    }
  };

  render({ ctx, close, done }: PreferencesProps, on: Record<string, boolean>) {
    const { api, config, lang } = ctx;
    const t = ctx.texts!;
    const cats = config.categories;
    // A configured purpose or lifetime in the visitor's language; "session" is the built-in word.
    const text = (v: CookieInfo['lifetime']) => {
      const s = pick(v, lang);
      return s == 'session' ? t.session : s;
    };
    return (
      // A click on the backdrop must not move focus out of the trapped dialog.
      <div class="bd" onMouseDown={(e) => e.target == e.currentTarget && e.preventDefault()}>
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
          <button class="x" aria-label={t.close} onClick={close}>
            ×
          </button>
          <h2 id="cy-pt">{t.preferencesTitle}</h2>
          <p>{t.preferencesText}</p>
          {notices(ctx)}
          {cats.map((c) => {
            const { title, description } = t.categories[c.id];
            const rows = ownCookies(t, ctx, c);
            return (
              <section class="c">
                <h3>
                  {/* The whole row is the switch, so its visible label is its accessible name and a large target. */}
                  <button
                    role="switch"
                    class="sw"
                    aria-checked={on[c.id]}
                    aria-describedby={'cy-d-' + c.id}
                    disabled={c.required}
                    onClick={() => this.setState({ [c.id]: !on[c.id] })}
                  >
                    {title}
                    {c.required && <small>{t.alwaysOn}</small>}
                    <span class="k" aria-hidden="true" />
                  </button>
                </h3>
                <p id={'cy-d-' + c.id}>{description}</p>
                {rows[0] && (
                  <table aria-label={title}>
                    <tr>
                      {[t.cookieName, t.cookieProvider, t.cookiePurpose, t.cookieLifetime].map((x) => (
                        <th scope="col">{x}</th>
                      ))}
                    </tr>
                    {rows.map((r) => (
                      <tr>
                        <td>{r.name}</td>
                        <td>{r.provider}</td>
                        <td>{text(r.purpose)}</td>
                        <td>{text(r.lifetime)}</td>
                      </tr>
                    ))}
                  </table>
                )}
              </section>
            );
          })}
          {actions(
            ctx,
            done,
            <button
              class="btn"
              onClick={() => {
                api.set(Object.fromEntries(cats.filter((c) => !c.required).map((c) => [c.id, on[c.id]])), 'custom');
                done();
              }}
            >
              {t.save}
            </button>,
          )}
        </div>
      </div>
    );
  }
}
