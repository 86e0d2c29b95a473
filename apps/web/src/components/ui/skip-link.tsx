import type { ReactNode } from 'react';

/** First focusable element: lets keyboard and screen-reader users jump past the header. */
export function SkipLink({ targetId, children }: { targetId: string; children: ReactNode }) {
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {children}
    </a>
  );
}
