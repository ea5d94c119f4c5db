import type { LanguageTexts } from '../../core/ui-contract';

// Dutch as on Dutch consumer sites: informal je-form (bol.com, NS, Google); "cookies", "browser", "marketing" and
// "heatmaps" as established loanwords; single quotes ‘…’ for the button name; Dutch compound spelling
// (cookie-instellingen, cookiekeuze).
const nl: LanguageTexts = {
  bannerTitle: 'Jouw privacy',
  bannerText:
    'We gebruiken noodzakelijke cookies om deze website te laten werken en, als je dat goedvindt, andere voor voorkeuren, statistieken en advertenties. Je kunt je keuze altijd wijzigen via ‘Cookie-instellingen’.',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customise: 'Aanpassen',
  save: 'Keuze opslaan',
  close: 'Sluiten',
  preferencesTitle: 'Cookie-instellingen',
  preferencesText: 'Optionele cookies blijven uit tot je ze aanzet.',
  policyLink: 'Privacyverklaring',
  policyUpdated: 'bijgewerkt op {date}',
  alwaysOn: 'Altijd actief',
  gpcNotice:
    'Je browser stuurt het signaal Global Privacy Control mee, dus marketing blijft uit tenzij je het hier aanzet.',
  minorsNotice:
    'Ben je in jouw land te jong om zelf toestemming te geven? Vraag dan een ouder of voogd om mee te kiezen.',
  cookieName: 'Naam',
  cookieProvider: 'Aanbieder',
  cookiePurpose: 'Doel',
  cookieLifetime: 'Bewaartermijn',
  session: 'Sessie',
  loginCookie: 'Inloggen',
  consentCookie: 'Je cookiekeuze',
  recordTitle: 'Je vastgelegde keuze',
  recordId: 'Toestemmings-ID',
  recordGiven: 'Gegeven op',
  recordUpdated: 'Laatst gewijzigd',
  recordMethod: 'Wijze van toestemming',
  recordNone: 'Je hebt nog geen keuze gemaakt.',
  methodAcceptAll: 'Alles geaccepteerd',
  methodRejectAll: 'Alles geweigerd',
  methodCustom: 'Eigen keuze',
  methodApi: 'Ingesteld door deze website',
  methodGpc: 'Alles geaccepteerd behalve marketing, volgens Global Privacy Control',
  withdrawAll: 'Alles intrekken',
  embedBlocked: 'Inhoud van {vendor} is geblokkeerd tot je ‘{category}’ toestaat.',
  embedAllow: 'Toestaan en laden',
  categories: {
    necessary: {
      title: 'Noodzakelijk',
      description: 'Inlogsessie, beveiliging, verdeling van de serverbelasting en het vastleggen van deze toestemming.',
    },
    preferences: { title: 'Voorkeuren', description: 'Je instellingen, zoals de taal, en gepersonaliseerde functies.' },
    analytics: { title: 'Analytisch', description: 'Bezoekstatistieken, heatmaps en sessie-opnames.' },
    marketing: {
      title: 'Marketing',
      description: 'Advertenties, ingesloten sociale media en pixels die je over verschillende websites kunnen volgen.',
    },
  },
};

export default nl;
