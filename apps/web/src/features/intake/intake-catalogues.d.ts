/** A catalogue cut down to the intake page's messages (vite.intake.config.ts; the whole file elsewhere). */
declare module '*.json?intake' {
  const messages: Record<string, string>;
  export default messages;
}
/** The English catalogue without, then with only, the remittance pages' messages (vite.config.ts; the whole file in development and tests). */
declare module '*.json?core' {
  const messages: Record<string, string>;
  export default messages;
}
declare module '*.json?remittances' {
  const messages: Record<string, string>;
  export default messages;
}
