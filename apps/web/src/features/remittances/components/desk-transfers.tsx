import { ROLE_PERMISSIONS } from '@glocal/contracts/roles';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useSession } from '../../../lib/session';
import { useProviders } from '../api/transfers';
import { TransferForm } from './transfer-form';
import { TransferList } from './transfer-list';

/**
 * A desk's record of its beneficiaries' transfers: the form, the list, and the way to the savings
 * report that compares them with the corridor average and the cheapest option. Staff of several
 * desks choose one first.
 */
export function DeskTransfers() {
  const { formatMessage } = useIntl();
  const { me, status, can } = useSession();
  const providers = useProviders();
  const desks = useMemo(() => {
    const found = new Map<string, string>();
    for (const membership of me?.memberships ?? []) {
      if (membership.organisationId && ROLE_PERMISSIONS[membership.role].includes('remittances:record_transfers')) {
        found.set(membership.organisationId, membership.organisationName ?? membership.organisationId);
      }
    }
    return [...found].map(([id, name]) => ({ id, name }));
  }, [me]);
  const [chosenId, setChosenId] = useState<string | null>(null);

  if (status === 'loading') return <LoadingMessage>{formatMessage({ id: 'remittances.transfers.loading' })}</LoadingMessage>;
  if (desks.length === 0) return <p>{formatMessage({ id: 'remittances.transfers.no_desk' })}</p>;
  if (providers.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.transfers.loading' })}</LoadingMessage>;
  if (providers.isError) return <ProblemMessage error={providers.error} onRetry={() => void providers.refetch()} />;
  const desk = desks.find((candidate) => candidate.id === chosenId) ?? desks[0]!;

  return (
    <>
      {desks.length > 1 && (
        <FormField label={formatMessage({ id: 'remittances.transfers.choose_desk' })}>
          {(control) => (
            <select {...control} value={desk.id} onChange={(event) => setChosenId(event.target.value)}>
              {desks.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="page-section">
        <TransferForm key={desk.id} deskId={desk.id} providers={providers.data.items} />
      </div>
      <section aria-labelledby="desk-transfers" className="page-section">
        <h2 id="desk-transfers">{formatMessage({ id: 'remittances.transfers.title' })}</h2>
        <p>
          {formatMessage({ id: 'remittances.transfers.savings_intro' })}{' '}
          {can('remittances:report') && <Link to="/remittances/reports">{formatMessage({ id: 'remittances.transfers.savings_link' })}</Link>}
        </p>
        <TransferList deskId={desk.id} deskName={desk.name} providers={providers.data.items} />
      </section>
    </>
  );
}
