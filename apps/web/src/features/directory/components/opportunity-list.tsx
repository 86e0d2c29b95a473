import { OpportunityKind } from '@glocal/contracts';
import { ISIC_DIVISION_CODES, ISIC_SECTIONS, type IsicDivision, type IsicSection } from '@glocal/contracts/intake-form';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';
import { useOpportunities } from '../api/directory';
import { OPPORTUNITY_KIND_MESSAGES } from '../utils/directory-messages';
import { OpportunityEditor } from './opportunity-form';
import { TerritoryFilter } from './territory-filter';

const SECTIONS = Object.keys(ISIC_SECTIONS) as IsicSection[];
const sectionName = (section: IsicSection): MessageDescriptor => ({ id: `intake.isic.section.${section.toLowerCase() as Lowercase<IsicSection>}` });
const divisionName = (division: IsicDivision): MessageDescriptor => ({ id: `intake.isic.division.${division}` });
const isSection = (code: string): code is IsicSection => (SECTIONS as string[]).includes(code);
const isDivision = (code: string): code is IsicDivision => (ISIC_DIVISION_CODES as string[]).includes(code);

/** The section and division an ISIC code (a section letter, or 2 to 4 digits) belongs to, as the filter's two selects show them. */
function sectorOf(code: string): { section: string; division: string } {
  if (isSection(code)) return { section: code, division: '' };
  const division = code.slice(0, 2);
  const section = SECTIONS.find((letter) => (ISIC_SECTIONS[letter] as readonly string[]).includes(division));
  // A code no section holds (an address edited by hand) shows as "any": the server's error says why.
  return section ? { section, division } : { section: '', division: '' };
}

/** Economic opportunities of the territories: sectors and value chains, investments, income-generating activities. */
export function OpportunityList({ territories, canEdit = false }: { territories: readonly TerritoryChoice[] | undefined; /** The reader holds directory:edit: may add opportunities, and edit those the server marks `canEdit`. */ canEdit?: boolean }) {
  const { formatMessage } = useIntl();
  /** The opportunity being edited, 'new' for one being created, null when the form is closed. */
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'deleted' | null>(null);
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(
    () => ({
      q: search.get('q') || undefined,
      territoryId: search.get('territoryId') || undefined,
      // Checked by the server, whose field errors show next to the filter (an address edited by hand).
      kind: (search.get('kind') || undefined) as OpportunityKind | undefined,
      isic: search.get('isic') || undefined,
    }),
    [search],
  );
  const [q, setQ] = useState(filters.q ?? '');
  const [territoryId, setTerritory] = useState(filters.territoryId ?? '');
  const [kind, setKind] = useState<string>(filters.kind ?? '');
  const [sector, setSector] = useState(() => sectorOf(filters.isic ?? ''));
  const opportunities = useOpportunities(filters);
  const items = useMemo(() => opportunities.data?.pages.flatMap((page) => page.items) ?? [], [opportunities.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLHeadingElement>(items.length);
  const fieldErrors = fieldErrorsOf(opportunities.error);
  const badFilter = fieldErrors.has('/isic') || fieldErrors.has('/kind');
  const divisions: readonly IsicDivision[] = isSection(sector.section) ? ISIC_SECTIONS[sector.section] : [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (territoryId) params.set('territoryId', territoryId);
    if (kind) params.set('kind', kind);
    if (sector.division || sector.section) params.set('isic', sector.division || sector.section);
    setSearch(params);
  }

  /** "Food products (ISIC 1040)": the division's name, else the section's, in the reader's language. */
  function sectorLabel(code: string) {
    const division = code.slice(0, 2);
    const name = isSection(code) ? sectionName(code) : isDivision(division) ? divisionName(division) : null;
    return name ? formatMessage({ id: 'directory.opportunities.sector_code' }, { sector: formatMessage(name), code }) : formatMessage({ id: 'directory.opportunities.isic' }, { code });
  }

  return (
    <>
      <form role="search" className="filters" aria-label={formatMessage({ id: 'directory.opportunities.filters' })} onSubmit={onSubmit}>
        <FormField label={formatMessage({ id: 'directory.filters.q' })}>
          {(control) => <input {...control} type="search" value={q} maxLength={200} onChange={(event) => setQ(event.target.value)} />}
        </FormField>
        <TerritoryFilter territories={territories} value={territoryId} onChange={setTerritory} />
        <FormField label={formatMessage({ id: 'directory.opportunities.kind_filter' })} error={fieldErrors.get('/kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value)}>
              <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
              {OpportunityKind.options.map((option) => (
                <option key={option} value={option}>
                  {formatMessage(OPPORTUNITY_KIND_MESSAGES[option])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'directory.opportunities.sector' })} error={fieldErrors.get('/isic')}>
          {(control) => (
            <select {...control} value={sector.section} onChange={(event) => setSector({ section: event.target.value, division: '' })}>
              <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
              {SECTIONS.map((section) => (
                <option key={section} value={section}>
                  {`${section} · ${formatMessage(sectionName(section))}`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {divisions.length > 1 && (
          <FormField label={formatMessage({ id: 'directory.opportunities.division' })}>
            {(control) => (
              <select {...control} value={sector.division} onChange={(event) => setSector({ ...sector, division: event.target.value })}>
                <option value="">{formatMessage({ id: 'directory.opportunities.whole_section' })}</option>
                {divisions.map((division) => (
                  <option key={division} value={division}>
                    {`${division} · ${formatMessage(divisionName(division))}`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div className="filters__actions">
          <button type="submit" className="button">
            {formatMessage({ id: 'directory.filters.apply' })}
          </button>
        </div>
      </form>
      {canEdit && (
        <div className="opportunity-edit">
          {outcome && (
            <p role="status" className="notice notice--success">
              {formatMessage(outcome === 'saved' ? { id: 'directory.opportunity_form.saved' } : { id: 'directory.opportunity_form.deleted' })}
            </p>
          )}
          {editing === null ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setOutcome(null);
                setEditing('new');
              }}
            >
              {formatMessage({ id: 'directory.opportunity_form.add' })}
            </button>
          ) : (
            <OpportunityEditor
              key={editing}
              opportunityId={editing === 'new' ? null : editing}
              territories={territories}
              onDone={(done) => {
                setEditing(null);
                setOutcome(done === 'cancelled' ? null : done);
              }}
            />
          )}
        </div>
      )}
      {opportunities.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'directory.opportunities.loading' })}</LoadingMessage>
      ) : badFilter ? null : opportunities.isError && !opportunities.isFetchNextPageError ? (
        <ProblemMessage error={opportunities.error} onRetry={() => void opportunities.refetch()} />
      ) : (
        <section aria-labelledby="opportunities-results">
          <h2 id="opportunities-results">{formatMessage({ id: 'directory.results.title' })}</h2>
          <p role="status" className="result-count">
            {items.length === 0 ? formatMessage({ id: 'directory.opportunities.empty' }) : formatMessage({ id: 'directory.opportunities.count' }, { count: items.length })}
          </p>
          <ul className="result-list" role="list">
            {items.map((item, index) => (
              <li key={item.id} className="result-list__item">
                <h3 className="result-list__title" tabIndex={-1} ref={itemRef(index)}>
                  {item.title}
                </h3>
                <p className="result-list__meta">
                  {formatMessage(OPPORTUNITY_KIND_MESSAGES[item.kind])} · {sectorLabel(item.isicCode)}
                  {item.territoryName ? ` · ${item.territoryName}` : ''}
                </p>
                <p>{item.description}</p>
                {(item.contactName || item.contactEmail || item.contactPhone) && (
                  <p>{formatMessage({ id: 'directory.opportunities.contact' }, { contact: [item.contactName, item.contactEmail, item.contactPhone].filter(Boolean).join(' · ') })}</p>
                )}
                {canEdit && item.canEdit && editing === null && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={formatMessage({ id: 'directory.opportunity_form.edit_named' }, { title: item.title })}
                    onClick={() => {
                      setOutcome(null);
                      setEditing(item.id);
                    }}
                  >
                    {formatMessage({ id: 'directory.opportunity_form.edit' })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {opportunities.hasNextPage && (
            <LoadMoreButton
              loading={opportunities.isFetchingNextPage}
              onLoadMore={() => {
                beforeLoad();
                void opportunities.fetchNextPage();
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
