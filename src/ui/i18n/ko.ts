import type { LanguageTexts } from '../../core/ui-contract';

// Korean as on Korean sites: 합니다체 for sentences, with 해요체-style polite requests (~하세요) as sites use them;
// noun-form buttons (모두 허용 / 모두 거부); "쿠키" and 개인정보 처리방침 / 법정대리인 as in the PIPA; quotes ‘…’;
// fixed particles (항목을) after the filled-in category, so no 을/를 choice depends on its last syllable.
const ko: LanguageTexts = {
  bannerTitle: '개인정보 보호',
  bannerText:
    '이 사이트는 운영에 필요한 쿠키를 사용하며, 동의하시면 환경설정, 통계, 광고를 위한 쿠키도 사용합니다. 선택은 언제든지 ‘쿠키 설정’에서 변경할 수 있습니다.',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  customise: '맞춤 설정',
  save: '선택 저장',
  close: '닫기',
  preferencesTitle: '쿠키 설정',
  preferencesText: '선택 쿠키는 직접 켜기 전까지 꺼져 있습니다.',
  policyLink: '개인정보 처리방침',
  policyUpdated: '{date} 업데이트',
  alwaysOn: '항상 활성',
  gpcNotice:
    '브라우저에서 GPC(Global Privacy Control) 신호를 보내고 있어, 여기서 직접 켜지 않는 한 마케팅 쿠키는 꺼진 상태로 유지됩니다.',
  minorsNotice: '거주 국가에서 스스로 동의할 수 있는 나이가 되지 않았다면 부모님이나 법정대리인과 상의하세요.',
  cookieName: '이름',
  cookieProvider: '제공자',
  cookiePurpose: '목적',
  cookieLifetime: '보관 기간',
  session: '세션',
  loginCookie: '로그인',
  consentCookie: '쿠키 선택 기록',
  recordTitle: '저장된 선택 내용',
  recordId: '동의 ID',
  recordGiven: '최초 선택 일시',
  recordUpdated: '마지막 변경 일시',
  recordMethod: '동의 방식',
  recordNone: '아직 선택하지 않으셨습니다.',
  methodAcceptAll: '모두 허용함',
  methodRejectAll: '모두 거부함',
  methodCustom: '직접 선택',
  methodApi: '이 사이트에서 설정',
  methodGpc: 'GPC(Global Privacy Control)에 따라 마케팅을 제외하고 모두 허용함',
  withdrawAll: '모두 철회',
  embedBlocked: '‘{category}’ 항목을 허용할 때까지 {vendor} 콘텐츠가 차단됩니다.',
  embedAllow: '허용하고 불러오기',
  categories: {
    necessary: { title: '필수', description: '로그인 세션, 보안, 부하 분산 및 이 동의 기록.' },
    preferences: { title: '환경설정', description: '언어 등 사용자 설정과 맞춤형 기능.' },
    analytics: { title: '분석', description: '방문 통계, 히트맵, 세션 녹화.' },
    marketing: {
      title: '마케팅',
      description: '광고, 소셜 미디어 삽입 콘텐츠 및 여러 사이트에 걸쳐 사용자를 추적할 수 있는 픽셀.',
    },
  },
};

export default ko;
