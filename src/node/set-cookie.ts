/**
 * Reads a `Set-Cookie` header line or a `document.cookie = …` string: the name and the attributes that say where it
 * lives and how long. Values are never kept: the scan and the audit report names, not what a cookie holds.
 */
export interface CookieWrite {
  name: string;
  domain?: string;
  path?: string;
  /** Seconds from the write to expiry; undefined for a session cookie. Max-Age wins over Expires, as in browsers. */
  lifetime?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  /** A write whose expiry is already past: a deletion. */
  deletion: boolean;
}

/** `now` (ms) is when it was written, for an `Expires=` date; a `Date` response header is the better clock when known. */
export function parseCookieWrite(line: string, now = Date.now()): CookieWrite | undefined {
  const [pair, ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
  if (!name) return undefined;
  const write: CookieWrite = { name, httpOnly: false, secure: false, deletion: false };
  let maxAge: number | undefined, expires: number | undefined;
  for (const attr of attrs) {
    const at = attr.indexOf('=');
    const key = (at < 0 ? attr : attr.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attr.slice(at + 1).trim();
    if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = (Date.parse(value) - now) / 1000;
    else if (key === 'domain' && value) write.domain = value.toLowerCase();
    else if (key === 'path' && value.startsWith('/')) write.path = value;
    else if (key === 'httponly') write.httpOnly = true;
    else if (key === 'secure') write.secure = true;
    else if (key === 'samesite' && value) write.sameSite = value;
  }
  write.lifetime = maxAge ?? expires;
  write.deletion = write.lifetime !== undefined && write.lifetime <= 0;
  return write;
}
