import type { LanguageTexts } from '../../core/ui-contract';

// Simplified Chinese as on mainland sites: 您-form; "Cookie" in Latin letters with a space before Chinese, as the
// existing strings do; full-width punctuation and “” quotes; 「国家或地区」 for jurisdictions.
const zhHans: LanguageTexts = {
  bannerTitle: '您的隐私',
  bannerText:
    '我们使用必要的 Cookie 维持网站运行；经您同意，也会用于偏好设置、统计和广告。您随时可在“Cookie 设置”中改变主意。',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  customise: '自定义',
  save: '保存选择',
  close: '关闭',
  preferencesTitle: 'Cookie 设置',
  preferencesText: '可选 Cookie 在您开启之前都不会启用。',
  policyLink: '隐私政策',
  policyUpdated: '更新于 {date}',
  alwaysOn: '始终开启',
  gpcNotice: '您的浏览器已开启全球隐私控制（GPC）信号，除非您在此开启，营销类别将保持关闭。',
  minorsNotice: '如果您未达到所在国家或地区可自行同意的年龄，请让父母或监护人协助您作出选择。',
  cookieName: '名称',
  cookieProvider: '提供方',
  cookiePurpose: '用途',
  cookieLifetime: '期限',
  session: '会话',
  loginCookie: '登录',
  consentCookie: '您的 Cookie 选择',
  recordTitle: '已记录的选择',
  recordId: '同意编号',
  recordGiven: '同意时间',
  recordUpdated: '最后更改时间',
  recordMethod: '同意方式',
  recordNone: '您尚未作出选择。',
  methodAcceptAll: '全部接受',
  methodRejectAll: '全部拒绝',
  methodCustom: '自定义选择',
  methodApi: '由本网站设置',
  methodGpc: '根据全球隐私控制（GPC），接受营销以外的全部类别',
  withdrawAll: '全部撤回',
  embedBlocked: '在您允许“{category}”之前，{vendor} 的内容已被屏蔽。',
  embedAllow: '允许并加载',
  categories: {
    necessary: { title: '必要', description: '登录会话、安全、负载均衡及本同意记录。' },
    preferences: { title: '偏好', description: '记住语言等设置及个性化功能。' },
    analytics: { title: '分析', description: '访问统计、热力图及会话录制。' },
    marketing: { title: '营销', description: '广告、社交媒体嵌入内容及可能跨网站跟踪您的像素。' },
  },
};

export default zhHans;
