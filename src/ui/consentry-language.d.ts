// The one language that vite.config.ts hands ./language-file.ts in a language build.
declare module 'consentry-language' {
  const texts: import('../core/ui-contract').LanguageTexts;
  export default texts;
}
