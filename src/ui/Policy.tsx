import type { UIContext } from '../core/ui-contract';
import { policyUpdatedLine } from './texts';

/** The config validator already refuses other schemes; this second check keeps a `javascript:` URL out of an href whatever the caller passed. */
const isHttp = (url: string) => {
  try {
    return /^https?:$/.test(new URL(url, document.baseURI).protocol);
  } catch {
    return false;
  }
};

/** What both layers say under their text: the policy link with its date, and the GPC notice when the signal is on. */
export const notices = ({ config: { policyUrl, policyUpdated }, texts, lang, gpc }: UIContext) => [
  policyUrl && isHttp(policyUrl) && (
    <p>
      <a href={policyUrl}>{texts!.policyLink}</a>
      {policyUpdated && ' · ' + policyUpdatedLine(texts!, policyUpdated, lang)}
    </p>
  ),
  gpc && <p class="g">{texts!.gpcNotice}</p>,
];
