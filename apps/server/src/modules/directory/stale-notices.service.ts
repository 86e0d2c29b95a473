import { resolveLocale, type Locale } from '@glocal/contracts';
import { pino } from 'pino';
import type { Config } from '../../config.js';
import { createAccess, type Access } from '../../platform/access/access.js';
import type { Actor, ActorMembership } from '../../platform/auth/actor.js';
import { createAuditTrail, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { translate } from '../../platform/i18n/translate.js';
import { createMailer, type Mailer } from '../../platform/mail/mailer.js';
import { findUserContacts } from '../auth/index.js';
import { staleNoticesRepository, type StaleServiceScope } from './stale-notices.repository.js';

type Deps = { db: Database; access: Access; audit: AuditTrail; mailer: Mailer; publicUrl: string };
export type StaleNoticesService = ReturnType<typeof createStaleNoticesService>;
export type StaleNoticesRound = { services: number; emails: number; failed: number };

/** A member as the access policy sees them: only their roles in the organisations concerned count. */
const reviewer = (userId: string, memberships: ActorMembership[]): Actor => ({
  userId,
  email: '',
  displayName: '',
  locale: 'en',
  kind: 'staff',
  memberships,
  csrfToken: '',
  sessionTokenHash: '',
});

/** Noon UTC, so the day printed is the day stored whatever the server's time zone. */
const dayAsTime = (day: string) => Date.parse(`${day}T12:00:00Z`);

export function createStaleNoticesService({ db, access, audit, mailer, publicUrl }: Deps) {
  const base = publicUrl.replace(/\/+$/, '');

  /**
   * Who hears about each service: whoever would find it in their review list, as the access layer
   * decides `directory:review` (the owner organisation's staff; desk staff and officers of the
   * territories containing it). Platform-wide roles are not written to.
   */
  async function reviewersByUser(scopes: StaleServiceScope[]): Promise<Map<string, string[]>> {
    const organisationIds = [...new Set(scopes.flatMap((scope) => [...(scope.ownerOrganisationId ? [scope.ownerOrganisationId] : []), ...scope.organisationIds]))];
    const memberships = new Map<string, ActorMembership[]>();
    for (const member of await staleNoticesRepository(db).membersOf(organisationIds)) {
      memberships.set(member.userId, [...(memberships.get(member.userId) ?? []), { organisationId: member.organisationId, role: member.role }]);
    }
    const services = new Map<string, string[]>();
    for (const [userId, held] of memberships) {
      const actor = reviewer(userId, held);
      const reviewed = scopes.filter((scope) =>
        access.can(actor, 'directory:review', { organisationId: scope.ownerOrganisationId, organisationIds: scope.organisationIds }),
      );
      if (reviewed.length > 0) services.set(userId, reviewed.map((scope) => scope.serviceId));
    }
    return services;
  }

  return {
    /**
     * E-mails each reviewer one digest of the services gone stale since the last round, each with a
     * link to its page, in the reader's language. Services are claimed (their staleness period
     * marked notified) before any e-mail goes out, outside a transaction; a service whose every
     * e-mail failed is released, so the next round tries again. A re-run sends nothing new.
     */
    async sendNotices(): Promise<StaleNoticesRound> {
      const claimed = await db.transaction().execute((trx) => staleNoticesRepository(trx).claim());
      if (claimed.length === 0) return { services: 0, emails: 0, failed: 0 };
      const repository = staleNoticesRepository(db);
      const byUser = await reviewersByUser(await repository.scopes(claimed));
      const summaries = new Map((await repository.summaries(claimed)).map((row) => [row.id, row]));
      const addressed = new Set<string>();
      const delivered = new Set<string>();
      let emails = 0;
      let failed = 0;
      for (const contact of await findUserContacts(db, [...byUser.keys()])) {
        const locale = resolveLocale(contact.locale) as Locale;
        const serviceIds = byUser.get(contact.id)!;
        const lines = serviceIds
          .map((serviceId) => summaries.get(serviceId)!)
          .map((service) => ({ service, name: service.names[locale] ?? service.name, organization: service.organizationNames[locale] ?? service.organizationName }))
          .sort((a, b) => a.name.localeCompare(b.name, locale))
          .map(({ service, name, organization }) =>
            translate(locale, 'mail.directory_stale_notice.line', {
              name,
              organization,
              verified: service.lastVerified ? 'on' : 'never',
              date: service.lastVerified ? dayAsTime(service.lastVerified) : 0,
              link: `${base}/directory/services/${service.id}`,
            }),
          );
        for (const serviceId of serviceIds) addressed.add(serviceId);
        const params = { count: lines.length, services: lines.join('\n') };
        const delivery = await mailer.send({
          to: contact.email,
          locale,
          subject: translate(locale, 'mail.directory_stale_notice.subject', params),
          text: `${translate(locale, 'mail.directory_stale_notice.body', params)}\n\n-- \n${translate(locale, 'mail.signature')}`,
        });
        if (delivery === 'failed') {
          failed += 1;
        } else {
          emails += 1;
          for (const serviceId of serviceIds) delivered.add(serviceId);
        }
      }
      // Told nobody although someone should have been (every e-mail failed): the next round tries again.
      // A service nobody reviews stays marked; it is still in the review list of platform staff.
      const undelivered = claimed.filter((serviceId) => addressed.has(serviceId) && !delivered.has(serviceId));
      await repository.release(undelivered);
      const notified = claimed.filter((serviceId) => delivered.has(serviceId));
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor: null,
          action: 'directory.stale_notices_sent',
          details: { services: notified.length, serviceIds: notified, unreached: claimed.length - notified.length - undelivered.length, released: undelivered.length, emails, failed },
        }),
      );
      return { services: notified.length, emails, failed };
    },
  };
}

/** One round of notices outside the server (`npm run glocal -- directory notify-stale`), with the app's own mail settings. */
export async function runStaleNotices(db: Database, config: Config): Promise<StaleNoticesRound> {
  const log = pino({ level: config.logLevel });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const audit = createAuditTrail();
  try {
    return await createStaleNoticesService({ db, access: createAccess({ db, audit }), audit, mailer, publicUrl: config.publicUrl }).sendNotices();
  } finally {
    await mailer.close();
  }
}
