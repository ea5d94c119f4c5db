import type { LanguageTexts } from '../../core/ui-contract';

// One Portuguese for Portugal and Brazil (pt-PT and pt-BR both fall back here): "a sua" and verbs without
// "você", words both use (site, navegador, opções, "Aceitar tudo" / "Rejeitar tudo" as on Google), nothing that
// differs between them (registo/registro, guardar/salvar, definições/configurações); "cookies"; quotes “…”.
const pt: LanguageTexts = {
  bannerTitle: 'A sua privacidade',
  bannerText:
    'Usamos cookies necessários para o funcionamento do site e, com o seu consentimento, outros para preferências, estatísticas e publicidade. Pode mudar de ideia a qualquer momento em “Opções de cookies”.',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customise: 'Personalizar',
  save: 'Confirmar escolhas',
  close: 'Fechar',
  preferencesTitle: 'Opções de cookies',
  preferencesText: 'Os cookies opcionais ficam desativados até que os ative.',
  policyLink: 'Política de privacidade',
  policyUpdated: 'atualizada em {date}',
  alwaysOn: 'Sempre ativos',
  gpcNotice:
    'O seu navegador envia o sinal Global Privacy Control, por isso a publicidade fica desativada, a menos que a ative aqui.',
  minorsNotice:
    'Se ainda não tem idade para dar o seu consentimento no seu país, peça ajuda a um dos pais ou ao responsável legal.',
  cookieName: 'Nome',
  cookieProvider: 'Fornecedor',
  cookiePurpose: 'Finalidade',
  cookieLifetime: 'Duração',
  session: 'Sessão',
  loginCookie: 'Autenticação',
  consentCookie: 'A sua escolha de cookies',
  recordTitle: 'A sua escolha atual',
  recordId: 'ID do consentimento',
  recordGiven: 'Data do consentimento',
  recordUpdated: 'Última alteração',
  recordMethod: 'Forma de consentimento',
  recordNone: 'Ainda não fez nenhuma escolha.',
  methodAcceptAll: 'Aceitou tudo',
  methodRejectAll: 'Rejeitou tudo',
  methodCustom: 'Seleção própria',
  methodApi: 'Definido por este site',
  methodGpc: 'Aceitou tudo exceto publicidade, conforme o Global Privacy Control',
  withdrawAll: 'Retirar tudo',
  embedBlocked: 'O conteúdo do serviço {vendor} está bloqueado até que permita “{category}”.',
  embedAllow: 'Permitir e carregar',
  categories: {
    necessary: {
      title: 'Necessários',
      description: 'Sessão iniciada, segurança, balanceamento de carga e memorização deste consentimento.',
    },
    preferences: {
      title: 'Preferências',
      description: 'As suas opções, como o idioma, e funcionalidades personalizadas.',
    },
    analytics: { title: 'Análise', description: 'Estatísticas de visitas, mapas de calor e gravações de sessões.' },
    marketing: {
      title: 'Publicidade',
      description:
        'Anúncios, conteúdos incorporados de redes sociais e pixels que podem acompanhar a sua navegação entre sites.',
    },
  },
};

export default pt;
