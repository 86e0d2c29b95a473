import { randomBytes, randomUUID } from 'node:crypto';
import {
  INTAKE_CURRENCIES,
  INTAKE_POLICY_VERSION,
  ISIC_SECTIONS,
  REQUEST_KINDS,
  resolveLocale,
  type IntakeBody,
  type IntakeOptionsView,
  type IntakeReceiptView,
  type ProblemFieldError,
} from '@glocal/contracts';
import { sql, type QueryCreator } from 'kysely';
import { auditAppendCall, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, BadRequestError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { translatedMail } from '../../platform/mail/translated-mail.js';
import { duplicatesRepository } from './duplicates.repository.js';
import { intakeRepository, type IntakeDesk } from './intake.repository.js';
import type { PeopleProtection } from './people.service.js';

type Client = { ip: string; id: string };
type Deps = { db: Database; audit: AuditTrail; mailer: Mailer; people: PeopleProtection; publicUrl: string; rateLimitPerHour: number };

// Crockford's base32: no I, L, O, U, so a reference read aloud or copied by hand stays unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RATE_WINDOW_MS = 60 * 60_000;

/**
 * A reference the person keeps: 12 characters of Crockford base32 from the system's CSPRNG, 60
 * random bits (each byte's low 5 bits: 256 is a multiple of 32, so no character is favoured).
 * Random, not a sequence: knowing one reference tells nothing about another.
 */
export function newReference(): string {
  const chars = [...randomBytes(12)].map((byte) => CROCKFORD[byte & 31]).join('');
  return `GLC-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export type IntakeService = ReturnType<typeof createIntakeService>;

/**
 * The public intake: a person with no account asks a desk for help. Everything is written in one
 * transaction (person, processing consent, case, business project, possible duplicates, audit),
 * or nothing is; the confirmation e-mail goes after the commit.
 */
export function createIntakeService({ db, audit, mailer, people, publicUrl, rateLimitPerHour }: Deps) {
  /**
   * Counts submissions per client address in a fixed one-hour window, in the database so every
   * app process shares the count (the sign-in throttle's table and pattern, on keys of its own).
   */
  async function throttle(client: Client): Promise<void> {
    const now = new Date();
    const windowStart = new Date(now.getTime() - RATE_WINDOW_MS);
    // One statement, committed on its own: every submission from an address updates the same row,
    // so its lock must be held for no longer than the statement itself.
    const { rows } = await sql<{ failures: number; windowStartedAt: Date }>`
      insert into sign_in_throttle as t (key, failures, window_started_at)
      values (${`intake:ip:${client.ip}`}, 1, ${now})
      on conflict (key) do update set
        failures = case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < ${windowStart} then ${now} else t.window_started_at end
      returning failures, window_started_at`.execute(db);
    const counted = rows[0]!;
    if (counted.failures <= rateLimitPerHour) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(counted.windowStartedAt).getTime() + RATE_WINDOW_MS - now.getTime()) / 1000));
    throw new AppError('rate_limited', 429, { retryAfterSeconds });
  }

  /** The territories must exist and a desk must take the request: both answered by one query. */
  async function territoriesAndDesk(input: IntakeBody): Promise<IntakeDesk> {
    const wanted: [string, string | undefined][] = [
      ['/person/residenceTerritoryId', input.person.residenceTerritoryId],
      ['/person/originTerritoryId', input.person.originTerritoryId],
      ['/businessProject/setupTerritoryId', input.businessProject?.setupTerritoryId],
    ];
    const { known, desk } = await intakeRepository(db).territoriesAndDesk(
      wanted.flatMap(([, id]) => (id ? [id] : [])),
      input.deskId,
      input.person.residenceTerritoryId,
    );
    const errors: ProblemFieldError[] = wanted
      .filter(([, id]) => id && !known.has(id))
      .map(([pointer]) => ({ pointer, in: 'body', code: 'unknown_territory' }));
    if (errors.length > 0) throw new BadRequestError('intake.unknown_territory', {}, errors);
    if (desk) return desk;
    if (input.deskId) throw new BadRequestError('intake.desk_not_found', {}, [{ pointer: '/deskId', in: 'body', code: 'unknown_desk' }]);
    throw new BadRequestError('intake.no_desk_for_territory', {}, [{ pointer: '/deskId', in: 'body', code: 'no_desk_for_territory' }]);
  }

  return {
    async options(locale: string): Promise<IntakeOptionsView> {
      const [desks, territories] = await Promise.all([intakeRepository(db).desks(), intakeRepository(db).territories(resolveLocale(locale))]);
      return {
        policyVersion: INTAKE_POLICY_VERSION,
        desks,
        territories,
        requestKinds: [...REQUEST_KINDS],
        currencies: [...INTAKE_CURRENCIES],
        sectors: Object.entries(ISIC_SECTIONS).map(([section, divisions]) => ({ section, divisions: [...divisions] })),
      };
    },

    async submit(input: IntakeBody, client: Client): Promise<IntakeReceiptView> {
      await throttle(client);
      const desk = await territoriesAndDesk(input);
      const email = input.person.email;

      // A bot filled the field people never see: answer as a success would, keep nothing.
      if (input.website && input.website.trim() !== '') {
        return { reference: newReference(), deskName: desk.name, confirmationEmail: Boolean(email) };
      }

      // 60 random bits: a clash is astronomically rare; the unique index has the last word, and
      // the whole request is then written again under a new reference.
      for (let attempt = 1; ; attempt++) {
        try {
          return await store(input, desk, client, email);
        } catch (error) {
          if (attempt >= 3 || !isReferenceClash(error)) throw error;
        }
      }
    },
  };

  async function store(input: IntakeBody, desk: IntakeDesk, client: Client, email: string | undefined): Promise<IntakeReceiptView> {
    const person = people.personValues({ ...input.person, preferredLocale: input.locale });
    const reference = newReference();
    const caseId = randomUUID();
    const hashes = people.lookupHashes(input.person);
    // Read before the write: the audit entry, hashed in JS, says how many were found.
    const candidates = await duplicatesRepository(db).candidates(
      { normalisedName: person.normalisedName, email: hashes.email, phone: hashes.phone, birthDate: hashes.birthDate },
      [desk.id],
      person.id,
    );
    const project = input.requestKind === 'business_project' ? input.businessProject : undefined;
    // No personal data in the trail: the case and person ids say where to look.
    const audited = auditAppendCall({
      actor: null,
      action: 'intake.submitted',
      subject: { type: 'case', id: caseId },
      organisationId: desk.id,
      details: {
        personId: person.id,
        requestKind: input.requestKind,
        policyVersion: input.consent.policyVersion,
        possibleDuplicates: candidates.length,
        ...(input.submittedOfflineAt ? { submittedOfflineAt: input.submittedOfflineAt } : {}),
      },
      request: client,
    });

    // The whole write is one statement, data-modifying CTEs with no explicit transaction: atomic on
    // its own, one round trip, and the audit chain lock (taken in audit_event_append) is held only
    // until this statement commits. Data-modifying CTEs always run; the audit one is a select, run
    // (once: each CTE it joins returns one row) because the final select reads it. Foreign keys are
    // checked at the statement's end.
    // Typed as the plain database: no CTE here reads another's rows, only the final select reads one.
    let write: QueryCreator<DB> = db
      .with('newPerson', (qc) => qc.insertInto('person').values(person).returning('id'))
      .with('newCase', (qc) =>
        qc
          .insertInto('supportCase')
          .values({
            id: caseId,
            reference,
            personId: person.id,
            deskId: desk.id,
            requestKind: input.requestKind,
            needEncrypted: people.encryptNeed(caseId, input.need),
            source: 'intake_form',
            intakeLocale: input.locale,
          })
          .returning('id'),
      )
      .with('newConsent', (qc) =>
        qc
          .insertInto('consent')
          .values({
            personId: person.id,
            caseId,
            kind: 'processing',
            purpose: 'support_request',
            dataCategories: ['identity', 'contact', 'request'],
            legalBasis: 'consent',
            method: 'online_form',
            policyVersion: input.consent.policyVersion,
            recordedBy: null,
          })
          .returning('id'),
      ) as unknown as QueryCreator<DB>;
    if (project) {
      write = write
        .with('newProject', (qc) =>
          qc
            .insertInto('businessProject')
            .values({
              caseId,
              idea: project.idea,
              isicSection: project.isicSection ?? null,
              isicDivision: project.isicDivision ?? null,
              setupTerritoryId: project.setupTerritoryId ?? null,
              ownFundsAmount: project.funds?.own ?? null,
              neededAmount: project.funds?.needed ?? null,
              currency: project.funds && (project.funds.own || project.funds.needed) ? project.funds.currency : null,
            })
            .returning('caseId'),
        )
        .with('newTransition', (qc) =>
          qc.insertInto('businessStageTransition').values({ caseId, fromStage: null, toStage: 'idea', movedBy: null, reason: 'intake' }).returning('id'),
        ) as unknown as QueryCreator<DB>;
    }
    if (candidates.length > 0) {
      write = write.with('newDuplicates', (qc) =>
        qc
          .insertInto('personDuplicate')
          .values(candidates.map((candidate) => ({ personId: person.id, duplicateOfPersonId: candidate.personId, matchedOn: candidate.matchedOn })))
          .onConflict((conflict) => conflict.columns(['personId', 'duplicateOfPersonId']).doNothing())
          .returning('id'),
      ) as unknown as QueryCreator<DB>;
    }
    // The append reads the inserted rows, so they are written first and the chain lock, taken by
    // the append, is held for as little of the statement as possible.
    // (as the database names them: the camel-case plugin maps the CTE names above to snake case)
    const written = ['new_person', 'new_case', 'new_consent', ...(project ? ['new_project', 'new_transition'] : [])];
    await write
      .with('audited', () => sql`(select ${audited} as appended from ${sql.join(written.map((name) => sql.table(name)), sql`, `)})`)
      .selectFrom('audited')
      .select('audited.appended')
      .execute();

    if (email) {
      mailer.sendInBackground(
        translatedMail(email, input.locale, 'intake_confirmation', {
          name: input.person.givenName,
          desk: desk.name,
          reference,
          link: `${publicUrl.replace(/\/+$/, '')}/my-requests`,
        }),
      );
    }
    return { reference, deskName: desk.name, confirmationEmail: Boolean(email) };
  }
}

const isReferenceClash = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' && /reference/.test(String((error as { constraint?: string }).constraint ?? (error as Error).message));
