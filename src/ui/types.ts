import type { Consentry, ResolvedConfig, Texts } from '../core/types';
import type { UITexts } from './texts';

/** What the loader hands the lazily loaded UI. */
export interface UIContext {
  api: Consentry;
  config: ResolvedConfig;
  /** Resolved language: `en`, `zh-Hant` or `zh-Hans`. */
  lang: string;
  /** Right-to-left page (`<html dir="rtl">`). */
  rtl: boolean;
  /** Global Privacy Control is on and honoured: marketing is denied by default and the banner says so. */
  gpc: boolean;
  /**
   * The built-in strings of `lang`, which the UI chunk does not carry: the classic loader fetches them as
   * `consentry-<lang>.js` beside the chunk; the ES entry (ui/index.tsx) imports them when absent.
   */
  texts?: UITexts;
  /** Called by the UI once a view has rendered (tests and the loader use it). */
  onShown?(view: UIView): void;
}

export type UIView = 'banner' | 'preferences';

export interface UIHandle {
  show(view: UIView): void;
  hide(): void;
}

export type MountUI = (ctx: UIContext) => UIHandle;

/** The UI chunk announces itself with this window event; `detail` is its mount function. */
export const UI_EVENT = 'consentry:ui';

/** A language file (`consentry-<lang>.js`) announces itself with this window event; `detail` is its `UITexts`. */
export const TEXTS_EVENT = 'consentry:texts';

export type { Texts, UITexts };
