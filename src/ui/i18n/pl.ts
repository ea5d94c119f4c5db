import type { LanguageTexts } from '../../core/ui-contract';

// Polish as on Polish sites (Allegro, banks, news portals): informal ty-form with the courtesy capitals Twój/Cię;
// "pliki cookie" as UODO and most sites write it; impersonal past (-no) where a past form would need a gender;
// Polish quotes „…”.
const pl: LanguageTexts = {
  bannerTitle: 'Twoja prywatność',
  bannerText:
    'Używamy niezbędnych plików cookie, aby strona działała, a za Twoją zgodą także innych – na potrzeby preferencji, statystyk i reklam. Swój wybór możesz zmienić w każdej chwili w „Ustawieniach plików cookie”.',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customise: 'Dostosuj',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  preferencesTitle: 'Ustawienia plików cookie',
  preferencesText: 'Opcjonalne pliki cookie pozostają wyłączone, dopóki ich nie włączysz.',
  policyLink: 'Polityka prywatności',
  policyUpdated: 'zaktualizowano {date}',
  alwaysOn: 'Zawsze aktywne',
  gpcNotice:
    'Twoja przeglądarka wysyła sygnał Global Privacy Control, dlatego marketingowe pliki cookie pozostaną wyłączone, chyba że włączysz je tutaj.',
  minorsNotice:
    'Jeśli jesteś poniżej wieku, od którego w Twoim kraju można samodzielnie wyrazić zgodę, poproś o pomoc rodzica lub opiekuna.',
  cookieName: 'Nazwa',
  cookieProvider: 'Dostawca',
  cookiePurpose: 'Cel',
  cookieLifetime: 'Czas przechowywania',
  session: 'Sesja',
  loginCookie: 'Logowanie',
  consentCookie: 'Zapis Twojego wyboru',
  recordTitle: 'Twój zapisany wybór',
  recordId: 'Identyfikator zgody',
  recordGiven: 'Data wyrażenia zgody',
  recordUpdated: 'Ostatnia zmiana',
  recordMethod: 'Sposób wyrażenia zgody',
  recordNone: 'Nie dokonano jeszcze wyboru.',
  methodAcceptAll: 'Zaakceptowano wszystkie',
  methodRejectAll: 'Odrzucono wszystkie',
  methodCustom: 'Własny wybór',
  methodApi: 'Ustawiony przez tę stronę',
  methodGpc: 'Zaakceptowano wszystkie oprócz marketingowych, zgodnie z Global Privacy Control',
  withdrawAll: 'Wycofaj zgody',
  embedBlocked: 'Treść z serwisu {vendor} jest zablokowana, dopóki nie zezwolisz na kategorię „{category}”.',
  embedAllow: 'Zezwól i załaduj',
  categories: {
    necessary: {
      title: 'Niezbędne',
      description: 'Sesja logowania, bezpieczeństwo, równoważenie obciążenia i zapis tej zgody.',
    },
    preferences: {
      title: 'Preferencje',
      description: 'Twoje ustawienia, takie jak język, oraz funkcje spersonalizowane.',
    },
    analytics: { title: 'Analityczne', description: 'Statystyki odwiedzin, mapy cieplne i nagrania sesji.' },
    marketing: {
      title: 'Marketingowe',
      description:
        'Reklamy, osadzone treści z mediów społecznościowych i piksele, które mogą śledzić Cię na innych stronach.',
    },
  },
};

export default pl;
