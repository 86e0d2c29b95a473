import type { CaseServiceReferralOutcome, OpportunityKind, ServiceStatus, TargetGroup } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

export const TARGET_GROUP_MESSAGES: Record<TargetGroup, MessageDescriptor> = {
  women: { id: 'directory.group.women' },
  youth: { id: 'directory.group.youth' },
  diaspora: { id: 'directory.group.diaspora' },
  returnees: { id: 'directory.group.returnees' },
  refugees: { id: 'directory.group.refugees' },
  entrepreneurs: { id: 'directory.group.entrepreneurs' },
  farmers: { id: 'directory.group.farmers' },
  students: { id: 'directory.group.students' },
};

export const SERVICE_STATUS_MESSAGES: Record<ServiceStatus, MessageDescriptor> = {
  active: { id: 'directory.edit.status.active' },
  inactive: { id: 'directory.edit.status.inactive' },
  defunct: { id: 'directory.edit.status.defunct' },
  'temporarily closed': { id: 'directory.edit.status.temporarily_closed' },
};

export const OUTCOME_MESSAGES: Record<CaseServiceReferralOutcome, MessageDescriptor> = {
  pending: { id: 'directory.case_referrals.outcome.pending' },
  received: { id: 'directory.case_referrals.outcome.received' },
  not_received: { id: 'directory.case_referrals.outcome.not_received' },
};

export const OPPORTUNITY_KIND_MESSAGES: Record<OpportunityKind, MessageDescriptor> = {
  value_chain: { id: 'directory.opportunities.kind.value_chain' },
  investment: { id: 'directory.opportunities.kind.investment' },
  income_generating: { id: 'directory.opportunities.kind.income_generating' },
};

/** The import's row-level reasons (codes from the server's HSDS validator). */
export const IMPORT_REASON_MESSAGES: Record<string, MessageDescriptor> = {
  required: { id: 'directory.import.reason.required' },
  invalid_encoding: { id: 'directory.import.reason.invalid_encoding' },
  invalid_uuid: { id: 'directory.import.reason.invalid_uuid' },
  invalid_email: { id: 'directory.import.reason.invalid_email' },
  invalid_uri: { id: 'directory.import.reason.invalid_uri' },
  invalid_number: { id: 'directory.import.reason.invalid_number' },
  out_of_range: { id: 'directory.import.reason.out_of_range' },
  invalid_date: { id: 'directory.import.reason.invalid_date' },
  invalid_datetime: { id: 'directory.import.reason.invalid_datetime' },
  invalid_time: { id: 'directory.import.reason.invalid_time' },
  invalid_boolean: { id: 'directory.import.reason.invalid_boolean' },
  not_in_enum: { id: 'directory.import.reason.not_in_enum' },
  pattern_mismatch: { id: 'directory.import.reason.pattern_mismatch' },
  invalid_currency: { id: 'directory.import.reason.invalid_currency' },
  unknown_file: { id: 'directory.import.reason.unknown_file' },
  unknown_column: { id: 'directory.import.reason.unknown_column' },
  missing_column: { id: 'directory.import.reason.missing_column' },
  duplicate_column: { id: 'directory.import.reason.duplicate_column' },
  duplicate_id: { id: 'directory.import.reason.duplicate_id' },
  duplicate_value: { id: 'directory.import.reason.duplicate_value' },
  dangling_reference: { id: 'directory.import.reason.dangling_reference' },
  references_rejected_row: { id: 'directory.import.reason.references_rejected_row' },
  unknown_taxonomy_term: { id: 'directory.import.reason.unknown_taxonomy_term' },
  unknown_territory: { id: 'directory.import.reason.unknown_territory' },
  outside_actor_territories: { id: 'directory.import.reason.outside_actor_territories' },
  not_a_scalar: { id: 'directory.import.reason.not_a_scalar' },
  not_an_object: { id: 'directory.import.reason.not_an_object' },
  coordinates_incomplete: { id: 'directory.import.reason.coordinates_incomplete' },
  unknown_isic_code: { id: 'directory.import.reason.unknown_isic_code' },
  malformed_csv: { id: 'directory.import.reason.malformed_csv' },
};

/** iCalendar BYDAY codes, as weekday names in `locale` (a known Monday, 2024-01-01, as reference). */
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export function weekdayNames(byday: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });
  return list.format(
    byday
      .split(',')
      .map((code) => DAYS.indexOf(code.trim().slice(-2)))
      .filter((index) => index >= 0)
      .map((index) => format.format(new Date(Date.UTC(2024, 0, 1 + index)))),
  );
}
