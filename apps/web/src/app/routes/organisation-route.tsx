import { useParams } from 'react-router';
import { OrganisationProfile } from '../../features/organisations/components/organisation-profile';
import { useTerritories } from '../../features/territories/api/get-territories';

export function OrganisationRoute() {
  const { organisationId = '' } = useParams();
  const territories = useTerritories();
  return <OrganisationProfile key={organisationId} organisationId={organisationId} territories={territories.data} />;
}
