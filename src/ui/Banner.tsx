import type { UIContext } from './types';
import { actions } from './Actions';
import { notices } from './Policy';

export interface BannerProps {
  /** With its `texts` resolved (see mount.tsx). */
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
export function Banner({ ctx, customise, done, inert }: BannerProps) {
  const t = ctx.texts!;
  return (
    <div class="p b" role="dialog" aria-modal="false" aria-labelledby="cy-bt" aria-describedby="cy-bx" inert={inert}>
      <h2 id="cy-bt">{t.bannerTitle}</h2>
      <p id="cy-bx">{t.bannerText}</p>
      {notices(ctx)}
      {actions(
        ctx,
        done,
        <button class="btn" onClick={customise}>
          {t.customise}
        </button>,
      )}
    </div>
  );
}
