import {
  BUSINESS_STAGES,
  STAGE_CHECKLISTS,
  type BusinessProjectUpdateBody,
  type BusinessProjectView,
  type BusinessStage,
  type CaseDetailView,
  type ProblemFieldError,
} from '@glocal/contracts';
import { INTAKE_CURRENCIES, ISIC_SECTIONS, type IsicDivision, type IsicSection } from '@glocal/contracts/intake-form';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { FormField, type FieldControlProps } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useMoveStage, useUpdateProject } from '../api/cases';
import { CHECKLIST_MESSAGES, PROJECT_FIELD_MESSAGES, STAGE_MESSAGES } from '../utils/case-messages';
import type { NamedOption } from '../utils/options';

/** A case document the documents panel knows of, offered for the two plans the pipeline asks for. */
export interface CaseDocumentOption {
  id: string;
  fileName: string;
}

interface CasePipelineProps {
  detail: CaseDetailView & { businessProject: BusinessProjectView };
  territories?: readonly NamedOption[] | undefined;
  /** The case's documents, when the app composes a documents panel; else the plans are set from there. */
  documents?: readonly CaseDocumentOption[] | undefined;
}

/** Server field codes this page words itself; others fall back to the generic field messages. */
const FIELD_CODE_MESSAGES: Record<string, MessageDescriptor> = {
  required: { id: 'cases.pipeline.required_for_stage' },
  not_in_section: { id: 'cases.pipeline.division_not_in_section' },
  too_precise: { id: 'cases.pipeline.too_precise' },
  required_with_amount: { id: 'cases.pipeline.currency_required' },
  not_a_document_of_this_case: { id: 'cases.pipeline.not_a_document' },
};

const messageFor = (error: ProblemFieldError | undefined) => (error ? FIELD_CODE_MESSAGES[error.code] : undefined);

/**
 * The business project's pipeline: where it stands, the stage's checklist, the fields each stage
 * requires and the form to move it. A refused move shows every missing field next to the field.
 */
export function CasePipeline({ detail, territories, documents }: CasePipelineProps) {
  const { formatMessage } = useIntl();
  const project = detail.businessProject;
  const editable = detail.can.update && detail.status !== 'closed';
  const move = useMoveStage(detail.id);
  const update = useUpdateProject(detail.id);
  // What the last refused move or save said, by pointer: shown next to each field below.
  const moveErrors = fieldErrorsOf(move.error);
  const saveErrors = fieldErrorsOf(update.error);
  const fieldError = (pointer: string) => saveErrors.get(pointer) ?? moveErrors.get(pointer);
  const current = BUSINESS_STAGES.indexOf(project.stage);

  return (
    <>
      <ol className="steps" aria-label={formatMessage({ id: 'cases.pipeline.stages' })}>
        {BUSINESS_STAGES.map((stage, index) => (
          <li key={stage} aria-current={index === current ? 'step' : undefined}>
            {formatMessage(
              index < current ? { id: 'cases.pipeline.stage_done' } : index === current ? { id: 'cases.pipeline.stage_current' } : { id: 'cases.pipeline.stage_later' },
              { stage: formatMessage(STAGE_MESSAGES[stage]) },
            )}
          </li>
        ))}
      </ol>
      <Checklist project={project} stage={project.stage} editable={editable} onTick={(code, ticked) => update.mutate({ checklist: { [code]: ticked } })} />
      {project.nextStage && project.missingForNextStage.length > 0 && (
        <div className="notice notice--warning">
          <p>{formatMessage({ id: 'cases.pipeline.next_needs' }, { stage: formatMessage(STAGE_MESSAGES[project.nextStage]) })}</p>
          <ul>
            {project.missingForNextStage.map((missing) => (
              <li key={missing.pointer}>{formatMessage(PROJECT_FIELD_MESSAGES[missing.field] ?? { id: 'cases.pipeline.field_unknown' })}</li>
            ))}
          </ul>
        </div>
      )}
      {editable && <MoveStageForm detail={detail} move={move} errors={moveErrors} />}
      {/* Keyed on the saved field values only: a stage move or a refetch keeps what the coach is typing. */}
      <ProjectForm key={JSON.stringify(draftOf(project))} project={project} editable={editable} territories={territories} documents={documents} update={update} fieldError={fieldError} />
    </>
  );
}

function Checklist({ project, stage, editable, onTick }: { project: BusinessProjectView; stage: BusinessStage; editable: boolean; onTick: (code: string, ticked: boolean) => void }) {
  const { formatMessage } = useIntl();
  return (
    <fieldset className="fieldset">
      <legend>{formatMessage({ id: 'cases.pipeline.checklist' }, { stage: formatMessage(STAGE_MESSAGES[stage]) })}</legend>
      {STAGE_CHECKLISTS[stage].map((code) => (
        <div key={code} className="checkbox-field">
          <input
            type="checkbox"
            id={`checklist-${code}`}
            checked={project.checklist[code] === true}
            disabled={!editable}
            onChange={(event) => onTick(code, event.target.checked)}
          />
          <label htmlFor={`checklist-${code}`}>{formatMessage(CHECKLIST_MESSAGES[code] ?? { id: 'cases.pipeline.field_unknown' })}</label>
        </div>
      ))}
    </fieldset>
  );
}

function MoveStageForm({ detail, move, errors }: { detail: CaseDetailView & { businessProject: BusinessProjectView }; move: ReturnType<typeof useMoveStage>; errors: Map<string, ProblemFieldError> }) {
  const { formatMessage } = useIntl();
  const project = detail.businessProject;
  const index = BUSINESS_STAGES.indexOf(project.stage);
  const [toStage, setToStage] = useState<BusinessStage | ''>(project.nextStage ?? '');
  const [reason, setReason] = useState('');
  const back = toStage !== '' && BUSINESS_STAGES.indexOf(toStage) < index;
  const missing = [...errors.values()].filter((error) => error.pointer !== '/toStage' && error.pointer !== '/reason');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!toStage) return;
    move.mutate({ toStage, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="move-stage-title">
      <h3 id="move-stage-title">{formatMessage({ id: 'cases.pipeline.move_title' })}</h3>
      {move.error !== null && missing.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p>{formatMessage({ id: 'cases.pipeline.move_refused' }, { count: missing.length })}</p>
          <ul>
            {missing.map((error) => (
              <li key={error.pointer}>{formatMessage(PROJECT_FIELD_MESSAGES[error.pointer.slice(1)] ?? { id: 'cases.pipeline.field_unknown' })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormProblem error={move.error} fieldErrorCount={errors.size} />
      )}
      <FormField label={formatMessage({ id: 'cases.pipeline.to_stage' })} error={errors.get('/toStage')} errorMessage={{ id: 'cases.pipeline.one_stage_at_a_time' }}>
        {(control) => (
          <select {...control} value={toStage} onChange={(event) => setToStage(event.target.value as BusinessStage)}>
            {BUSINESS_STAGES.filter((stage) => stage !== project.stage).map((stage) => (
              <option key={stage} value={stage}>
                {formatMessage(STAGE_MESSAGES[stage])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {back && (
        <FormField label={formatMessage({ id: 'cases.pipeline.reason' })} hint={formatMessage({ id: 'cases.pipeline.reason_hint' })} error={errors.get('/reason')}>
          {(control) => <textarea {...control} value={reason} maxLength={1000} onChange={(event) => setReason(event.target.value)} />}
        </FormField>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={move.isPending}>
          {formatMessage({ id: 'cases.pipeline.move' })}
        </button>
      </div>
      {move.isSuccess && <p role="status" className="notice notice--success">{formatMessage({ id: 'cases.pipeline.moved' }, { stage: formatMessage(STAGE_MESSAGES[move.data.stage]) })}</p>}
    </form>
  );
}

type ProjectDraft = Record<'idea' | 'isicSection' | 'isicDivision' | 'setupTerritoryId' | 'neededAmount' | 'ownFundsAmount' | 'currency' | 'businessPlanDocumentId' | 'financingPlanDocumentId' | 'legalForm' | 'registrationNumber' | 'registeredOn', string>;

/** The form's fields as the server keeps them. */
const draftOf = (project: BusinessProjectView): ProjectDraft => ({
    idea: project.idea,
    isicSection: project.isicSection ?? '',
    isicDivision: project.isicDivision ?? '',
    setupTerritoryId: project.setupTerritoryId ?? '',
    // Amounts as the exact decimal strings the server keeps, without a trailing ".00".
    neededAmount: project.neededAmount?.replace(/\.00$/, '') ?? '',
    ownFundsAmount: project.ownFundsAmount?.replace(/\.00$/, '') ?? '',
    currency: project.currency ?? '',
    businessPlanDocumentId: project.businessPlanDocumentId ?? '',
    financingPlanDocumentId: project.financingPlanDocumentId ?? '',
    legalForm: project.legalForm ?? '',
    registrationNumber: project.registrationNumber ?? '',
    registeredOn: project.registeredOn ?? '',
  });

function ProjectForm({
  project,
  editable,
  territories,
  documents,
  update,
  fieldError,
}: {
  project: BusinessProjectView;
  editable: boolean;
  territories?: readonly NamedOption[] | undefined;
  documents?: readonly CaseDocumentOption[] | undefined;
  update: ReturnType<typeof useUpdateProject>;
  fieldError: (pointer: string) => ProblemFieldError | undefined;
}) {
  const { formatMessage } = useIntl();
  const initial = draftOf(project);
  const [draft, setDraft] = useState(initial);
  const set = (name: keyof ProjectDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, string | null> = {};
    for (const name of Object.keys(draft) as (keyof ProjectDraft)[]) {
      const value = draft[name].trim();
      if (value !== initial[name]) changes[name] = value === '' ? null : value;
    }
    if (changes.idea === null) delete changes.idea;
    if (Object.keys(changes).length > 0) update.mutate(changes as BusinessProjectUpdateBody);
  }

  const field = (name: keyof ProjectDraft, input: (control: FieldControlProps) => ReactNode, hint?: string) => (
    <FormField
      label={formatMessage(PROJECT_FIELD_MESSAGES[name]!)}
      hint={hint}
      error={fieldError(`/${name}`)}
      errorMessage={messageFor(fieldError(`/${name}`))}
    >
      {input}
    </FormField>
  );
  const divisions = draft.isicSection ? ((ISIC_SECTIONS as Record<string, readonly IsicDivision[]>)[draft.isicSection] ?? []) : [];
  // The move form above already announces a refused move; this form counts its own save's errors.
  const savedCount = fieldErrorsOf(update.error).size;

  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="project-title">
      <h3 id="project-title">{formatMessage({ id: 'cases.project.title' })}</h3>
      <FormProblem error={update.error} fieldErrorCount={savedCount} />
      <fieldset className="fieldset" disabled={!editable}>
        <legend className="visually-hidden">{formatMessage({ id: 'cases.project.title' })}</legend>
        {field('idea', (control) => <textarea {...control} value={draft.idea} maxLength={4000} onChange={set('idea')} />)}
        {field('isicSection', (control) => (
          <select {...control} value={draft.isicSection} onChange={(event) => setDraft({ ...draft, isicSection: event.target.value, isicDivision: '' })}>
            <option value="">{formatMessage({ id: 'cases.project.choose' })}</option>
            {(Object.keys(ISIC_SECTIONS) as IsicSection[]).map((section) => (
              <option key={section} value={section}>
                {`${section} · ${formatMessage({ id: `intake.isic.section.${section.toLowerCase() as Lowercase<IsicSection>}` })}`}
              </option>
            ))}
          </select>
        ))}
        {field('isicDivision', (control) => (
          <select {...control} value={draft.isicDivision} onChange={set('isicDivision')}>
            <option value="">{formatMessage({ id: 'cases.project.choose' })}</option>
            {divisions.map((division) => (
              <option key={division} value={division}>
                {`${division} · ${formatMessage({ id: `intake.isic.division.${division}` })}`}
              </option>
            ))}
          </select>
        ))}
        {field('setupTerritoryId', (control) => (
          <select {...control} value={draft.setupTerritoryId} onChange={set('setupTerritoryId')}>
            <option value="">{formatMessage({ id: 'cases.project.choose' })}</option>
            {(territories ?? []).map((territory) => (
              <option key={territory.id} value={territory.id}>
                {territory.code ? formatMessage({ id: 'cases.project.territory_option' }, { name: territory.name, code: territory.code }) : territory.name}
              </option>
            ))}
          </select>
        ))}
        {field('currency', (control) => (
          <select {...control} value={draft.currency} onChange={set('currency')}>
            <option value="">{formatMessage({ id: 'cases.project.choose' })}</option>
            {INTAKE_CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
        ))}
        {field('neededAmount', (control) => <input {...control} inputMode="decimal" value={draft.neededAmount} onChange={set('neededAmount')} />, formatMessage({ id: 'cases.project.amount_hint' }))}
        {field('ownFundsAmount', (control) => <input {...control} inputMode="decimal" value={draft.ownFundsAmount} onChange={set('ownFundsAmount')} />, formatMessage({ id: 'cases.project.amount_hint' }))}
        {(['businessPlanDocumentId', 'financingPlanDocumentId'] as const).map((name) =>
          documents ? (
            <div key={name}>
              {field(name, (control) => (
                <select {...control} value={draft[name]} onChange={set(name)}>
                  <option value="">{formatMessage({ id: 'cases.project.choose' })}</option>
                  {documents.map((document) => (
                    <option key={document.id} value={document.id}>
                      {document.fileName}
                    </option>
                  ))}
                </select>
              ))}
            </div>
          ) : (
            <div key={name} className={fieldError(`/${name}`) ? 'form-field form-field--invalid' : 'form-field'}>
              <p>
                {formatMessage(
                  project[name] ? { id: 'cases.project.document_attached' } : { id: 'cases.project.document_missing' },
                  { document: formatMessage(PROJECT_FIELD_MESSAGES[name]!) },
                )}
              </p>
              {fieldError(`/${name}`) && <p className="field-error">{formatMessage({ id: 'cases.pipeline.required_for_stage' })}</p>}
            </div>
          ),
        )}
        {field('legalForm', (control) => <input {...control} value={draft.legalForm} maxLength={100} onChange={set('legalForm')} />)}
        {field('registrationNumber', (control) => <input {...control} value={draft.registrationNumber} maxLength={100} onChange={set('registrationNumber')} />)}
        {field('registeredOn', (control) => <input {...control} type="date" value={draft.registeredOn} onChange={set('registeredOn')} />)}
      </fieldset>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {formatMessage({ id: 'cases.project.save' })}
          </button>
        </div>
      )}
      {update.isSuccess && <p role="status" className="notice notice--success">{formatMessage({ id: 'cases.saved' })}</p>}
    </form>
  );
}
