// The one language that vite.config.ts hands ./file.ts in a `lang-<lang>` build.
declare module 'consentry-lang' {
  const texts: import('../texts').UITexts;
  export default texts;
}
