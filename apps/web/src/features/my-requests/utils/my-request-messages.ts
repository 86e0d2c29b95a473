import type { MessageDescriptor } from 'react-intl';

export const STAGE_MESSAGES: Record<string, MessageDescriptor> = {
  idea: { id: 'my_requests.stage.idea' },
  identification: { id: 'my_requests.stage.identification' },
  elaboration: { id: 'my_requests.stage.elaboration' },
  formalisation: { id: 'my_requests.stage.formalisation' },
  creation: { id: 'my_requests.stage.creation' },
  follow_up: { id: 'my_requests.stage.follow_up' },
};

/** What comes next for the person at each stage, in plain words. */
export const NEXT_STEP_MESSAGES: Record<string, MessageDescriptor> = {
  idea: { id: 'my_requests.next.idea' },
  identification: { id: 'my_requests.next.identification' },
  elaboration: { id: 'my_requests.next.elaboration' },
  formalisation: { id: 'my_requests.next.formalisation' },
  creation: { id: 'my_requests.next.creation' },
  follow_up: { id: 'my_requests.next.follow_up' },
};

export const STATUS_MESSAGES: Record<string, MessageDescriptor> = {
  new: { id: 'my_requests.status.new' },
  active: { id: 'my_requests.status.active' },
  waiting: { id: 'my_requests.status.waiting' },
  closed: { id: 'my_requests.status.closed' },
};

export const ERASURE_STATUS_MESSAGES: Record<string, MessageDescriptor> = {
  pending: { id: 'my_requests.erasure.status.pending' },
  completed: { id: 'my_requests.erasure.status.completed' },
  partially_completed: { id: 'my_requests.erasure.status.partially_completed' },
  refused: { id: 'my_requests.erasure.status.refused' },
};

export const RETAINED_MESSAGES: Record<string, MessageDescriptor> = {
  consent_records: { id: 'my_requests.erasure.retain.consent_records' },
  financing_records: { id: 'my_requests.erasure.retain.financing_records' },
};
