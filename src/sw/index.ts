/**
 * dist/consentry-sw.js, the shield: an opt-in service worker that holds trackers back at the network layer. A classic
 * script, so that a site with its own worker can make `importScripts('/consentry-sw.js')` its first line.
 */
import { keepInIndexedDb } from './keep';
import type { ShieldScope } from './scope';
import { installShield } from './shield';

const scope = self as unknown as ShieldScope;
installShield(scope, keepInIndexedDb(scope.indexedDB));
