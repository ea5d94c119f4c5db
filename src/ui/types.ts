import type { Consentry, ResolvedConfig, Texts } from '../core/types';

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

export type { Texts };
