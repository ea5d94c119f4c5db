import type { LanguageTexts } from '../../core/ui-contract';

// Modern Standard Arabic as on Arabic versions of major sites: "ملفات تعريف الارتباط" for cookies, verbal nouns
// for buttons (قبول الكل / رفض الكل), forms that read the same for men and women where possible (يمكنك، يُرجى);
// Arabic punctuation (، ؛ ؟) and quotes « »; written right to left (the UI sets dir="rtl").
const ar: LanguageTexts = {
  bannerTitle: 'خصوصيتك',
  bannerText:
    'نستخدم ملفات تعريف الارتباط الضرورية لتشغيل هذا الموقع، ومع موافقتك نستخدم ملفات أخرى للتفضيلات والإحصاءات والإعلانات. ويمكنك تغيير اختيارك في أي وقت من «إعدادات ملفات تعريف الارتباط».',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  customise: 'تخصيص',
  save: 'حفظ الاختيارات',
  close: 'إغلاق',
  preferencesTitle: 'إعدادات ملفات تعريف الارتباط',
  preferencesText: 'تبقى ملفات تعريف الارتباط الاختيارية معطلة إلى أن تفعّلها بنفسك.',
  policyLink: 'سياسة الخصوصية',
  policyUpdated: 'آخر تحديث {date}',
  alwaysOn: 'مفعّلة دائمًا',
  gpcNotice: 'يرسل متصفحك إشارة التحكم العالمي في الخصوصية (GPC)، لذا تبقى ملفات التسويق معطلة ما لم تفعّلها هنا.',
  minorsNotice: 'إذا كنت دون السن التي تسمح لك بالموافقة بنفسك في بلدك، فيُرجى طلب المساعدة من أحد والديك أو وليّ أمرك.',
  cookieName: 'الاسم',
  cookieProvider: 'الجهة المزوّدة',
  cookiePurpose: 'الغرض',
  cookieLifetime: 'المدة',
  session: 'الجلسة',
  loginCookie: 'تسجيل الدخول',
  consentCookie: 'حفظ اختيارك',
  recordTitle: 'اختيارك المسجّل',
  recordId: 'معرّف الموافقة',
  recordGiven: 'تاريخ الموافقة',
  recordUpdated: 'آخر تغيير',
  recordMethod: 'طريقة الموافقة',
  recordNone: 'لم تحدد اختيارك بعد.',
  methodAcceptAll: 'تم قبول الكل',
  methodRejectAll: 'تم رفض الكل',
  methodCustom: 'اختيار مخصّص',
  methodApi: 'حدّده هذا الموقع',
  methodGpc: 'تم قبول الكل باستثناء التسويق وفقًا لإشارة التحكم العالمي في الخصوصية (GPC)',
  withdrawAll: 'سحب الموافقة',
  embedBlocked: 'محتوى {vendor} محظور حتى تسمح بفئة «{category}».',
  embedAllow: 'السماح والتحميل',
  categories: {
    necessary: {
      title: 'الضرورية',
      description: 'جلسة تسجيل الدخول والأمان وموازنة الحمل وسجل هذه الموافقة.',
    },
    preferences: { title: 'التفضيلات', description: 'إعداداتك، مثل اللغة، والميزات المخصّصة لك.' },
    analytics: { title: 'التحليلات', description: 'إحصاءات الزيارات والخرائط الحرارية وتسجيلات الجلسات.' },
    marketing: {
      title: 'التسويق',
      description: 'الإعلانات والمحتوى المضمّن من وسائل التواصل الاجتماعي ووحدات البكسل التي قد تتتبعك عبر المواقع.',
    },
  },
};

export default ar;
