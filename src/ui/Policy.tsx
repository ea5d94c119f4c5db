import type { ResolvedConfig } from '../core/types';
import { updated, type UITexts } from './texts';

/** The config validator already refuses other schemes; this second check keeps a `javascript:` URL out of an href whatever the caller passed. */
const isHttp = (url: string) => {
  try {
    return /^https?:$/.test(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
};

export function Policy({ t, config, lang }: { t: UITexts; config: ResolvedConfig; lang: string }) {
  const url = config.policyUrl;
  return url && isHttp(url) ? (
    <p>
      <a href={url}>{t.policyLink}</a>
      {config.policyUpdated && ' · ' + updated(t, config.policyUpdated, lang)}
    </p>
  ) : null;
}
