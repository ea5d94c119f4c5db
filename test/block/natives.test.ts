import { nativeSetAttribute, replaceAccessor, replaceMethod } from '../../src/block/natives';

describe('replaceMethod', () => {
  it('replaces the method with the wrapper, which reads like the native: same name and length', () => {
    const target = {
      send(_url: string, _body: string) {
        return 'native';
      },
    };
    const native = target.send;
    replaceMethod(target, 'send', (original) => (url: string) => 'wrapped ' + original.call(target, url));
    expect(target.send('/x', 'b')).toBe('wrapped native');
    expect({ name: target.send.name, length: target.send.length }).toEqual({ name: native.name, length: 2 });
  });

  it('leaves a target without that method as it is', () => {
    const target: Record<string, unknown> = {};
    replaceMethod(target, 'send', () => () => 'wrapped');
    replaceMethod(undefined, 'send', () => () => 'wrapped');
    expect(target).toEqual({});
  });
});

describe('replaceAccessor', () => {
  it("replaces one half of an accessor and keeps the other half and the descriptor's flags", () => {
    let stored = '';
    const target = {};
    const get = () => stored;
    Object.defineProperty(target, 'src', {
      get,
      set(value: string) {
        stored = value;
      },
      configurable: true,
      enumerable: true,
    });
    replaceAccessor(
      target,
      'src',
      'set',
      (native) =>
        function set(this: object, value: string) {
          native.call(this, 'held:' + value);
        },
    );
    (target as { src: string }).src = 'x';
    const descriptor = Object.getOwnPropertyDescriptor(target, 'src')!;
    expect(stored).toBe('held:x');
    expect(descriptor.get).toBe(get);
    expect({ name: descriptor.set!.name, length: descriptor.set!.length }).toEqual({ name: 'set', length: 1 });
    expect({ configurable: descriptor.configurable, enumerable: descriptor.enumerable }).toEqual({
      configurable: true,
      enumerable: true,
    });
  });

  it('leaves a property without that half, or no property at all, as it is', () => {
    const target = {};
    Object.defineProperty(target, 'src', { get: () => 'read-only', configurable: true });
    replaceAccessor(target, 'src', 'set', () => () => {});
    replaceAccessor(target, 'href', 'get', () => () => 'wrapped');
    expect(Object.getOwnPropertyDescriptor(target, 'src')!.set).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(target, 'href')).toBeUndefined();
  });
});

describe('nativeSetAttribute', () => {
  const platformSetAttribute = Element.prototype.setAttribute;
  afterEach(() => {
    Element.prototype.setAttribute = platformSetAttribute;
  });

  it('stays the platform setAttribute after a guard replaced the live one', () => {
    replaceMethod(Element.prototype, 'setAttribute', () => () => {});
    const element = document.createElement('div');
    element.setAttribute('data-x', 'dropped');
    nativeSetAttribute.call(element, 'data-y', 'written');
    expect(element.hasAttribute('data-x')).toBe(false);
    expect(element.getAttribute('data-y')).toBe('written');
  });
});
