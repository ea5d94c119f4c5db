import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * The files a command line names: plain paths, directories (every `.html` below them) and glob patterns, quoted so
 * that the shell leaves them to us (`'dist/**\/*.html'`): `**` any run of directories, `*` and `?` within a name,
 * `{a,b}` alternatives. Each file comes with the directory its pattern starts from, so `--out` keeps the tree below
 * it. Sorted, without repeats, hidden directories and node_modules skipped.
 */
export interface Found {
  file: string;
  /** The directory the pattern starts from (`dist` for `dist/**\/*.html`). */
  root: string;
}

const GLOB = /[*?{[]/;

function patternToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` any number of directories (none included); a trailing `**` anything.
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:[^/]*/)*';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re +=
          '(?:' +
          pattern
            .slice(i + 1, close)
            .split(',')
            .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
            .join('|') +
          ')';
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

export async function findFiles(args: string[]): Promise<{ found: Found[]; missing: string[] }> {
  const found = new Map<string, Found>();
  const missing: string[] = [];
  for (const arg of args) {
    const pattern = arg.split(sep).join('/');
    const parts = pattern.split('/');
    const firstGlob = parts.findIndex((p) => GLOB.test(p));
    if (firstGlob < 0) {
      const info = await stat(arg).catch(() => undefined);
      if (!info) missing.push(arg);
      else if (info.isDirectory()) {
        const all: string[] = [];
        await walk(arg, all);
        for (const file of all) if (file.endsWith('.html')) found.set(file, { file, root: arg });
      } else found.set(arg, { file: arg, root: join(arg, '..') });
      continue;
    }
    const root = parts.slice(0, firstGlob).join('/') || '.';
    const re = patternToRegExp(parts.slice(firstGlob).join('/'));
    const all: string[] = [];
    await walk(root, all).catch(() => undefined);
    const hits = all.filter((f) => re.test(relative(root, f).split(sep).join('/')));
    if (!hits.length) missing.push(arg);
    for (const file of hits) if (!found.has(file)) found.set(file, { file, root });
  }
  return { found: [...found.values()].sort((a, b) => (a.file < b.file ? -1 : 1)), missing };
}
