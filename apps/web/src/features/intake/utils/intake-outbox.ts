import type { IntakeBody } from '@glocal/contracts';
import type { IntakeDraft } from './intake-draft';

/**
 * Requests written while offline, kept on the device (localStorage) until they can be sent: the
 * page sends them when the connection returns, or the next time it opens. Small, synchronous and
 * available in every browser, unlike background sync, which only some browsers have.
 */
const KEY = 'glocal.intake.outbox';

export interface PendingIntake {
  key: string;
  savedAt: string;
  body: IntakeBody;
  /** What the form showed, to give it back to the person if the server refuses the request. */
  draft: IntakeDraft;
}

export function readOutbox(): PendingIntake[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? (stored as PendingIntake[]) : [];
  } catch {
    return [];
  }
}

function write(items: PendingIntake[]): void {
  if (items.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(items));
}

export function addToOutbox(body: IntakeBody, draft: IntakeDraft): PendingIntake {
  const item: PendingIntake = { key: `${Date.now()}-${Math.random().toString(36).slice(2)}`, savedAt: new Date().toISOString(), body, draft };
  write([...readOutbox(), item]);
  return item;
}

export function removeFromOutbox(key: string): void {
  write(readOutbox().filter((item) => item.key !== key));
}
