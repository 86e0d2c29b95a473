import type { OrganisationView } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useOrganisation } from '../api/get-organisation';
import { ORGANISATION_TYPE_MESSAGES } from '../utils/organisation-messages';
import { languageName, territoryById, type TerritoryOption } from '../utils/territory-lookup';

interface OrganisationDetailsProps {
  organisation: OrganisationView;
  territories: readonly TerritoryOption[] | undefined;
}

/** What anyone on the network's staff may know of an organisation. */
export function OrganisationDetails({ organisation, territories }: OrganisationDetailsProps) {
  const { formatMessage, locale } = useIntl();
  const byId = territoryById(territories);
  const host = useOrganisation(organisation.hostOrganisationId);
  const territoryName = (id: string) => {
    const territory = byId.get(id);
    return territory ? <span lang={territory.nameLocale}>{territory.name}</span> : formatMessage({ id: 'organisations.details.unknown_territory' });
  };
  const none = formatMessage({ id: 'organisations.details.none' });

  return (
    <dl className="details-list">
      <div>
        <dt>{formatMessage({ id: 'organisations.details.type' })}</dt>
        <dd>{formatMessage(ORGANISATION_TYPE_MESSAGES[organisation.type])}</dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.home_territory' })}</dt>
        <dd>{territoryName(organisation.homeTerritoryId)}</dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.served_territories' })}</dt>
        <dd>
          {organisation.servedTerritoryIds.length === 0 ? (
            none
          ) : (
            <ul className="inline-list">
              {organisation.servedTerritoryIds.map((id) => (
                <li key={id}>{territoryName(id)}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {organisation.hostOrganisationId && (
        <div>
          <dt>{formatMessage({ id: 'organisations.details.host' })}</dt>
          <dd>
            <Link to={`/organisations/${organisation.hostOrganisationId}`}>
              {host.data?.name ?? formatMessage({ id: 'organisations.details.host_link' })}
            </Link>
          </dd>
        </div>
      )}
      <div>
        <dt>{formatMessage({ id: 'organisations.details.languages' })}</dt>
        <dd>
          {organisation.languages.length === 0
            ? none
            : new Intl.ListFormat(locale, { type: 'conjunction' }).format(organisation.languages.map((code) => languageName(code, locale)))}
        </dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.email' })}</dt>
        <dd>{organisation.email ? <a href={`mailto:${organisation.email}`}>{organisation.email}</a> : none}</dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.phone' })}</dt>
        <dd>{organisation.phone ? <a href={`tel:${organisation.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">{organisation.phone}</a> : none}</dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.website' })}</dt>
        <dd>
          {organisation.website ? (
            <a href={organisation.website} rel="noopener noreferrer" dir="ltr">
              {organisation.website}
            </a>
          ) : (
            none
          )}
        </dd>
      </div>
      <div>
        <dt>{formatMessage({ id: 'organisations.details.require_mfa' })}</dt>
        <dd>{formatMessage(organisation.requireMfa ? { id: 'organisations.details.yes' } : { id: 'organisations.details.no' })}</dd>
      </div>
    </dl>
  );
}
