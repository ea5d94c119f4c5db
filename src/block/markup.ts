import type { Realm } from '../core/realm';
import { checkElement, URL_ELEMENTS_SELECTOR } from './check';
import type { Gate } from './gate';
import { nativeInnerHTMLSetter, nativeSetAttribute, replaceAccessor, replaceMethod } from './natives';

/** Could this string carry a URL attribute? Strings that cannot (most of them) go straight to the native call. */
const MAY_CARRY_URL = /(src|href|data|ping)[\w-]*\s*=/i;

/**
 * Scripts that Consentry itself inserted (re-activated ones, and those of a diverted `document.write`): a
 * `document.write` from one of them must not reach the real write, which would wipe the page after parsing.
 */
export const scriptsInsertedByConsentry = new WeakSet<object>();

/**
 * HTML with every held element parked, or `html` itself when nothing was held (so markup round-trips only when it
 * must). Parsing into a `<template>` is inert: nothing in its content fetches or runs. The report's `element` for
 * items found here is the template copy; the live element arrives already parked and is not reported again.
 */
export function scrubMarkup(doc: Document, gate: Gate, html: unknown): unknown {
  const text = String(html);
  if (!MAY_CARRY_URL.test(text)) return html;
  const template = doc.createElement('template');
  nativeInnerHTMLSetter.call(template, text);
  let changed = false;
  for (const el of template.content.querySelectorAll(URL_ELEMENTS_SELECTOR + ',[srcdoc]')) {
    changed = checkElement(gate, el) || changed;
    const srcdoc = el.getAttribute('srcdoc');
    const scrubbed = srcdoc && scrubMarkup(doc, gate, srcdoc);
    if (scrubbed != srcdoc) {
      changed = true;
      nativeSetAttribute.call(el, 'srcdoc', scrubbed as string);
    }
  }
  // template serialisation keeps `<script>` text and attributes; a parked script comes out as type="text/plain"
  return changed ? template.innerHTML : html;
}

/**
 * Guards HTML-string insertion in this realm: innerHTML/outerHTML (Element, ShadowRoot), insertAdjacentHTML,
 * Range#createContextualFragment (its scripts do run) and document.write/writeln (guardDocumentWrite, below). Not covered: `setHTMLUnsafe`, DOMParser /
 * Document.parseHTMLUnsafe output adopted later (the parser guard sees it on insertion, after an img may have started).
 */
export function guardMarkup(win: Realm, gate: Gate): void {
  const scrub = (html: unknown) => scrubMarkup(win.document, gate, html);
  const guardSetter = (target: unknown, name: string) =>
    replaceAccessor(
      target,
      name,
      'set',
      (nativeSetter) =>
        function (this: Element, html: unknown) {
          nativeSetter.call(this, scrub(html));
        },
    );
  const guardMethod = (target: unknown, name: string, htmlArgument: number) =>
    replaceMethod(
      target,
      name,
      (nativeMethod) =>
        function (this: unknown, ...args: unknown[]) {
          // too few arguments: the native throws its own TypeError
          if (args.length > htmlArgument) args[htmlArgument] = scrub(args[htmlArgument]);
          return nativeMethod.apply(this, args);
        },
    );
  guardSetter(win.Element.prototype, 'innerHTML');
  guardSetter(win.Element.prototype, 'outerHTML');
  guardSetter(win.ShadowRoot?.prototype, 'innerHTML');
  guardMethod(win.Element.prototype, 'insertAdjacentHTML', 1);
  guardMethod(win.Range?.prototype, 'createContextualFragment', 0);
  guardDocumentWrite(win, gate);
}

/** Realms whose document.write is guarded already: the markup guard and the reactivator both ask for it. */
const writeGuarded = new WeakSet<Realm>();

/**
 * Guards document.write/writeln in this realm, once. Markup written while the document is parsed is scrubbed (its
 * scripts run before any observer could see them). A script that Consentry inserted (a re-activated tag), or any
 * script once parsing is over, would wipe the page or be ignored by a real write: its markup goes after the writing
 * script as parsed nodes instead (the guarded fragment scrubs it; its scripts run and are ours too). An empty
 * document (a blank frame being filled) is still written.
 */
export function guardDocumentWrite(win: Realm, gate: Gate): void {
  if (writeGuarded.has(win)) return;
  writeGuarded.add(win);
  const guardWrite = (name: string) =>
    replaceMethod(
      win.Document.prototype,
      name,
      (nativeWrite) =>
        function (this: Document, ...args: unknown[]) {
          // write/writeln take any number of strings: check them as one
          const html = args.length > 1 ? args.join('') : args[0];
          const writer = this.currentScript;
          if (scriptsInsertedByConsentry.has(writer!) || (this.readyState != 'loading' && this.body?.firstChild)) {
            const range = this.createRange();
            if (writer) range.setStartAfter(writer);
            else {
              range.selectNodeContents(this.body!);
              range.collapse();
            }
            const fragment = range.createContextualFragment(html as string);
            for (const script of fragment.querySelectorAll('script')) scriptsInsertedByConsentry.add(script);
            return range.insertNode(fragment);
          }
          return args.length ? nativeWrite.call(this, scrubMarkup(win.document, gate, html)) : nativeWrite.call(this);
        },
    );
  guardWrite('write');
  guardWrite('writeln');
}
