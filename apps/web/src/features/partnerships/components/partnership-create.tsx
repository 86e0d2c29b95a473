import { PARTNERSHIP_KINDS, PartnershipCreateBody, type ProblemFieldError } from '@glocal/contracts';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useCreatePartnership } from '../api/partnerships';
import { PARTNERSHIP_KIND_MESSAGES } from '../utils/partnership-messages';

/** A possible partner, as the app passes them in (organisations and territories come from their own features). */
export interface PartnerOption {
  id: string;
  name: string;
  /** A territory's code, to tell the two "Diourbel" apart. */
  code?: string;
  /** The language the name is written in, when it may differ from the page's. */
  nameLocale?: string;
}

interface PartnershipCreateProps {
  organisations: readonly PartnerOption[];
  territories: readonly PartnerOption[];
  /** The organisation a new partner row starts with: the person's own (officers must include it). */
  defaultOrganisationId?: string | undefined;
}

interface PartnerDraft {
  key: number;
  kind: 'organisation' | 'territory';
  organisationId: string;
  territoryId: string;
  role: string;
}

/** Records a partnership with at least two partners, each an organisation or a territory with its role. */
export function PartnershipCreate({ organisations, territories, defaultOrganisationId }: PartnershipCreateProps) {
  const { formatMessage, locale } = useIntl();
  const navigate = useNavigate();
  const create = useCreatePartnership();
  const nextKey = useRef(2);
  const [kind, setKind] = useState<string>(PARTNERSHIP_KINDS[0]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [partners, setPartners] = useState<PartnerDraft[]>([
    { key: 0, kind: 'organisation', organisationId: defaultOrganisationId ?? '', territoryId: '', role: '' },
    { key: 1, kind: 'organisation', organisationId: '', territoryId: '', role: '' },
  ]);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(create.error);
  const partnerList = useRef<HTMLOListElement>(null);

  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const sortedOrganisations = useMemo(() => [...organisations].sort((a, b) => collator.compare(a.name, b.name)), [organisations, collator]);
  const sortedTerritories = useMemo(
    () => [...territories].sort((a, b) => collator.compare(a.name, b.name) || (a.code ?? '').localeCompare(b.code ?? '')),
    [territories, collator],
  );

  const updatePartner = (key: number, change: Partial<PartnerDraft>) =>
    setPartners((current) => current.map((partner) => (partner.key === key ? { ...partner, ...change } : partner)));

  function addPartner() {
    setPartners((current) => [...current, { key: nextKey.current++, kind: 'organisation', organisationId: '', territoryId: '', role: '' }]);
    // Take the keyboard to the new partner's first choice.
    requestAnimationFrame(() => partnerList.current?.lastElementChild?.querySelector<HTMLElement>('input')?.focus());
  }

  function removePartner(key: number) {
    setPartners((current) => current.filter((partner) => partner.key !== key));
    requestAnimationFrame(() => partnerList.current?.querySelector<HTMLElement>('input')?.focus());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = PartnershipCreateBody.safeParse({
      kind,
      name,
      description: description.trim() || null,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      partners: partners.map((partner) =>
        partner.kind === 'organisation'
          ? { organisationId: partner.organisationId || undefined, role: partner.role }
          : { territoryId: partner.territoryId || undefined, role: partner.role },
      ),
    });
    if (!parsed.success) {
      create.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    create.mutate(parsed.data, { onSuccess: (created) => navigate(`/partnerships/${created.id}`) });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      <FormProblem error={create.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'partnerships.form.kind' })} error={errors.get('/kind')}>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value)}>
            {PARTNERSHIP_KINDS.map((option) => (
              <option key={option} value={option}>
                {formatMessage(PARTNERSHIP_KIND_MESSAGES[option])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'partnerships.form.name' })} error={errors.get('/name')}>
        {(control) => <input {...control} required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'partnerships.form.description' })} error={errors.get('/description')}>
        {(control) => <textarea {...control} rows={4} maxLength={5000} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </FormField>
      <div className="form-row">
        <FormField label={formatMessage({ id: 'partnerships.form.starts_on' })} error={errors.get('/startsOn')}>
          {(control) => <input {...control} type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />}
        </FormField>
        <FormField
          label={formatMessage({ id: 'partnerships.form.ends_on' })}
          error={errors.get('/endsOn')}
          errorMessage={errors.get('/endsOn')?.code === 'custom' ? { id: 'partnerships.form.ends_before_start' } : undefined}
        >
          {(control) => <input {...control} type="date" min={startsOn || undefined} value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />}
        </FormField>
      </div>

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'partnerships.form.partners' })}</legend>
        <p className="form-field__hint">{formatMessage({ id: 'partnerships.form.partners_hint' })}</p>
        <ol className="partner-rows" ref={partnerList}>
          {partners.map((partner, index) => {
            const pointer = `/partners/${index}`;
            return (
              <li key={partner.key}>
                <fieldset className="fieldset fieldset--nested">
                  <legend>{formatMessage({ id: 'partnerships.form.partner_number' }, { number: index + 1 })}</legend>
                  <div className="radio-group" role="radiogroup" aria-label={formatMessage({ id: 'partnerships.form.partner_kind' })}>
                    {(['organisation', 'territory'] as const).map((option) => (
                      <label key={option} className="radio">
                        <input
                          type="radio"
                          name={`partner-kind-${partner.key}`}
                          value={option}
                          checked={partner.kind === option}
                          onChange={() => updatePartner(partner.key, { kind: option })}
                        />
                        {formatMessage(option === 'organisation' ? { id: 'partnerships.partner.organisation' } : { id: 'partnerships.partner.territory' })}
                      </label>
                    ))}
                  </div>
                  {partner.kind === 'organisation' ? (
                    <FormField
                      label={formatMessage({ id: 'partnerships.form.partner_organisation' })}
                      error={errors.get(pointer) ?? errors.get(`${pointer}/organisationId`)}
                      errorMessage={{ id: 'partnerships.form.choose_partner' }}
                    >
                      {(control) => (
                        <select {...control} value={partner.organisationId} onChange={(event) => updatePartner(partner.key, { organisationId: event.target.value })}>
                          <option value="">{formatMessage({ id: 'partnerships.form.choose' })}</option>
                          {sortedOrganisations.map((option) => (
                            <option key={option.id} value={option.id}>
                              {option.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </FormField>
                  ) : (
                    <FormField
                      label={formatMessage({ id: 'partnerships.form.partner_territory' })}
                      error={errors.get(pointer) ?? errors.get(`${pointer}/territoryId`)}
                      errorMessage={{ id: 'partnerships.form.choose_partner' }}
                    >
                      {(control) => (
                        <select {...control} value={partner.territoryId} onChange={(event) => updatePartner(partner.key, { territoryId: event.target.value })}>
                          <option value="">{formatMessage({ id: 'partnerships.form.choose' })}</option>
                          {sortedTerritories.map((option) => (
                            <option key={option.id} value={option.id}>
                              {formatMessage({ id: 'partnerships.form.territory_option' }, { name: option.name, code: option.code ?? '' })}
                            </option>
                          ))}
                        </select>
                      )}
                    </FormField>
                  )}
                  <FormField
                    label={formatMessage({ id: 'partnerships.form.partner_role' })}
                    hint={formatMessage({ id: 'partnerships.form.partner_role_hint' })}
                    error={errors.get(`${pointer}/role`)}
                  >
                    {(control) => (
                      <input {...control} required maxLength={200} value={partner.role} onChange={(event) => updatePartner(partner.key, { role: event.target.value })} />
                    )}
                  </FormField>
                  {partners.length > 2 && (
                    <button type="button" className="button button--small button--secondary" onClick={() => removePartner(partner.key)}>
                      {formatMessage({ id: 'partnerships.form.remove_partner' }, { number: index + 1 })}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button--secondary" onClick={addPartner}>
          {formatMessage({ id: 'partnerships.form.add_partner' })}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending}>
          {formatMessage({ id: 'partnerships.form.submit' })}
        </button>
      </div>
    </form>
  );
}
