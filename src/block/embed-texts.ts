/** Placeholder strings for blocked embeds; `{vendor}` and `{category}` are filled in. Data only; the `Texts` keys `embedBlocked`/`embedAllow` override them. */
export const embedTexts: Record<string, { blocked: string; allow: string }> = {
  en: { blocked: '{vendor} content is blocked until you allow {category}.', allow: 'Allow and load' },
  'zh-Hant': { blocked: '在您允許「{category}」之前，{vendor} 的內容已被封鎖。', allow: '允許並載入' },
  'zh-Hans': { blocked: '在您允许“{category}”之前，{vendor} 的内容已被屏蔽。', allow: '允许并加载' },
};
