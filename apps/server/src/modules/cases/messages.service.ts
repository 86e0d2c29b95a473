import { randomUUID } from 'node:crypto';
import { resolveLocale, type CaseMessageView } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Database } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { translatedMail } from '../../platform/mail/translated-mail.js';
import { messagesRepository, type MessageRow } from './messages.repository.js';
import { personContext } from './people.service.js';
import { iso, loadCollaborationScope, requireLead } from './referrals.scope.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; cipher: FieldCipher; mailer: Mailer; publicUrl: string };

export type MessagesService = ReturnType<typeof createMessagesService>;

/** The associated data binding a message body to its row. */
export const messageContext = (messageId: string) => `case_message.body:${messageId}`;

/**
 * The thread between the person and the desk that leads their case. Bodies are stored encrypted;
 * every read is audited. Each new message is announced by e-mail to the other side after commit,
 * with a link only: what was written never travels by e-mail.
 */
export function createMessagesService({ db, access, audit, cipher, mailer, publicUrl }: Deps) {
  const base = publicUrl.replace(/\/+$/, '');
  const toView = (row: MessageRow): CaseMessageView => ({
    id: row.id,
    caseId: row.caseId,
    sender: row.sender,
    authorName: row.sender === 'staff' ? row.authorName : null,
    body: cipher.decrypt(row.bodyEncrypted, messageContext(row.id)),
    createdAt: iso(row.createdAt)!,
    readAt: iso(row.readAt),
  });

  async function scopeOrThrow(caseId: string) {
    const scope = await loadCollaborationScope(db, caseId);
    if (!scope) throw new NotFoundError('not_found');
    return scope;
  }

  /** Reads the thread, marking the other side's messages read; audited. */
  async function thread(actor: Actor, caseId: string, reader: 'person' | 'staff', organisationId: string | null, request?: Request) {
    return db.transaction().execute(async (trx) => {
      const rows = await messagesRepository(trx).listForCase(caseId);
      await messagesRepository(trx).markRead(caseId, reader === 'staff' ? 'person' : 'staff');
      await audit.record(trx, {
        actor, action: 'message.thread_read', subject: { type: 'case', id: caseId }, organisationId,
        details: { messageIds: rows.map((r) => r.id), by: reader }, ...(request ? { request } : {}),
      });
      return { items: rows.map(toView), nextCursor: null };
    });
  }

  async function write(actor: Actor, caseId: string, body: string, sender: 'person' | 'staff', organisationId: string | null, request?: Request) {
    const id = randomUUID();
    const view = await db.transaction().execute(async (trx) => {
      await messagesRepository(trx).insert({ id, caseId, sender, authorUserId: actor.userId, bodyEncrypted: cipher.encrypt(body, messageContext(id)) });
      await trx.updateTable('supportCase').set({ updatedAt: new Date() }).where('id', '=', caseId).execute();
      await audit.record(trx, {
        actor, action: 'message.sent', subject: { type: 'case', id: caseId }, organisationId,
        details: { messageId: id, by: sender }, ...(request ? { request } : {}),
      });
      const rows = await messagesRepository(trx).listForCase(caseId);
      return toView(rows.find((r) => r.id === id)!);
    });
    await notify(caseId, sender);
    return view;
  }

  /** After commit: tell the other side, in their language, that a message waits behind a link. */
  async function notify(caseId: string, sender: 'person' | 'staff') {
    const to = await messagesRepository(db).recipients(caseId);
    if (sender === 'staff') {
      if (!to.emailEncrypted || to.erasedAt) return;
      const email = cipher.decrypt(to.emailEncrypted, personContext('email', to.personId));
      mailer.sendInBackground(
        translatedMail(email, resolveLocale(to.preferredLocale), 'case_message_to_person', { name: to.givenName, reference: to.reference, link: `${base}/my-requests/${caseId}` }),
      );
    } else if (to.coachEmail) {
      mailer.sendInBackground(
        translatedMail(to.coachEmail, resolveLocale(to.coachLocale), 'case_message_to_coach', { name: to.coachName ?? '', reference: to.reference, link: `${base}/cases/${caseId}` }),
      );
    }
  }

  return {
    async list(actor: Actor | null, caseId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const staff = await requireLead(access, actor, 'cases:read', scope, request);
      return thread(staff, caseId, 'staff', scope.leadDeskId, request);
    },

    async post(actor: Actor | null, caseId: string, body: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const staff = await requireLead(access, actor, 'cases:update', scope, request);
      return write(staff, caseId, body, 'staff', scope.leadDeskId, request);
    },

    /** For self-service, once the caller has checked the person owns the case. */
    ownThread: (actor: Actor, caseId: string, request?: Request) => thread(actor, caseId, 'person', null, request),
    writeOwn: (actor: Actor, caseId: string, body: string, request?: Request) => write(actor, caseId, body, 'person', null, request),
    /** The stored rows, for the person's data export (which decrypts and audits them itself). */
    ownThreadRows: (caseId: string) => messagesRepository(db).listForCase(caseId),
  };
}
