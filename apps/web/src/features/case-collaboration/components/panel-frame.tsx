import { useId, type ReactNode } from 'react';

/**
 * A panel on its own is a titled section; composed into a page that already titles it (the case
 * page's sections), it is just its content, so headings do not repeat.
 */
export function PanelFrame({ title, embedded, children }: { title: string; embedded: boolean; children: ReactNode }) {
  const id = useId();
  if (embedded) return <div>{children}</div>;
  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
