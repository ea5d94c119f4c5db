import type { LanguageTexts } from '../../core/ui-contract';

const en: LanguageTexts = {
  bannerTitle: 'Your privacy',
  bannerText:
    'We use necessary cookies to run this site and, if you agree, others for preferences, statistics and ads. You can change your mind any time in "Cookie settings".',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  save: 'Save choices',
  close: 'Close',
  preferencesTitle: 'Cookie settings',
  preferencesText: 'Optional cookies stay off until you switch them on.',
  policyLink: 'Privacy policy',
  policyUpdated: 'updated {date}',
  alwaysOn: 'Always on',
  gpcNotice: "Your browser's Global Privacy Control signal is on, so marketing stays off unless you switch it on here.",
  minorsNotice:
    'If you are under the age of digital consent where you live, please ask a parent or guardian before you choose.',
  cookieName: 'Name',
  cookieProvider: 'Provider',
  cookiePurpose: 'Purpose',
  cookieLifetime: 'Lifetime',
  session: 'Session',
  loginCookie: 'Login',
  consentCookie: 'Your cookie choice',
  recordTitle: 'Your choice on record',
  recordId: 'Consent ID',
  recordGiven: 'Given',
  recordUpdated: 'Last changed',
  recordMethod: 'How it was given',
  recordNone: 'You have not made a choice yet.',
  methodAcceptAll: 'Accepted all',
  methodRejectAll: 'Rejected all',
  methodCustom: 'Your own selection',
  methodApi: 'Set by this site',
  methodGpc: 'Accepted all except marketing, following Global Privacy Control',
  withdrawAll: 'Withdraw all',
  embedBlocked: '{vendor} content is blocked until you allow {category}.',
  embedAllow: 'Allow and load',
  categories: {
    necessary: { title: 'Necessary', description: 'Login session, security, load balancing and this consent record.' },
    preferences: { title: 'Preferences', description: 'Your settings, such as language, and personalised features.' },
    analytics: { title: 'Analytics', description: 'Visit statistics, heat maps and session recordings.' },
    marketing: {
      title: 'Marketing',
      description: 'Ads, social media embeds and pixels that may track you across sites.',
    },
  },
};

export default en;
