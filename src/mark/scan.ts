import { foreignContent, html, type Token, type TokenHandler, Tokenizer, TokenizerMode } from 'parse5';

/**
 * Reads HTML the way a browser with scripting on reads it, and reports each start tag with the place of every
 * attribute in the source, so the rewriter can change one tag and copy every other byte as it was.
 *
 * parse5's `Tokenizer` is the spec's tokenizer, pure code (no DOM, no Node API). The HTML parser also switches the
 * tokenizer's state from the tree it builds (`<script>` content is script data, `<title>` RCDATA, `<style>` raw
 * text...) and tells it when it is inside SVG or MathML (where none of that applies, and CDATA sections exist).
 * Building a tree costs memory that grows with the document, so this follows the parser the way Chromium's preload
 * scanner does: a stack of namespaces, the integration points that lead back to HTML, the tags that break out of
 * foreign content, and a count of open `<template>`s. That reading is the one that matters here: it is how the
 * preload scanner decides what to fetch before any script runs.
 */

const { TAG_ID: T, NS } = html;

/** One attribute as written: absolute offsets of its name and of its end (after a closing quote, if any). */
export interface AttributeSource {
  /** Lowercased, as the tokenizer reads it. */
  name: string;
  start: number;
  nameEnd: number;
  end: number;
}

export interface StartTag {
  /** The element's name as the DOM gives it: lowercase in HTML (where `<image>` is `img`), SVG's own case. */
  localName: string;
  /** What the element gets: the first attribute of each name, its value decoded. */
  attrs: Token.Attribute[];
  /** Every attribute in source order, duplicates included (the browser keeps the first of a name). */
  sources: AttributeSource[];
  /** Offset of `<`. */
  start: number;
  /** Offset just after the tag name. */
  nameEnd: number;
  /** Offset just after `>`. */
  end: number;
  /** In SVG or MathML. */
  foreign: boolean;
  /** Inside an HTML `<template>`: inert content, never fetched from where it stands. */
  inTemplate: boolean;
}

export interface ScanHandler {
  startTag(tag: StartTag): void;
  /** The source range of a run of text inside a `<noscript>` read as raw text (see `nested` below). */
  noscriptText(start: number, end: number): void;
  /** A `<noscript>` read as raw text opens (`true`: its content starts at `at`) or closes (`false`: `</noscript` is at `at`). */
  noscript(open: boolean, at: number): void;
}

/** parse5's tokenizer, keeping the source range of every attribute (its own locations skip duplicates). */
class SourceTokenizer extends Tokenizer {
  sources: AttributeSource[] = [];
  protected override _createStartTagToken(): void {
    super._createStartTagToken();
    this.sources = [];
  }
  protected override _createEndTagToken(): void {
    super._createEndTagToken();
    this.sources = [];
  }
  protected override _createAttr(first: string): void {
    super._createAttr(first);
    const at = this.preprocessor.offset;
    this.sources.push({ name: '', start: at, nameEnd: at, end: at });
  }
  protected override _leaveAttrName(): void {
    const s = this.sources[this.sources.length - 1];
    s.name = this.currentAttr.name;
    s.nameEnd = s.end = this.preprocessor.offset;
    super._leaveAttrName();
  }
  protected override _leaveAttrValue(): void {
    super._leaveAttrValue();
    this.sources[this.sources.length - 1].end = this.preprocessor.offset;
  }
}

/** HTML elements whose content the tokenizer reads as text, and how. */
const TEXT_STATES = new Map<number, number>([
  [T.SCRIPT, TokenizerMode.SCRIPT_DATA],
  [T.TITLE, TokenizerMode.RCDATA],
  [T.TEXTAREA, TokenizerMode.RCDATA],
  [T.PLAINTEXT, TokenizerMode.PLAINTEXT],
  [T.STYLE, TokenizerMode.RAWTEXT],
  [T.IFRAME, TokenizerMode.RAWTEXT],
  [T.XMP, TokenizerMode.RAWTEXT],
  [T.NOEMBED, TokenizerMode.RAWTEXT],
  [T.NOFRAMES, TokenizerMode.RAWTEXT],
  // With scripting on (every visitor who runs the loader), <noscript> content is raw text.
  [T.NOSCRIPT, TokenizerMode.RAWTEXT],
]);

export class Scanner implements TokenHandler {
  private readonly tokenizer = new SourceTokenizer({ sourceCodeLocationInfo: true }, this);
  /** The end of the last token read whole: input before it can no longer change. */
  done = 0;
  private readonly namespaces: string[] = [NS.HTML];
  private templates = 0;
  private inNoscript = false;

  /**
   * `nested`: the outer document, whose `<noscript>` content (raw text to a browser running scripts) is handed to
   * `noscriptText` so that it can be read again as markup, the way a browser without scripts reads it. Inside that
   * second reading (`nested` false) a `<noscript>` is an ordinary element.
   */
  constructor(
    private readonly handler: ScanHandler,
    private readonly nested: boolean,
  ) {}

  write(chunk: string, last: boolean): void {
    this.tokenizer.write(chunk, last);
    // Text up to the next unfinished tag is complete: report it, so the caller can let it go.
    if (!last) this.tokenizer.flushCharacters();
  }

  private get namespace(): string {
    return this.namespaces[this.namespaces.length - 1];
  }
  private enter(ns: string): void {
    this.namespaces.push(ns);
    this.tokenizer.inForeignNode = ns !== NS.HTML;
  }
  private leave(): void {
    if (this.namespaces.length > 1) this.namespaces.pop();
    this.tokenizer.inForeignNode = this.namespace !== NS.HTML;
  }

  onStartTag(token: Token.TagToken): void {
    const location = token.location!;
    const nameLength = token.tagName.length;
    if (token.tagID === T.SVG) this.enter(NS.SVG);
    else if (token.tagID === T.MATH) this.enter(NS.MATHML);
    if (this.namespace !== NS.HTML && foreignContent.causesExit(token)) while (this.namespace !== NS.HTML) this.leave();
    const ns = this.namespace;
    let localName = token.tagName;
    if (ns !== NS.HTML) {
      if (ns === NS.SVG) {
        foreignContent.adjustTokenSVGTagName(token);
        localName = token.tagName;
      }
      // `<svg/>` opens nothing; an integration point (foreignObject, desc, title, MathML text) holds HTML.
      if (token.selfClosing) {
        if (token.tagID === T.SVG || token.tagID === T.MATH) this.leave();
      } else if (foreignContent.isIntegrationPoint(token.tagID, ns as html.NS, token.attrs)) this.enter(NS.HTML);
    } else {
      if (token.tagID === T.IMAGE) localName = 'img';
      const state = TEXT_STATES.get(token.tagID);
      if (state !== undefined) this.tokenizer.state = state as typeof this.tokenizer.state;
    }
    this.handler.startTag({
      localName,
      attrs: token.attrs,
      sources: this.tokenizer.sources,
      start: location.startOffset,
      nameEnd: location.startOffset + 1 + nameLength,
      end: location.endOffset,
      foreign: ns !== NS.HTML,
      inTemplate: this.templates > 0,
    });
    if (ns === NS.HTML) {
      if (token.tagID === T.TEMPLATE) this.templates++;
      else if (token.tagID === T.NOSCRIPT && this.nested && !this.templates) {
        this.inNoscript = true;
        this.handler.noscript(true, location.endOffset);
      }
    }
    this.done = location.endOffset;
  }

  onEndTag(token: Token.TagToken): void {
    const ns = this.namespace;
    if (ns === NS.HTML && this.namespaces.length > 1) {
      const outer = this.namespaces[this.namespaces.length - 2];
      let id = token.tagID;
      const svgName = outer === NS.SVG && foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(token.tagName);
      if (svgName) id = html.getTagID(svgName);
      if (foreignContent.isIntegrationPoint(id, outer as html.NS, token.attrs)) this.leave();
    } else if (ns !== NS.HTML) {
      if ((token.tagID === T.SVG && ns === NS.SVG) || (token.tagID === T.MATH && ns === NS.MATHML)) this.leave();
    }
    if (ns === NS.HTML) {
      if (token.tagID === T.TEMPLATE && this.templates) this.templates--;
      // Raw text ends only at `</noscript`: this is it.
      else if (this.inNoscript) {
        this.inNoscript = false;
        this.handler.noscript(false, token.location!.startOffset);
      }
    }
    this.done = token.location!.endOffset;
  }

  private text(token: Token.CharacterToken): void {
    const { startOffset, endOffset } = token.location!;
    if (this.inNoscript) this.handler.noscriptText(startOffset, endOffset);
    this.done = endOffset;
  }
  onCharacter(token: Token.CharacterToken): void {
    this.text(token);
  }
  onWhitespaceCharacter(token: Token.CharacterToken): void {
    this.text(token);
  }
  onNullCharacter(token: Token.CharacterToken): void {
    this.text(token);
  }
  onComment(token: Token.CommentToken): void {
    this.done = token.location!.endOffset;
  }
  onDoctype(token: Token.DoctypeToken): void {
    this.done = token.location!.endOffset;
  }
  onEof(): void {}
}
