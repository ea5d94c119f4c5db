import type { LanguageTexts } from '../../core/ui-contract';

// Spanish as on sites in Spain (and understood across Latin America): tú-form, as Google, Amazon and most consumer
// sites use; «cookies» as the AEPD writes it; «Aceptar todo» / «Rechazar todo» as on Google; angular quotes « ».
const es: LanguageTexts = {
  bannerTitle: 'Tu privacidad',
  bannerText:
    'Usamos cookies necesarias para que el sitio funcione y, si lo aceptas, otras para preferencias, estadísticas y publicidad. Puedes cambiar de opinión cuando quieras en «Configuración de cookies».',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customise: 'Personalizar',
  save: 'Guardar selección',
  close: 'Cerrar',
  preferencesTitle: 'Configuración de cookies',
  preferencesText: 'Las cookies opcionales permanecen desactivadas hasta que las actives.',
  policyLink: 'Política de privacidad',
  policyUpdated: 'actualizada el {date}',
  alwaysOn: 'Siempre activas',
  gpcNotice:
    'Tu navegador envía la señal Global Privacy Control, así que la publicidad seguirá desactivada salvo que la actives aquí.',
  minorsNotice:
    'Si aún no tienes la edad necesaria para dar tu consentimiento en tu país, pide ayuda a tu padre, madre o tutor legal.',
  cookieName: 'Nombre',
  cookieProvider: 'Proveedor',
  cookiePurpose: 'Finalidad',
  cookieLifetime: 'Duración',
  session: 'Sesión',
  loginCookie: 'Inicio de sesión',
  consentCookie: 'Tu elección sobre cookies',
  recordTitle: 'Tu elección registrada',
  recordId: 'ID de consentimiento',
  recordGiven: 'Fecha del consentimiento',
  recordUpdated: 'Último cambio',
  recordMethod: 'Forma de consentimiento',
  recordNone: 'Aún no has hecho tu elección.',
  methodAcceptAll: 'Todo aceptado',
  methodRejectAll: 'Todo rechazado',
  methodCustom: 'Selección personalizada',
  methodApi: 'Establecido por este sitio',
  methodGpc: 'Todo aceptado salvo publicidad, según Global Privacy Control',
  withdrawAll: 'Retirar todo',
  embedBlocked: 'El contenido de {vendor} está bloqueado hasta que permitas «{category}».',
  embedAllow: 'Permitir y cargar',
  categories: {
    necessary: {
      title: 'Necesarias',
      description: 'Inicio de sesión, seguridad, balanceo de carga y el registro de este consentimiento.',
    },
    preferences: { title: 'Preferencias', description: 'Tus ajustes, como el idioma, y funciones personalizadas.' },
    analytics: {
      title: 'Analíticas',
      description: 'Estadísticas de visitas, mapas de calor y grabaciones de sesiones.',
    },
    marketing: {
      title: 'Publicidad',
      description: 'Anuncios, contenido insertado de redes sociales y píxeles que pueden seguirte de un sitio a otro.',
    },
  },
};

export default es;
