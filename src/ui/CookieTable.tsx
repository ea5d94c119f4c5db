import type { CookieInfo } from '../core/types';
import { pick, type UITexts } from './texts';

export function CookieTable({ t, caption, rows, lang }: { t: UITexts; caption: string; rows: CookieInfo[]; lang: string }) {
  const text = (v: CookieInfo['lifetime']) => {
    const s = pick(v, lang);
    return s == 'session' ? t.session : s;
  };
  return rows.length ? (
    <table>
      <caption class="sr">{caption}</caption>
      <thead>
        <tr>
          {[t.cookieName, t.cookieProvider, t.cookiePurpose, t.cookieLifetime].map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.name}</td>
            <td>{r.provider}</td>
            <td>{text(r.purpose)}</td>
            <td>{text(r.lifetime)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : null;
}
