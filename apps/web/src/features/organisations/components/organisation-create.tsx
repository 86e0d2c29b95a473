import type { ProblemFieldError } from '@glocal/contracts';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useAllOrganisations } from '../api/get-organisations';
import { useCreateOrganisation } from '../api/save-organisation';
import { EMPTY_DRAFT, creationBody, type OrganisationDraft } from '../utils/organisation-draft';
import type { TerritoryOption } from '../utils/territory-lookup';
import { OrganisationForm } from './organisation-form';

/** Registers a new organisation (platform administrators), then opens its page. */
export function OrganisationCreate({ territories }: { territories: readonly TerritoryOption[] }) {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<OrganisationDraft>(EMPTY_DRAFT);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const create = useCreateOrganisation();
  const hosts = useAllOrganisations();
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(create.error);

  function submit() {
    const checked = creationBody(draft);
    if (!checked.ok) {
      create.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(new Map());
    create.mutate(checked.body, { onSuccess: (created) => navigate(`/organisations/${created.id}`) });
  }

  return (
    <OrganisationForm
      mode="create"
      draft={draft}
      onChange={setDraft}
      onSubmit={submit}
      errors={errors}
      territories={territories}
      organisations={hosts.data ?? []}
      submitting={create.isPending}
      submitLabel={formatMessage({ id: 'organisations.create.submit' })}
      status={
<FormProblem error={create.error} fieldErrorCount={errors.size} />
      }
    />
  );
}
