import type { UIContext } from './types';
import type { UITexts } from './texts';
import { Actions } from './Actions';
import { Policy } from './Policy';

export interface BannerProps {
  t: UITexts;
  ctx: UIContext;
  customise(): void;
  /** After a decision. */
  done(): void;
  /** While the preferences dialog is open above it. */
  inert?: boolean;
}

/**
 * First layer. A non-modal dialog that does not take focus: moving focus on page load disorients screen-reader
 * users mid-page. The host is the first child of <body>, so the first Tab lands on these buttons instead.
 * There is deliberately no close button: dismissing is not a choice.
 */
export function Banner({ t, ctx, customise, done, inert }: BannerProps) {
  return (
    <div class="p b" role="dialog" aria-modal="false" aria-labelledby="cy-bt" aria-describedby="cy-bx" inert={inert}>
      <h2 id="cy-bt">{t.bannerTitle}</h2>
      <p id="cy-bx">{t.bannerText}</p>
      <Policy t={t} config={ctx.config} lang={ctx.lang} />
      {ctx.gpc && <p class="g">{t.gpcNotice}</p>}
      <Actions t={t} api={ctx.api} done={done}>
        <button class="btn" onClick={customise}>
          {t.customise}
        </button>
      </Actions>
    </div>
  );
}
