import type { LaterParts } from '../core/later-contract';
import { placePlaceholder } from './placeholder';
import { purgeCookies } from './purge';
import { sendReceipt } from './receipt';

/** The later chunk's parts (see src/core/later-contract.ts). */
export const later: LaterParts = { placePlaceholder, purgeCookies, sendReceipt };
