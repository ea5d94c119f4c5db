import type { LanguageTexts } from '../../core/ui-contract';

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
  cookieName: '名称',
  cookieProvider: '提供方',
  cookiePurpose: '用途',
  cookieLifetime: '期限',
  session: '会话',
  openButton: 'Cookie 设置',
  loginCookie: '登录',
  consentCookie: '您的 Cookie 选择',
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
