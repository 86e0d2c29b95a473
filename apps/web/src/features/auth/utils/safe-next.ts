/**
 * Where to go after signing in: the `next` page asked for, if it is a path of this site.
 * Anything else (`https://elsewhere`, `//elsewhere`, `/\elsewhere`) would make the sign-in page
 * an open redirect, so it is replaced by the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
