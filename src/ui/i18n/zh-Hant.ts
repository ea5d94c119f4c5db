import type { LanguageTexts } from '../../core/ui-contract';

// Traditional Chinese as on Taiwan sites: 您-form; Taiwan terms (隱私權政策, 工作階段, 個人化); "Cookie" in Latin
// letters with a space before Chinese, as the existing strings do; full-width punctuation and 「」 quotes.
const zhHant: LanguageTexts = {
  bannerTitle: '您的隱私',
  bannerText:
    '我們使用必要的 Cookie 維持網站運作；經您同意，也會用於偏好設定、統計與廣告。您隨時可在「Cookie 設定」中改變主意。',
  acceptAll: '全部接受',
  rejectAll: '全部拒絕',
  customise: '自訂',
  save: '儲存選擇',
  close: '關閉',
  preferencesTitle: 'Cookie 設定',
  preferencesText: '選用的 Cookie 在您開啟前都不會啟用。',
  policyLink: '隱私權政策',
  policyUpdated: '更新於 {date}',
  alwaysOn: '一律啟用',
  gpcNotice: '您的瀏覽器已開啟全球隱私控制（GPC）訊號，除非您在此開啟，行銷類別會保持關閉。',
  minorsNotice: '如果您未滿所在國家或地區可自行同意的年齡，請由父母或監護人協助您做出選擇。',
  cookieName: '名稱',
  cookieProvider: '提供者',
  cookiePurpose: '用途',
  cookieLifetime: '期限',
  session: '工作階段',
  loginCookie: '登入',
  consentCookie: '您的 Cookie 選擇',
  recordTitle: '已記錄的選擇',
  recordId: '同意編號',
  recordGiven: '同意時間',
  recordUpdated: '最後變更時間',
  recordMethod: '同意方式',
  recordNone: '您尚未做出選擇。',
  methodAcceptAll: '全部接受',
  methodRejectAll: '全部拒絕',
  methodCustom: '自訂選擇',
  methodApi: '由本網站設定',
  methodGpc: '依據全球隱私控制（GPC），接受行銷以外的所有類別',
  withdrawAll: '全部撤回',
  embedBlocked: '在您允許「{category}」之前，{vendor} 的內容已被封鎖。',
  embedAllow: '允許並載入',
  categories: {
    necessary: { title: '必要', description: '登入工作階段、安全性、負載平衡及本同意紀錄。' },
    preferences: { title: '偏好設定', description: '記住語言等設定及個人化功能。' },
    analytics: { title: '分析', description: '造訪統計、熱點圖及操作錄影。' },
    marketing: { title: '行銷', description: '廣告、社群媒體嵌入內容及可能跨網站追蹤您的像素。' },
  },
};

export default zhHant;
