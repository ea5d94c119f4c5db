import type { UIContext } from '../core/ui-contract';
import { actions } from './Actions';
import { notices } from './Policy';

export interface BannerProps {
  /** With its `texts` resolved (see mount.tsx). */
  context: UIContext;
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
export function Banner({ context, customise, done, inert }: BannerProps) {
  const texts = context.texts!;
  return (
    <div class="p b" role="dialog" aria-modal="false" aria-labelledby="cy-bt" aria-describedby="cy-bx" inert={inert}>
      <h2 id="cy-bt">{texts.bannerTitle}</h2>
      <p id="cy-bx">{texts.bannerText}</p>
      {context.config.minorsNotice && <p>{texts.minorsNotice}</p>}
      {notices(context)}
      {actions(
        context,
        done,
        <button class="btn" onClick={customise}>
          {texts.customise}
        </button>,
      )}
    </div>
  );
}
