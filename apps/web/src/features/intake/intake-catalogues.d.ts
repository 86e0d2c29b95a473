/** A catalogue cut down to the intake page's messages (vite.intake.config.ts; the whole file elsewhere). */
declare module '*.json?intake' {
  const messages: Record<string, string>;
  export default messages;
}
