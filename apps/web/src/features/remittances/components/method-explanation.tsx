import { useIntl } from 'react-intl';

/** The method in plain words: what the figures mean and why a "zero fee" can cost the most. */
export function MethodExplanation() {
  const { formatMessage } = useIntl();
  return (
    <section aria-labelledby="remittances-method-title" className="page-section prose">
      <h2 id="remittances-method-title">{formatMessage({ id: 'remittances.method.title' })}</h2>
      <p>{formatMessage({ id: 'remittances.method.cost' })}</p>
      <p>{formatMessage({ id: 'remittances.method.margin' })}</p>
      <p>{formatMessage({ id: 'remittances.method.zero_fee' })}</p>
      <p>{formatMessage({ id: 'remittances.method.transparency' })}</p>
      <p>{formatMessage({ id: 'remittances.method.freshness' })}</p>
      <p>{formatMessage({ id: 'remittances.method.source' })}</p>
    </section>
  );
}
