import type { IntakeReceiptView } from '@glocal/contracts';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';

/** The reference the person keeps, said plainly and large enough to copy or photograph. */
export function IntakeConfirmation({ receipt, onAnother }: { receipt: IntakeReceiptView; onAnother: () => void }) {
  const { formatMessage } = useIntl();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen-reader users hear the outcome at once, as after a page load.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice notice--success intake-confirmation" aria-labelledby="intake-done-title">
      <h2 id="intake-done-title" ref={heading} tabIndex={-1}>
        {formatMessage({ id: 'intake.done.title' })}
      </h2>
      <p>{formatMessage({ id: 'intake.done.reference_label' })}</p>
      <p className="intake-confirmation__reference" dir="ltr" data-testid="intake-reference">
        {receipt.reference}
      </p>
      <p>{formatMessage({ id: 'intake.done.keep' })}</p>
      <p>{formatMessage({ id: 'intake.done.desk' }, { desk: receipt.deskName })}</p>
      {receipt.confirmationEmail && <p>{formatMessage({ id: 'intake.done.email_sent' })}</p>}
      <button type="button" className="button button--secondary" onClick={onAnother}>
        {formatMessage({ id: 'intake.done.another' })}
      </button>
    </section>
  );
}
