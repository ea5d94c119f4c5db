import Cookies from 'js-cookie';
import type { Consentry, ResolvedConfig, SessionOptions } from './types';

/**
 * The login session cookie: strictly necessary, so it is written whatever the consent, and session-only
 * (no Expires, no Max-Age): it ends with the browser session. Nothing in Consentry removes it but logout().
 */
export function createSession(config: ResolvedConfig): Consentry['session'] {
  // logout() takes no arguments in the common case: it removes the cookie where this page's login() put it.
  let last: SessionOptions = {};
  const name = (o: SessionOptions) => o.name || config.session.name;
  const attrs = (o: SessionOptions) => ({
    path: o.path || '/',
    domain: o.domain,
    sameSite: o.sameSite || 'Lax',
    secure: o.secure ?? location.protocol == 'https:',
  });
  return {
    login(value, o = {}) {
      last = o;
      Cookies.set(name(o), value, attrs(o));
    },
    logout(o = last) {
      Cookies.remove(name(o), attrs(o));
    },
    get: (n?: string) => Cookies.get(n || name(last)),
  };
}
