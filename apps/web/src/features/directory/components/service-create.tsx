import '../directory.css';
import type { ProblemFieldError } from '@glocal/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useLocale } from '../../../lib/i18n';
import { useCreateService, useEditableOrganizations } from '../api/directory';
import { createBody, emptyDraft, type ServiceDraft } from '../utils/service-draft';
import { ServiceFormFields, type SetDraftField } from './service-edit';

interface ServiceCreateProps {
  /** What to show when the reader may add services to no organization (the app's not-found page). */
  notFound: ReactNode;
}

/**
 * A new service, for those the API lets add one: to one of the organizations it lists (partner
 * staff their own; desk staff and officers those they reach), its texts in the reader's language.
 * Saved, it opens its edit page, where its places are added.
 */
export function ServiceCreate({ notFound }: ServiceCreateProps) {
  const { formatMessage } = useIntl();
  const organizations = useEditableOrganizations();

  if (organizations.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.new.loading' })}</LoadingMessage>;
  if (organizations.isError) return <ProblemMessage error={organizations.error} onRetry={() => void organizations.refetch()} />;
  if (organizations.data.items.length === 0) return notFound;
  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.new.title' })}</PageHeading>
      <ServiceCreateForm organizations={organizations.data.items} />
    </>
  );
}

function ServiceCreateForm({ organizations }: { organizations: { id: string; name: string; territoryId: string | null }[] }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState(organizations[0]!.id);
  const [draft, setDraft] = useState<ServiceDraft>(() => emptyDraft(organizations[0]!.territoryId ?? ''));
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const create = useCreateService();
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(create.error);
  const set: SetDraftField = (field, value) => setDraft((current) => ({ ...current, [field]: value }));

  function chooseOrganization(id: string) {
    setOrganizationId(id);
    // The territory follows the organization, unless the editor already chose one.
    const territoryId = organizations.find((organization) => organization.id === id)?.territoryId ?? '';
    setDraft((current) => (current.territoryId === '' || organizations.some((organization) => organization.territoryId === current.territoryId) ? { ...current, territoryId } : current));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const checked = createBody(organizationId, draft, locale);
    if (!checked.ok) {
      create.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(new Map());
    create.mutate(checked.body, { onSuccess: (created) => void navigate(`/directory/services/${encodeURIComponent(created.id)}/edit`) });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={onSubmit}>
      <FormProblem error={create.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'directory.new.organization' })} hint={formatMessage({ id: 'directory.new.organization_hint' })} error={errors.get('/organizationId')}>
        {(control) => (
          <select {...control} value={organizationId} onChange={(event) => chooseOrganization(event.target.value)}>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ServiceFormFields draft={draft} set={set} errors={errors} textLocale={locale} textsHint={formatMessage({ id: 'directory.new.texts_hint' })} />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending}>
          {formatMessage({ id: 'directory.new.submit' })}
        </button>
      </div>
    </form>
  );
}
