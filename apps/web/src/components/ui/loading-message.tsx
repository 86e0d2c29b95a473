import type { ReactNode } from 'react';

/** A polite live region, so screen readers hear that content is on its way. */
export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
