import type { ConsentDataCategory, DocumentKind } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

/** Each enumerated value's words, as descriptors the catalogue test can see. */
export const DATA_CATEGORY_MESSAGES: Record<ConsentDataCategory, MessageDescriptor> = {
  identity: { id: 'case_collaboration.category.identity' },
  contact: { id: 'case_collaboration.category.contact' },
  request: { id: 'case_collaboration.category.request' },
  business_project: { id: 'case_collaboration.category.business_project' },
  documents: { id: 'case_collaboration.category.documents' },
  financing: { id: 'case_collaboration.category.financing' },
};

export const CONSENT_METHOD_MESSAGES: Record<string, MessageDescriptor> = {
  signed_form: { id: 'case_collaboration.method.signed_form' },
  in_person: { id: 'case_collaboration.method.in_person' },
  email: { id: 'case_collaboration.method.email' },
  online_form: { id: 'case_collaboration.method.online_form' },
};

export const LEGAL_BASIS_MESSAGES: Record<string, MessageDescriptor> = {
  consent: { id: 'case_collaboration.legal_basis.consent' },
  vital_interests: { id: 'case_collaboration.legal_basis.vital_interests' },
  legal_obligation: { id: 'case_collaboration.legal_basis.legal_obligation' },
  public_task: { id: 'case_collaboration.legal_basis.public_task' },
};

export const REFERRAL_STATUS_MESSAGES: Record<string, MessageDescriptor> = {
  pending: { id: 'case_collaboration.referral_status.pending' },
  accepted: { id: 'case_collaboration.referral_status.accepted' },
  declined: { id: 'case_collaboration.referral_status.declined' },
  cancelled: { id: 'case_collaboration.referral_status.cancelled' },
};

export const DOCUMENT_KIND_MESSAGES: Record<DocumentKind, MessageDescriptor> = {
  business_plan: { id: 'case_collaboration.document_kind.business_plan' },
  financing_plan: { id: 'case_collaboration.document_kind.financing_plan' },
  consent_form: { id: 'case_collaboration.document_kind.consent_form' },
  identity: { id: 'case_collaboration.document_kind.identity' },
  qualification: { id: 'case_collaboration.document_kind.qualification' },
  other: { id: 'case_collaboration.document_kind.other' },
};

/** What a refused referral lacks, as `referral.consent_missing` lists it; a data category is named by the caller. */
export function missingItemMessage(item: string): { descriptor: MessageDescriptor; category?: ConsentDataCategory } {
  if (item === 'consent') return { descriptor: { id: 'case_collaboration.missing.consent' } };
  if (item === 'recipient_country') return { descriptor: { id: 'case_collaboration.missing.recipient_country' } };
  if (item === 'validity') return { descriptor: { id: 'case_collaboration.missing.validity' } };
  const category = item.replace(/^data_category\./, '');
  if (category in DATA_CATEGORY_MESSAGES) return { descriptor: { id: 'case_collaboration.missing.data_category' }, category: category as ConsentDataCategory };
  return { descriptor: { id: 'case_collaboration.missing.other' } };
}

export const STAGE_MESSAGES: Record<string, MessageDescriptor> = {
  idea: { id: 'case_collaboration.stage.idea' },
  identification: { id: 'case_collaboration.stage.identification' },
  elaboration: { id: 'case_collaboration.stage.elaboration' },
  formalisation: { id: 'case_collaboration.stage.formalisation' },
  creation: { id: 'case_collaboration.stage.creation' },
  follow_up: { id: 'case_collaboration.stage.follow_up' },
};
