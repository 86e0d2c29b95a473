import type { OrganisationView, ProblemFieldError } from '@glocal/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useAllOrganisations } from '../api/get-organisations';
import { useUpdateOrganisation } from '../api/save-organisation';
import { draftOf, updateBody, type OrganisationDraft } from '../utils/organisation-draft';
import type { TerritoryOption } from '../utils/territory-lookup';
import { OrganisationForm } from './organisation-form';

interface OrganisationEditProps {
  organisation: OrganisationView;
  territories: readonly TerritoryOption[];
}

type Outcome = 'saved' | 'unchanged' | null;

/** Edits an organisation, sending only the fields that changed. Folded away until asked for. */
export function OrganisationEdit({ organisation, territories }: OrganisationEditProps) {
  const { formatMessage } = useIntl();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<OrganisationDraft>(() => draftOf(organisation));
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const update = useUpdateOrganisation(organisation.id);
  const hosts = useAllOrganisations({ enabled: open });
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(update.error);
  const formArea = useRef<HTMLDivElement>(null);

  // The button that opened the form is gone: move focus to the form's first field.
  useEffect(() => {
    if (open) formArea.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  function submit() {
    setOutcome(null);
    const checked = updateBody(organisation, draft);
    if (checked === null) {
      setOutcome('unchanged');
      return;
    }
    if (!checked.ok) {
      update.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(new Map());
    update.mutate(checked.body, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        setOutcome('saved');
      },
    });
  }

  return (
    <section aria-labelledby={titleId} className="page-section">
      <h2 id={titleId}>{formatMessage({ id: 'organisations.edit.title' })}</h2>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {formatMessage({ id: 'organisations.edit.open' })}
        </button>
      ) : (
        <div ref={formArea}>
        <OrganisationForm
          mode="edit"
          draft={draft}
          onChange={setDraft}
          onSubmit={submit}
          errors={errors}
          territories={territories}
          organisations={hosts.data ?? []}
          selfId={organisation.id}
          submitting={update.isPending}
          submitLabel={formatMessage({ id: 'organisations.edit.submit' })}
          status={
            <>
              <FormProblem error={update.error} fieldErrorCount={errors.size} />
              {outcome && (
                <p className="notice notice--success" role="status">
                  {formatMessage(outcome === 'saved' ? { id: 'organisations.edit.saved' } : { id: 'organisations.edit.unchanged' })}
                </p>
              )}
            </>
          }
        />
        </div>
      )}
    </section>
  );
}
