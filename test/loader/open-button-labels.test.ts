import { LANGUAGES } from '../../src/core/language';
import { OPEN_BUTTON_LABELS } from '../../src/loader/open-button-labels';
import { builtIn } from '../ui/fake-api';

it('holds one label for each entry of LANGUAGES, and no other', () => {
  expect(Object.keys(OPEN_BUTTON_LABELS).sort()).toEqual([...LANGUAGES].sort());
});

it.each(LANGUAGES)('names the button in %s as the dialog it opens is titled', (lang) => {
  expect(OPEN_BUTTON_LABELS[lang]).toBe(builtIn[lang].preferencesTitle);
});
