import type { LanguageTexts } from '../../core/ui-contract';

// Italian as on Italian sites and in the Garante's guidelines: tu-form, as Google and iubenda-style banners use;
// "cookie" invariable in the plural; "privacy", "browser" and "social" as established loanwords; quotes « ».
const it: LanguageTexts = {
  bannerTitle: 'La tua privacy',
  bannerText:
    'Usiamo cookie necessari al funzionamento del sito e, con il tuo consenso, altri per preferenze, statistiche e pubblicità. Puoi cambiare idea in qualsiasi momento da «Impostazioni cookie».',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  customise: 'Personalizza',
  save: 'Salva le scelte',
  close: 'Chiudi',
  preferencesTitle: 'Impostazioni cookie',
  preferencesText: 'I cookie facoltativi restano disattivati finché non li attivi.',
  policyLink: 'Informativa sulla privacy',
  policyUpdated: 'aggiornata il {date}',
  alwaysOn: 'Sempre attivi',
  gpcNotice:
    'Il tuo browser invia il segnale Global Privacy Control, quindi la pubblicità resta disattivata a meno che tu non la attivi qui.',
  minorsNotice:
    'Se non hai ancora l’età minima per dare il consenso nel tuo Paese, chiedi a un genitore o a chi ne fa le veci.',
  cookieName: 'Nome',
  cookieProvider: 'Fornitore',
  cookiePurpose: 'Finalità',
  cookieLifetime: 'Durata',
  session: 'Sessione',
  loginCookie: 'Accesso',
  consentCookie: 'La tua scelta sui cookie',
  recordTitle: 'La tua scelta registrata',
  recordId: 'ID del consenso',
  recordGiven: 'Data del consenso',
  recordUpdated: 'Ultima modifica',
  recordMethod: 'Modalità del consenso',
  recordNone: 'Non hai ancora fatto una scelta.',
  methodAcceptAll: 'Accettato tutto',
  methodRejectAll: 'Rifiutato tutto',
  methodCustom: 'Scelta personalizzata',
  methodApi: 'Impostato da questo sito',
  methodGpc: 'Accettato tutto tranne la pubblicità, in base a Global Privacy Control',
  withdrawAll: 'Revoca tutto',
  embedBlocked: 'I contenuti di {vendor} sono bloccati finché non consenti «{category}».',
  embedAllow: 'Consenti e carica',
  categories: {
    necessary: {
      title: 'Necessari',
      description: 'Sessione di accesso, sicurezza, bilanciamento del carico e registrazione di questo consenso.',
    },
    preferences: {
      title: 'Preferenze',
      description: 'Le tue impostazioni, come la lingua, e funzioni personalizzate.',
    },
    analytics: {
      title: 'Analitici',
      description: 'Statistiche delle visite, mappe di calore e registrazioni delle sessioni.',
    },
    marketing: {
      title: 'Pubblicità',
      description: 'Annunci, contenuti incorporati dai social e pixel che possono seguirti da un sito all’altro.',
    },
  },
};

export default it;
