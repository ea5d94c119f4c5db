import type { LanguageTexts } from '../../core/ui-contract';

// French as on French sites and in CNIL-compliant banners: vouvoiement; « cookies » (the CNIL's own word);
// « Publicité » and « Mesure d’audience » as category names; guillemets « » and no-break spaces (U+00A0) before
// : ; ? ! and inside guillemets; typographic apostrophe ’.
const fr: LanguageTexts = {
  bannerTitle: 'Votre vie privée',
  bannerText:
    'Nous utilisons des cookies nécessaires au fonctionnement du site et, avec votre accord, d’autres pour vos préférences, la mesure d’audience et la publicité. Vous pouvez changer d’avis à tout moment dans « Paramètres des cookies ».',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  preferencesTitle: 'Paramètres des cookies',
  preferencesText: 'Les cookies facultatifs restent désactivés tant que vous ne les activez pas.',
  policyLink: 'Politique de confidentialité',
  policyUpdated: 'mise à jour le {date}',
  alwaysOn: 'Toujours actifs',
  gpcNotice:
    'Votre navigateur envoie le signal Global Privacy Control : la publicité reste donc désactivée, sauf si vous l’activez ici.',
  minorsNotice:
    'Si vous n’avez pas atteint la majorité numérique dans votre pays, demandez l’accord d’un parent ou de votre représentant légal.',
  cookieName: 'Nom',
  cookieProvider: 'Fournisseur',
  cookiePurpose: 'Finalité',
  cookieLifetime: 'Durée de vie',
  session: 'Session',
  loginCookie: 'Connexion',
  consentCookie: 'Mémorisation de vos choix',
  recordTitle: 'Votre choix enregistré',
  recordId: 'Identifiant de consentement',
  recordGiven: 'Date du consentement',
  recordUpdated: 'Dernière modification',
  recordMethod: 'Mode de consentement',
  recordNone: 'Vous n’avez encore fait aucun choix.',
  methodAcceptAll: 'Tout accepté',
  methodRejectAll: 'Tout refusé',
  methodCustom: 'Votre propre sélection',
  methodApi: 'Défini par ce site',
  methodGpc: 'Tout accepté sauf la publicité, selon le signal Global Privacy Control',
  withdrawAll: 'Retirer mon consentement',
  embedBlocked: 'Le contenu de {vendor} est bloqué tant que vous n’autorisez pas « {category} ».',
  embedAllow: 'Autoriser et charger',
  categories: {
    necessary: {
      title: 'Nécessaires',
      description: 'Session de connexion, sécurité, répartition de charge et mémorisation de ce consentement.',
    },
    preferences: {
      title: 'Préférences',
      description: 'Vos réglages, comme la langue, et les fonctionnalités personnalisées.',
    },
    analytics: {
      title: 'Mesure d’audience',
      description: 'Statistiques de visite, cartes de chaleur et enregistrements de session.',
    },
    marketing: {
      title: 'Publicité',
      description:
        'Publicités, contenus intégrés de réseaux sociaux et pixels susceptibles de vous suivre d’un site à l’autre.',
    },
  },
};

export default fr;
