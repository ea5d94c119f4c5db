import type { LanguageTexts } from '../../core/ui-contract';

// German as on German sites and in the big consent platforms: formal Sie-form; „Cookies“, „Website“, „Marketing“
// and „Heatmaps“ as established loanwords; German quotes „…“; „Einwilligung“ and „widerrufen“ as in the DSGVO and TDDDG.
const de: LanguageTexts = {
  bannerTitle: 'Ihre Privatsphäre',
  bannerText:
    'Wir verwenden notwendige Cookies für den Betrieb dieser Website und, wenn Sie zustimmen, weitere für Präferenzen, Statistik und Werbung. Ihre Auswahl können Sie jederzeit unter „Cookie-Einstellungen“ ändern.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customise: 'Anpassen',
  save: 'Auswahl speichern',
  close: 'Schließen',
  preferencesTitle: 'Cookie-Einstellungen',
  preferencesText: 'Optionale Cookies bleiben deaktiviert, bis Sie sie einschalten.',
  policyLink: 'Datenschutzerklärung',
  policyUpdated: 'aktualisiert am {date}',
  alwaysOn: 'Immer aktiv',
  gpcNotice:
    'Ihr Browser sendet das Signal „Global Privacy Control“. Marketing bleibt daher deaktiviert, sofern Sie es hier nicht einschalten.',
  minorsNotice:
    'Falls Sie in Ihrem Land noch zu jung sind, um selbst einzuwilligen, fragen Sie bitte Ihre Eltern oder Erziehungsberechtigten.',
  cookieName: 'Name',
  cookieProvider: 'Anbieter',
  cookiePurpose: 'Zweck',
  cookieLifetime: 'Laufzeit',
  session: 'Sitzung',
  loginCookie: 'Anmeldung',
  consentCookie: 'Ihre Cookie-Auswahl',
  recordTitle: 'Ihre gespeicherte Auswahl',
  recordId: 'Einwilligungs-ID',
  recordGiven: 'Erteilt am',
  recordUpdated: 'Zuletzt geändert',
  recordMethod: 'Art der Einwilligung',
  recordNone: 'Sie haben noch keine Auswahl getroffen.',
  methodAcceptAll: 'Alle akzeptiert',
  methodRejectAll: 'Alle abgelehnt',
  methodCustom: 'Eigene Auswahl',
  methodApi: 'Von dieser Website festgelegt',
  methodGpc: 'Alle akzeptiert außer Marketing, gemäß Global Privacy Control',
  withdrawAll: 'Alle widerrufen',
  embedBlocked: 'Inhalte von {vendor} sind blockiert, bis Sie „{category}“ zulassen.',
  embedAllow: 'Zulassen und laden',
  categories: {
    necessary: {
      title: 'Notwendig',
      description: 'Anmeldesitzung, Sicherheit, Lastverteilung und die Speicherung dieser Einwilligung.',
    },
    preferences: {
      title: 'Präferenzen',
      description: 'Ihre Einstellungen, etwa die Sprache, und personalisierte Funktionen.',
    },
    analytics: { title: 'Statistik', description: 'Besuchsstatistiken, Heatmaps und Sitzungsaufzeichnungen.' },
    marketing: {
      title: 'Marketing',
      description:
        'Werbung, eingebettete Inhalte sozialer Netzwerke und Pixel, die Sie websiteübergreifend verfolgen können.',
    },
  },
};

export default de;
