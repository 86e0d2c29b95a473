import type { Executor } from '../../platform/db/database.js';

export type MessageRow = {
  id: string;
  caseId: string;
  sender: 'person' | 'staff';
  authorUserId: string | null;
  authorName: string | null;
  bodyEncrypted: string;
  createdAt: Date;
  readAt: Date | null;
};

export const messagesRepository = (db: Executor) => ({
  listForCase: (caseId: string): Promise<MessageRow[]> =>
    db
      .selectFrom('caseMessage')
      .leftJoin('appUser', 'appUser.id', 'caseMessage.authorUserId')
      .select([
        'caseMessage.id', 'caseMessage.caseId', 'caseMessage.sender', 'caseMessage.authorUserId', 'appUser.displayName as authorName',
        'caseMessage.bodyEncrypted', 'caseMessage.createdAt', 'caseMessage.readAt',
      ])
      .where('caseMessage.caseId', '=', caseId)
      .orderBy('caseMessage.createdAt')
      .orderBy('caseMessage.id')
      .limit(1000)
      .execute(),

  insert: (row: { id: string; caseId: string; sender: 'person' | 'staff'; authorUserId: string | null; bodyEncrypted: string }) =>
    db.insertInto('caseMessage').values(row).returning(['id', 'createdAt']).executeTakeFirstOrThrow(),

  /** The other side's messages are read once this side opens the thread. */
  markRead: (caseId: string, fromSender: 'person' | 'staff') =>
    db.updateTable('caseMessage').set({ readAt: new Date() }).where('caseId', '=', caseId).where('sender', '=', fromSender).where('readAt', 'is', null).execute(),

  /** Who to tell: the person (their e-mail, name, language) and the coach who follows the case. */
  recipients: (caseId: string) =>
    db
      .selectFrom('supportCase')
      .innerJoin('person', 'person.id', 'supportCase.personId')
      .leftJoin('appUser as coach', 'coach.id', 'supportCase.assignedCoachId')
      .select([
        'supportCase.reference', 'person.id as personId', 'person.givenName', 'person.emailEncrypted', 'person.preferredLocale', 'person.erasedAt',
        'coach.email as coachEmail', 'coach.displayName as coachName', 'coach.locale as coachLocale',
      ])
      .where('supportCase.id', '=', caseId)
      .executeTakeFirstOrThrow(),
});
