import type { ResolvedConfig } from '../core/types';

/** Global Privacy Control is on in this browser and the site honours it (config `gpc`, default true). */
export const gpcOn = (config: ResolvedConfig, nav: Navigator): boolean =>
  config.gpc && (nav as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
