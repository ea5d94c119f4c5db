import type { UIContext } from './types';
import { updated } from './texts';

/** The config validator already refuses other schemes; this second check keeps a `javascript:` URL out of an href whatever the caller passed. */
const isHttp = (url: string) => {
  try {
    return /^https?:$/.test(new URL(url, document.baseURI).protocol);
  } catch {
    return false;
  }
};

/** What both layers say under their text: the policy link with its date, and the GPC notice when the signal is on. */
export const notices = ({ config: { policyUrl: url, policyUpdated: date }, texts: t, lang, gpc }: UIContext) => [
  url && isHttp(url) && (
    <p>
      <a href={url}>{t!.policyLink}</a>
      {date && ' · ' + updated(t!, date, lang)}
    </p>
  ),
  gpc && <p class="g">{t!.gpcNotice}</p>,
];
