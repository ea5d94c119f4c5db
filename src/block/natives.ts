/**
 * Platform functions captured when the loader's module code runs, which is before any guard replaces them and before
 * any page script can. Guards write through these, never through the live (guarded) methods, so their own writes are
 * not checked again. They accept elements of any realm: a child frame's elements are written with the same natives.
 */
const elementPrototype = globalThis.Element?.prototype;

export { callNative } from '../core/intrinsics';

export const nativeSetAttribute = elementPrototype?.setAttribute as Element['setAttribute'];
export const nativeGetAttribute = elementPrototype?.getAttribute as Element['getAttribute'];

/** The markup guard parses into its own template: that write must not go through the guarded setter. */
export const nativeInnerHTMLSetter =
  elementPrototype && (Object.getOwnPropertyDescriptor(elementPrototype, 'innerHTML')!.set as (html: string) => void);

// biome-ignore lint/complexity/noBannedTypes: any platform function, whatever its signature
export type NativeFunction = Function & ((this: any, ...args: any[]) => any);

/** Gives `wrapper` the native's `name` and `length`, so it reads like the function it replaces. */
const lookNative = <F extends NativeFunction>(wrapper: F, native: NativeFunction): F =>
  Object.defineProperties(wrapper, { name: { value: native.name }, length: { value: native.length } });

/** Replaces the method `target[name]` with `wrap(native)`. Absent (an older browser, a test DOM): nothing to guard. */
export function replaceMethod(target: any, name: string, wrap: (native: NativeFunction) => NativeFunction): void {
  const native = target?.[name];
  if (native) target[name] = lookNative(wrap(native), native);
}

/** Replaces one half (`get` or `set`) of the accessor `target[name]` with `wrap(native)`; absent: nothing to guard. */
export function replaceAccessor(
  target: any,
  name: string,
  half: 'get' | 'set',
  wrap: (native: NativeFunction) => NativeFunction,
): void {
  const descriptor = target && Object.getOwnPropertyDescriptor(target, name);
  const native = descriptor?.[half];
  if (native) Object.defineProperty(target, name, { ...descriptor, [half]: lookNative(wrap(native), native) });
}

/**
 * Replaces the constructor `win[name]` with `guarded`, which then reads like it: the native's statics (`prototype`,
 * `name`, `length`, constants) and the native's own parent, never the native itself, so
 * `new (Object.getPrototypeOf(WebSocket))(url)` cannot reach an unguarded constructor. Instances keep passing
 * `instanceof`; the prototype's `constructor` names the guarded one where it named the native (not for `Audio`,
 * whose prototype is HTMLAudioElement's).
 */
export function replaceConstructor(win: any, name: string, guarded: NativeFunction): void {
  const native = win[name];
  Object.defineProperties(guarded, Object.getOwnPropertyDescriptors(native));
  Object.setPrototypeOf(guarded, Object.getPrototypeOf(native));
  if (native.prototype.constructor === native) native.prototype.constructor = guarded;
  win[name] = guarded;
}
