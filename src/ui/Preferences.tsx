import { Component, createRef } from 'preact';
import type { CookieInfo, ResolvedCategory } from '../core/types';
import type { UIContext } from './types';
import type { UITexts } from './texts';
import { Actions } from './Actions';
import { CookieTable } from './CookieTable';
import { Policy } from './Policy';
import { Switch } from './Switch';

export interface PreferencesProps {
  t: UITexts;
  ctx: UIContext;
  /** Escape or the close button: no decision. */
  close(): void;
  /** After a decision. */
  done(): void;
}

/** The focused element, looking inside shadow roots: the opener may be the banner's own "Customise" button. */
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
};

/** The two cookies Consentry itself writes, so the necessary table is never silent about them. */
function ownCookies(t: UITexts, ctx: UIContext, c: ResolvedCategory): CookieInfo[] {
  if (!c.required) return c.cookies;
  const { session, cookie } = ctx.config;
  const provider = location.hostname;
  const days = new Intl.NumberFormat(ctx.lang, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  return [
    { name: session.name, provider, purpose: t.loginCookie, lifetime: t.session },
    // Intl words the day count in every language, so no translated "{n} days" string has to ship.
    { name: cookie.name, provider, purpose: t.consentCookie, lifetime: days.format(cookie.days) },
    ...c.cookies.filter((k) => k.name != session.name && k.name != cookie.name),
  ];
}

/**
 * Second layer: a modal with one switch per category. Nothing optional starts on unless the stored record says so.
 * A class rather than hooks: preact/hooks would cost the chunk more than a kilobyte for this one stateful component.
 */
export class Preferences extends Component<PreferencesProps, Record<string, boolean>> {
  opener = deepActive();

  constructor(p: PreferencesProps) {
    super(p);
    const rec = p.ctx.api.get();
    this.state = Object.fromEntries(p.ctx.config.categories.map((c) => [c.id, c.required || !!rec?.categories[c.id]]));
  }

  ref = createRef<HTMLDivElement>();
  dialog = () => this.ref.current!;

  componentDidMount() {
    this.dialog().focus();
  }

  componentWillUnmount() {
    // After the render that removes the dialog has finished: until then the banner behind it is still inert.
    const o = this.opener;
    queueMicrotask(() => o?.isConnected && o.focus());
  }

  keys = (e: KeyboardEvent) => {
    if (e.key == 'Escape') {
      // The site's own Escape handlers should not also fire.
      e.stopPropagation();
      this.props.close();
    } else if (e.key == 'Tab') {
      const d = this.dialog();
      const f = d.querySelectorAll<HTMLElement>('a[href],button:not([disabled])');
      const first = f[0], last = f[f.length - 1];
      const a = (d.getRootNode() as Document | ShadowRoot).activeElement;
      if (e.shiftKey ? a == first || a == d : a == last) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    }
  };

  render({ t, ctx, close, done }: PreferencesProps, on: Record<string, boolean>) {
    const { api, config, lang } = ctx;
    const cats = config.categories;
    const save = () => {
      api.set(Object.fromEntries(cats.filter((c) => !c.required).map((c) => [c.id, on[c.id]])));
      done();
    };
    return (
      // A click on the backdrop must not move focus out of the trapped dialog.
      <div class="bd" onMouseDown={(e) => e.target == e.currentTarget && e.preventDefault()}>
        <div ref={this.ref} class="p d" role="dialog" aria-modal="true" aria-labelledby="cy-pt" tabIndex={-1} onKeyDown={this.keys}>
          <div class="hd">
            <h2 id="cy-pt">{t.preferencesTitle}</h2>
            <button class="x" aria-label={t.close} onClick={close}>
              ×
            </button>
          </div>
          <p>{t.preferencesText}</p>
          <Policy t={t} config={config} lang={lang} />
          {ctx.gpc && <p class="g">{t.gpcNotice}</p>}
          {cats.map((c) => {
            const { title, description } = t.categories[c.id];
            return (
              <section class="c" key={c.id}>
                <h3>
                  <Switch
                    on={on[c.id]}
                    label={title}
                    note={c.required ? t.alwaysOn : undefined}
                    disabled={c.required}
                    desc={'cy-d-' + c.id}
                    toggle={() => this.setState({ [c.id]: !on[c.id] })}
                  />
                </h3>
                <p id={'cy-d-' + c.id}>{description}</p>
                <CookieTable t={t} caption={title} rows={ownCookies(t, ctx, c)} lang={lang} />
              </section>
            );
          })}
          <Actions t={t} api={api} done={done}>
            <button class="btn" onClick={save}>
              {t.save}
            </button>
          </Actions>
        </div>
      </div>
    );
  }
}
