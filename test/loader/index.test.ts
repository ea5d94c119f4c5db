vi.mock('../../src/loader/start', () => ({
  start: () => {
    throw new Error('broken');
  },
}));

it('an exception during startup logs one console.error and does not escape to the page', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  await expect(import('../../src/loader/index')).resolves.toBeDefined();
  expect(error).toHaveBeenCalledTimes(1);
  expect(String(error.mock.calls[0][0])).toMatch(/startup failed; blocking stays on/);
});
