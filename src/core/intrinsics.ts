/**
 * Built-ins captured when the loader's module code runs, before any page script can replace them. What decides
 * whether something is a tracker (the matcher, the guards' parsing of URLs, cookies and markup) reads through these,
 * so a page that replaced `Function.prototype.call`/`apply` or a method of `RegExp.prototype` (`exec`, `test`,
 * `Symbol.replace`, `Symbol.split`, the flag getters) cannot change a guard's answer or be handed a native.
 */

/** Calls `fn` with a receiver and an argument list; never `fn.call(...)`, which reads `Function.prototype` then. */
export const { apply: callNative } = Reflect;

/** The argument list of a getter or a call with none: one shared array, not a new one per call on hot paths. */
export const NO_ARGUMENTS: [] = [];

const { exec: nativeExec } = RegExp.prototype;

/**
 * `pattern.exec(text)` through the captured exec, which reads nothing from `RegExp.prototype`. Patterns given here are
 * never global or sticky: a match leaves no `lastIndex` state behind.
 */
export const matchText = (pattern: RegExp, text: string): RegExpExecArray | null =>
  callNative(nativeExec, pattern, [text]);

/** `text.split(separator)` for a separator that never matches the empty string. */
export function splitText(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  for (
    let found: RegExpExecArray | null;
    (found = matchText(separator, text));
    text = text.slice(found.index + found[0].length)
  )
    parts.push(text.slice(0, found.index));
  parts.push(text);
  return parts;
}

/** `text.replace(/pattern/g, replace)`: every match, left to right, for a pattern that never matches the empty string. */
export function replaceText(text: string, pattern: RegExp, replace: (found: string, first?: string) => string): string {
  let done = '';
  for (
    let found: RegExpExecArray | null;
    (found = matchText(pattern, text));
    text = text.slice(found.index + found[0].length)
  )
    done += text.slice(0, found.index) + replace(found[0], found[1]);
  return done + text;
}
