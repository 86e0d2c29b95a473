import { useParams } from 'react-router';
import { PartnershipDetail } from '../../features/partnerships/components/partnership-detail';

export function PartnershipRoute() {
  const { partnershipId = '' } = useParams();
  return <PartnershipDetail key={partnershipId} partnershipId={partnershipId} />;
}
