import en from '../../src/ui/i18n/en';
import zhHans from '../../src/ui/i18n/zh-Hans';
import zhHant from '../../src/ui/i18n/zh-Hant';
import { policyUpdatedLine, resolveTexts } from '../../src/ui/texts';
import { builtIn, fakeConfig } from './fake-api';

const resolve = (config: ReturnType<typeof fakeConfig>, lang: string) => resolveTexts(config, lang, builtIn[lang]);

describe('texts', () => {
  it('Traditional and Simplified Chinese use their own characters', () => {
    const hant = JSON.stringify(zhHant),
      hans = JSON.stringify(zhHans);
    for (const c of ['拒絕', '設定', '隱私', '關閉']) expect(hant).toContain(c);
    for (const c of ['拒绝', '设置', '隐私', '关闭']) expect(hans).toContain(c);
    for (const c of ['绝', '设', '隐', '关']) expect(hant).not.toContain(c);
    for (const c of ['絕', '設', '隱', '關']) expect(hans).not.toContain(c);
  });

  it('lets the config override a string for one language only', () => {
    const config = fakeConfig({ texts: { 'zh-Hans': { acceptAll: '同意' } } });
    expect(resolve(config, 'zh-Hans').acceptAll).toBe('同意');
    expect(resolve(config, 'zh-Hans').rejectAll).toBe('全部拒绝');
    expect(resolve(config, 'en').acceptAll).toBe('Accept all');
  });

  it('takes category titles from the config, per language, then the built-ins, then the id', () => {
    const config = fakeConfig({
      categories: [
        { id: 'necessary', required: true, cookies: [] },
        { id: 'analytics', required: false, title: { en: 'Statistics', 'zh-Hant': '統計' }, cookies: [] },
        { id: 'video', required: false, description: 'Embedded videos', cookies: [] },
      ],
    });
    const t = resolve(config, 'zh-Hant');
    expect(t.categories.necessary.title).toBe('必要');
    expect(t.categories.analytics.title).toBe('統計');
    expect(resolve(config, 'zh-Hans').categories.analytics.title).toBe('Statistics');
    expect(t.categories.video).toEqual({ title: 'video', description: 'Embedded videos' });
  });

  it("fills {date} with the policy date in the visitor's language", () => {
    const config = fakeConfig();
    expect(policyUpdatedLine(resolve(config, 'en'), '2019-06-01', 'en')).toBe('updated June 1, 2019');
    expect(policyUpdatedLine(resolve(config, 'zh-Hant'), '2019-06-01', 'zh-Hant')).toBe('更新於 2019年6月1日');
  });

  it('shows an unparsable policy date as written', () => {
    expect(policyUpdatedLine(en, 'spring 2019', 'en')).toBe('updated spring 2019');
  });
});
