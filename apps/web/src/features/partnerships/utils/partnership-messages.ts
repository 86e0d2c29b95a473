import type { PartnershipView } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

export const PARTNERSHIP_KIND_MESSAGES: Record<PartnershipView['kind'], MessageDescriptor> = {
  decentralised_cooperation: { id: 'partnerships.kind.decentralised_cooperation' },
  desk_network: { id: 'partnerships.kind.desk_network' },
  convention: { id: 'partnerships.kind.convention' },
  other: { id: 'partnerships.kind.other' },
};
