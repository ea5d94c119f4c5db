import type { ConsentRecord } from '../../src/core/types';
import { sendReceipt } from '../../src/later/receipt';

const record: ConsentRecord = {
  id: '5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  revision: '1',
  given: '2026-11-01T10:00:00.000Z',
  updated: '2026-11-01T10:00:00.000Z',
  method: 'accept-all',
  categories: { necessary: true, analytics: true },
};

afterEach(() => vi.restoreAllMocks());

it('sends the record, the page and the language once, as a text/plain beacon body', () => {
  const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
  sendReceipt('/consent', record, 'de');
  expect(beacon).toHaveBeenCalledTimes(1);
  const [endpoint, body] = beacon.mock.calls[0];
  expect(endpoint).toBe('/consent');
  expect(typeof body).toBe('string');
  expect(JSON.parse(body as string)).toEqual({ ...record, url: location.href, language: 'de' });
});

it('a beacon that throws (a browser without it, a hostile stub) does not escape', () => {
  vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => {
    throw new Error('no beacons here');
  });
  expect(() => sendReceipt('/consent', record, 'en')).not.toThrow();
});
