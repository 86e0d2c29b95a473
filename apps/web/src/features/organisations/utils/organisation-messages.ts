import type { InvitationStatus, OrganisationType } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

/** Each organisation type's name; a Record, so a type added to the contracts fails to compile until named. */
export const ORGANISATION_TYPE_MESSAGES: Record<OrganisationType, MessageDescriptor> = {
  local_authority: { id: 'organisations.type.local_authority' },
  help_desk: { id: 'organisations.type.help_desk' },
  bank: { id: 'organisations.type.bank' },
  credit_union: { id: 'organisations.type.credit_union' },
  microfinance: { id: 'organisations.type.microfinance' },
  mutual: { id: 'organisations.type.mutual' },
  money_transfer_operator: { id: 'organisations.type.money_transfer_operator' },
  employer: { id: 'organisations.type.employer' },
  public_employment_service: { id: 'organisations.type.public_employment_service' },
  ngo: { id: 'organisations.type.ngo' },
  migrant_association: { id: 'organisations.type.migrant_association' },
  chamber_of_commerce: { id: 'organisations.type.chamber_of_commerce' },
  training_centre: { id: 'organisations.type.training_centre' },
  university: { id: 'organisations.type.university' },
  trade_union: { id: 'organisations.type.trade_union' },
  national_agency: { id: 'organisations.type.national_agency' },
};

export { ROLE_MESSAGES } from '../../../lib/role-messages';

export const INVITATION_STATUS_MESSAGES: Record<InvitationStatus, MessageDescriptor> = {
  pending: { id: 'organisations.invitations.status.pending' },
  expired: { id: 'organisations.invitations.status.expired' },
  accepted: { id: 'organisations.invitations.status.accepted' },
  revoked: { id: 'organisations.invitations.status.revoked' },
};
