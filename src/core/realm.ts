/** A window with its own globals: the top page, or a same-origin child frame, each with its own prototypes. */
export type Realm = Window & typeof globalThis;
