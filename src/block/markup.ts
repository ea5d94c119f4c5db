import { CONSENT_ATTRIBUTE, URL_ATTRIBUTES } from '../catalogue/marked-form';
import { matchText, NO_ARGUMENTS, replaceText } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import { checkElement, heldSpeculation, URL_ELEMENTS_SELECTOR } from './check';
import { type Gate, GUARD_FAILURE } from './gate';
import { announceParkedFrame, isMarkedHeld, park } from './marker';
import { callNative, nativeInnerHTMLSetter, nativeSetAttribute, replaceAccessor, replaceMethod } from './natives';

/**
 * Could this string carry a URL attribute (a refresh's `content` among them)? Strings that cannot (most of them) go
 * straight to the native call.
 */
const MAY_CARRY_URL = /(src|href|data|ping|consent|content)[\w-]*\s*=|speculationrules/i;

/** A marked or speculation-rules element, which only a parse can judge whatever its URLs. */
const MARKED_OR_RULES = /consent|speculationrules/i;

/**
 * Scripts that Consentry itself inserted (re-activated ones, and those of a diverted `document.write`): a
 * `document.write` from one of them must not reach the real write, which would wipe the page after parsing.
 */
export const scriptsInsertedByConsentry = new WeakSet<object>();

/**
 * Checks `root` (an element, a fragment or a whole document) and every element under it, template contents and the
 * markup of `srcdoc` included, and parks what is held. A half-marked element (`data-consent` for categories not all
 * allowed, but its URL still in `src`) is parked too: it must never load. True when anything changed.
 */
export function scrubTree(gate: Gate, root: any): boolean {
  let changed = false;
  const elements: Element[] = [...(root.querySelectorAll?.(SCRUBBED_SELECTOR) || [])];
  if (root.nodeType == 1) elements.unshift(root);
  for (const el of elements) {
    const srcdoc = el.getAttribute('srcdoc');
    if (el.localName == 'template') changed = scrubTree(gate, (el as HTMLTemplateElement).content) || changed;
    else if (isMarkedHeld(gate, el)) {
      park(el);
      changed = true;
    } else changed = checkElement(gate, el) || changed;
    const scrubbed = srcdoc && scrubMarkup(el.ownerDocument, gate, srcdoc);
    if (scrubbed != srcdoc) {
      changed = true;
      callNative(nativeSetAttribute, el, ['srcdoc', scrubbed as string]);
    }
  }
  return changed;
}

const SCRUBBED_SELECTOR = URL_ELEMENTS_SELECTOR + ',[srcdoc],template,[' + CONSENT_ATTRIBUTE + ']';

/**
 * HTML with every held element parked, or `html` itself when nothing was held (so markup round-trips only when it
 * must). Parsing into a `<template>` is inert: nothing in its content fetches or runs, and a declarative shadow root
 * stays a template whose content is checked too. The report's `element` for items found here is the template copy;
 * the live element arrives already parked and is not reported again.
 */
export function scrubMarkup(doc: Document, gate: Gate, html: unknown): unknown {
  const text = String(html);
  // Most markup that carries URLs names no tracker host in any word: it goes to the native call unparsed.
  if (!matchText(MAY_CARRY_URL, text) || !(matchText(MARKED_OR_RULES, text) || gate.matcher.mayNameIn(text)))
    return html;
  const template = doc.createElement('template');
  callNative(nativeInnerHTMLSetter, template, [text]);
  // template serialisation keeps `<script>` text and attributes; a parked script comes out as type="text/plain"
  return scrubTree(gate, template.content) ? template.innerHTML : html;
}

/**
 * Guards HTML-string insertion in this realm: innerHTML/outerHTML (Element, ShadowRoot), insertAdjacentHTML,
 * Range#createContextualFragment (its scripts do run), setHTMLUnsafe/setHTML and Document.parseHTMLUnsafe
 * (declarative shadow roots: their templates are checked), execCommand's insertHTML/insertImage and
 * document.write/writeln (guardDocumentWrite, below). Trees parsed elsewhere (a DOMParser document) are checked
 * where they are parsed; trees of another document (template content, a DOMParser document) again when they are
 * imported, adopted or inserted into this realm's documents (`scrubForeign`, called by the frames guard's insertion
 * hook).
 */
export function guardMarkup(win: Realm, gate: Gate): void {
  const scrub = (html: unknown) => scrubMarkup(win.document, gate, html);
  // An iframe that markup just inserted has its about:blank realm already, reachable as `window[name]`: reading its
  // contentWindow lets the frames guard install into it before page code gets there. One parked there gets its
  // placeholder (the parser's observer, which announces the others, stops at DOMContentLoaded).
  const guardFramesIn = (html: unknown) => {
    if (matchText(/<iframe/i, html as string))
      for (const frame of win.document.querySelectorAll('iframe')) {
        frame.contentWindow;
        if (isMarkedHeld(gate, frame)) announceParkedFrame(frame);
      }
  };
  const guardSetter = (target: unknown, name: string) =>
    replaceAccessor(
      target,
      name,
      'set',
      (nativeSetter) =>
        function (this: Element, html: unknown) {
          callNative(nativeSetter, this, [scrub(html)]);
          guardFramesIn(html);
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
          const result = callNative(nativeMethod, this, args);
          guardFramesIn(args[htmlArgument]);
          return result;
        },
    );
  guardSetter(win.Element.prototype, 'innerHTML');
  guardSetter(win.Element.prototype, 'outerHTML');
  guardSetter(win.ShadowRoot?.prototype, 'innerHTML');
  guardMethod(win.Element.prototype, 'insertAdjacentHTML', 1);
  guardMethod(win.Range?.prototype, 'createContextualFragment', 0);
  for (const target of [win.Element.prototype, win.ShadowRoot?.prototype])
    for (const name of ['setHTMLUnsafe', 'setHTML']) guardMethod(target, name, 0);
  guardMethod(win.Document, 'parseHTMLUnsafe', 0);
  replaceMethod(
    win.DOMParser?.prototype,
    'parseFromString',
    (nativeMethod) =>
      function (this: DOMParser) {
        const parsed = callNative(nativeMethod, this, arguments);
        scrubTree(gate, parsed);
        return parsed;
      },
  );
  // importNode: the copy belongs to this document and an img starts fetching; adoptNode: checked before it moves
  replaceMethod(
    win.Document.prototype,
    'importNode',
    (nativeMethod) =>
      function (this: Document) {
        const copy = callNative(nativeMethod, this, arguments);
        scrubTree(gate, copy);
        return copy;
      },
  );
  replaceMethod(
    win.Document.prototype,
    'adoptNode',
    (nativeMethod) =>
      function (this: Document, node: unknown) {
        checkInserted(gate, this, node);
        return callNative(nativeMethod, this, arguments);
      },
  );
  // The editing commands insert through the editor, not through any setter: their markup or image URL is checked
  // first. A held image goes in as the markup of a parked one.
  replaceMethod(
    win.Document.prototype,
    'execCommand',
    (nativeMethod) =>
      function (this: Document, ...args: unknown[]) {
        const command = String(args[0]).toLowerCase();
        if (args.length > 2 && command == 'inserthtml') args[2] = scrub(args[2]);
        if (args.length > 2 && command == 'insertimage') {
          const image =
            '<img src="' + replaceText(String(args[2]), /[&"]/, (found) => (found == '&' ? '&amp;' : '&quot;')) + '">';
          const scrubbed = scrub(image);
          if (scrubbed != image) args.splice(0, 3, 'insertHTML', args[1], scrubbed);
        }
        return callNative(nativeMethod, this, args);
      },
  );
  guardDocumentWrite(win, gate);
}

/**
 * Every node an insertion method is about to insert into `target`. A node of another document (template content, a
 * DOMParser document) carries attributes no guarded setter saw: its tree is checked. A node of the same document
 * costs a comparison, or a lookup for an element that can load: a marked element for categories still held is
 * parked again (a clone of a parked script whose `type` was taken away must not run), and an iframe's `data:` markup
 * and a `javascript:` one's are checked as a srcdoc is (an opaque realm cannot be guarded).
 */
export function checkInserted(gate: Gate, target: any, node: any): void {
  if (!node?.ownerDocument) return;
  if (node.ownerDocument != (target.ownerDocument || target)) scrubTree(gate, node);
  else if (URL_ATTRIBUTES[node.localName]) {
    if (isMarkedHeld(gate, node)) park(node);
    else if (node.localName == 'iframe') scrubFrameUrl(gate, node);
    else {
      // a speculation rules script built by script: its rules take effect as it is inserted
      const speculation = heldSpeculation(gate, node);
      if (speculation) park(node, speculation);
    }
  }
}

/**
 * A `data:text/html` iframe URL with its markup checked; markup that cannot be read holds the frame whole. A
 * `javascript:` URL's result is known only once it ran: a source that reads as markup holding a tracker tag holds the
 * frame whole (a computed result is a listed limit).
 */
function scrubFrameUrl(gate: Gate, frame: Element): void {
  const url = frame.getAttribute('src');
  const data = url && matchText(/^\s*(?:data:text\/html([^,]*),|javascript:)/i, url);
  if (!data) return;
  try {
    const body = url.slice(data[0].length);
    let html = matchText(/;base64/i, data[1]) ? atob(body) : decodeURIComponent(body);
    // a string literal's escapes (a backslash before a quote) read as the characters they stand for
    if (data[1] == null) html = replaceText(html, /\\(.)/, (_, escaped) => escaped!);
    const scrubbed = scrubMarkup(frame.ownerDocument, gate, html);
    if (scrubbed != html) {
      if (data[1] == null) throw 0;
      callNative(nativeSetAttribute, frame, ['src', 'data:text/html,' + encodeURIComponent(scrubbed as string)]);
    }
  } catch {
    park(frame, GUARD_FAILURE);
  }
}

/** A start or end tag still open at the end of written markup (`<scr`, `<img src="…`). */
const UNFINISHED_TAG = /<\/?[a-z][^>]*$/i;

/** Realms whose document.write is guarded already: the markup guard and the reactivator both ask for it. */
const writeGuarded = new WeakSet<Realm>();

/**
 * Guards document.write/writeln in this realm, once. Written markup is scrubbed before the native write (its scripts
 * run before any observer could see them); the write then does what it does without Consentry, after load too (it
 * opens a new document, or is ignored from an async script). A script that Consentry inserted (a re-activated tag
 * that was written for a page still parsing) would wipe the page or be ignored by a real write: its markup goes
 * after it as parsed nodes instead (the guarded fragment scrubs it; its scripts run and are ours too).
 */
export function guardDocumentWrite(win: Realm, gate: Gate): void {
  if (writeGuarded.has(win)) return;
  writeGuarded.add(win);
  let unfinished = '';
  const guardWrite = (name: string) =>
    replaceMethod(
      win.Document.prototype,
      name,
      (nativeWrite) =>
        function (this: Document, ...args: unknown[]) {
          // write/writeln take any number of strings: check them as one
          const html = args.length > 1 ? args.join('') : args[0];
          const writer = this.currentScript;
          if (scriptsInsertedByConsentry.has(writer!)) {
            const range = this.createRange();
            range.setStartAfter(writer!);
            const fragment = range.createContextualFragment(html as string);
            for (const script of fragment.querySelectorAll('script')) scriptsInsertedByConsentry.add(script);
            return range.insertNode(fragment);
          }
          if (!args.length) return callNative(nativeWrite, this, NO_ARGUMENTS);
          // One tag may come over several calls (`'<scr'`, then `'ipt src=…>'`): an unfinished tag at the end waits
          // for the next call and is checked whole; a microtask writes what is left when the script ends (the
          // insertion point still stands then).
          let text: unknown = html;
          const joined = unfinished + html;
          const cut = matchText(UNFINISHED_TAG, joined)?.index ?? -1;
          // markup without an unfinished tag is written as given (a TrustedHTML stays one)
          if (unfinished || cut >= 0) {
            text = cut < 0 ? joined : joined.slice(0, cut);
            unfinished = cut < 0 ? '' : joined.slice(cut);
            queueMicrotask(() => {
              const rest = unfinished;
              unfinished = '';
              if (rest) callNative(nativeWrite, this, [scrubMarkup(win.document, gate, rest)]);
            });
          }
          return callNative(nativeWrite, this, [scrubMarkup(win.document, gate, text)]);
        },
    );
  guardWrite('write');
  guardWrite('writeln');
}
