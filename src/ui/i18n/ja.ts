import type { LanguageTexts } from '../../core/ui-contract';

// Japanese as on Japanese sites: polite です・ます form, honorific いただく/ご相談ください; "Cookie" in Latin
// letters with no space (Cookie設定), as most Japanese sites and consent platforms write it; katakana loanwords
// (マーケティング, セッション, ヒートマップ); Japanese brackets 「」 and full-width punctuation.
const ja: LanguageTexts = {
  bannerTitle: 'プライバシーについて',
  bannerText:
    '当サイトでは、運営に必要なCookieを使用し、同意いただいた場合は設定の保存、統計、広告のためのCookieも使用します。選択はいつでも「Cookie設定」から変更できます。',
  acceptAll: 'すべて同意する',
  rejectAll: 'すべて拒否する',
  customise: '詳細設定',
  save: '選択内容を保存',
  close: '閉じる',
  preferencesTitle: 'Cookie設定',
  preferencesText: '任意のCookieは、オンにするまで無効のままです。',
  policyLink: 'プライバシーポリシー',
  policyUpdated: '{date}更新',
  alwaysOn: '常に有効',
  gpcNotice:
    'お使いのブラウザからGlobal Privacy Control（GPC）の信号が送信されているため、ここでオンにしない限りマーケティング用のCookieは無効のままです。',
  minorsNotice: 'お住まいの国で、ご自身で同意できる年齢に達していない方は、保護者の方にご相談ください。',
  cookieName: '名前',
  cookieProvider: '提供元',
  cookiePurpose: '目的',
  cookieLifetime: '保存期間',
  session: 'セッション',
  loginCookie: 'ログイン',
  consentCookie: 'Cookieに関する選択内容',
  recordTitle: '記録されている選択内容',
  recordId: '同意ID',
  recordGiven: '登録日時',
  recordUpdated: '最終変更日時',
  recordMethod: '同意の方法',
  recordNone: 'まだ選択されていません。',
  methodAcceptAll: 'すべて同意',
  methodRejectAll: 'すべて拒否',
  methodCustom: '個別に選択',
  methodApi: 'このサイトによる設定',
  methodGpc: 'Global Privacy Control（GPC）に従い、マーケティング以外すべて同意',
  withdrawAll: '同意を撤回する',
  embedBlocked: '「{category}」を許可するまで、{vendor}のコンテンツはブロックされます。',
  embedAllow: '許可して読み込む',
  categories: {
    necessary: { title: '必須', description: 'ログインセッション、セキュリティ、負荷分散、およびこの同意の記録。' },
    preferences: { title: '機能', description: '言語などの設定の保存や、パーソナライズされた機能。' },
    analytics: { title: '分析', description: 'アクセス統計、ヒートマップ、セッションの録画。' },
    marketing: {
      title: 'マーケティング',
      description: '広告、ソーシャルメディアの埋め込みコンテンツ、サイトをまたいで追跡する可能性のあるピクセル。',
    },
  },
};

export default ja;
