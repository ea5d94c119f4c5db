import { consentry } from '../../src/index';

it('using consentry before init() throws an error that says what to do', () => {
  expect(() => consentry.get()).toThrow('call init(config) before using consentry');
});
