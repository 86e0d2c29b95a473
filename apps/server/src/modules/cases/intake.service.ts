import { randomUUID } from 'node:crypto';
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
import { poolRandomBytes } from '../../platform/crypto/random-pool.js';
import { batchWhileBusy } from '../../platform/db/batch-while-busy.js';
import { snakeCase } from '../../platform/db/column-names.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, BadRequestError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { translatedMail } from '../../platform/mail/translated-mail.js';
import type { DuplicateCandidate } from './duplicates.repository.js';
import { intakeRepository, type AdmissionInput, type IntakeDesk, type SubmissionRows } from './intake.repository.js';
import type { PeopleProtection } from './people.service.js';

type PersonValues = ReturnType<PeopleProtection['personValues']>;

type Client = { ip: string; id: string };
type Deps = { db: Database; mailer: Mailer; people: PeopleProtection; publicUrl: string; rateLimitPerHour: number };

// Crockford's base32: no I, L, O, U, so a reference read aloud or copied by hand stays unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RATE_WINDOW_MS = 60 * 60_000;

/**
 * A reference the person keeps: 12 characters of Crockford base32 from the system's CSPRNG, 60
 * random bits (each byte's low 5 bits: 256 is a multiple of 32, so no character is favoured).
 * Random, not a sequence: knowing one reference tells nothing about another.
 */
export function newReference(): string {
  const chars = [...poolRandomBytes(12)].map((byte) => CROCKFORD[byte & 31]).join('');
  return `GLC-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export type IntakeService = ReturnType<typeof createIntakeService>;

/**
 * The public intake: a person with no account asks a desk for help. Everything is written in one
 * transaction (person, processing consent, case, business project, possible duplicates, audit),
 * or nothing is; the confirmation e-mail goes after the commit.
 */
export function createIntakeService({ db, mailer, people, publicUrl, rateLimitPerHour }: Deps) {
  // Submissions arriving while others are being checked or written share their statements (see
  // batchWhileBusy). Checks may run two at a time; writes one at a time, as the audit chain's lock
  // would serialise them anyway.
  const admitAll = batchWhileBusy(
    async (submissions: AdmissionInput[]) => {
      const now = new Date();
      const admissions = await intakeRepository(db).admit(now, new Date(now.getTime() - RATE_WINDOW_MS), submissions);
      return admissions.map((admission) => ({ now, admission }));
    },
    { concurrency: 2 },
  );
  const insertSubmission = batchWhileBusy(async (submissions: SubmissionRows[]) => {
    await intakeRepository(db).insertSubmissions(submissions);
    return submissions.map(() => undefined);
  });

  /**
   * Counts the submission against its client address (a fixed one-hour window, in the database so
   * every app process shares the count: the sign-in throttle's table, on keys of its own), checks
   * that the territories exist and that a desk takes the request, and finds the people it may
   * duplicate: one round trip, shared with the submissions checked at the same time.
   */
  async function admit(input: IntakeBody, client: Client, person: PersonValues): Promise<{ desk: IntakeDesk; candidates: DuplicateCandidate[] }> {
    const wanted: [string, string | undefined][] = [
      ['/person/residenceTerritoryId', input.person.residenceTerritoryId],
      ['/person/originTerritoryId', input.person.originTerritoryId],
      ['/businessProject/setupTerritoryId', input.businessProject?.setupTerritoryId],
    ];
    const { now, admission } = await admitAll({
      throttleKey: `intake:ip:${client.ip}`,
      territoryIds: wanted.flatMap(([, id]) => (id ? [id] : [])),
      deskId: input.deskId ?? null,
      residenceTerritoryId: input.person.residenceTerritoryId,
      normalisedName: person.normalisedName,
      emailHash: person.emailHash,
      phoneHash: person.phoneHash,
      birthDateHash: person.birthDateHash,
    });
    if (admission.submissions > rateLimitPerHour) {
      const retryAfterSeconds = Math.max(1, Math.ceil((admission.windowStartedAt.getTime() + RATE_WINDOW_MS - now.getTime()) / 1000));
      throw new AppError('rate_limited', 429, { retryAfterSeconds });
    }
    const errors: ProblemFieldError[] = wanted
      .filter(([, id]) => id && !admission.known.has(id))
      .map(([pointer]) => ({ pointer, in: 'body', code: 'unknown_territory' }));
    if (errors.length > 0) throw new BadRequestError('intake.unknown_territory', {}, errors);
    if (admission.desk) return { desk: admission.desk, candidates: admission.candidates };
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
      const person = people.personValues({ ...input.person, preferredLocale: input.locale });
      const { desk, candidates } = await admit(input, client, person);
      const email = input.person.email;

      // A bot filled the field people never see: answer as a success would, keep nothing.
      if (input.website && input.website.trim() !== '') {
        return { reference: newReference(), deskName: desk.name, confirmationEmail: Boolean(email) };
      }

      // 60 random bits: a clash is astronomically rare; the unique index has the last word, and
      // the whole request is then written again under a new reference.
      for (let attempt = 1; ; attempt++) {
        try {
          return await store(input, person, desk, candidates, client, email);
        } catch (error) {
          if (attempt >= 3 || !isReferenceClash(error)) throw error;
        }
      }
    },
  };

  async function store(
    input: IntakeBody,
    person: PersonValues,
    desk: IntakeDesk,
    candidates: DuplicateCandidate[],
    client: Client,
    email: string | undefined,
  ): Promise<IntakeReceiptView> {
    const reference = newReference();
    const caseId = randomUUID();
    const project = input.requestKind === 'business_project' ? input.businessProject : undefined;
    await insertSubmission({
      person: snakeCaseKeys(person),
      supportCase: {
        id: caseId,
        reference,
        person_id: person.id,
        desk_id: desk.id,
        request_kind: input.requestKind,
        need_encrypted: people.encryptNeed(caseId, input.need),
        source: 'intake_form',
        intake_locale: input.locale,
      },
      consent: {
        person_id: person.id,
        case_id: caseId,
        kind: 'processing',
        purpose: 'support_request',
        data_categories: ['identity', 'contact', 'request'],
        legal_basis: 'consent',
        method: 'online_form',
        policy_version: input.consent.policyVersion,
      },
      businessProjects: project
        ? [
            {
              case_id: caseId,
              idea: project.idea,
              isic_section: project.isicSection ?? null,
              isic_division: project.isicDivision ?? null,
              setup_territory_id: project.setupTerritoryId ?? null,
              own_funds_amount: project.funds?.own ?? null,
              needed_amount: project.funds?.needed ?? null,
              currency: project.funds && (project.funds.own || project.funds.needed) ? project.funds.currency : null,
            },
          ]
        : [],
      duplicates: candidates.map((candidate) => ({ person_id: person.id, duplicate_of_person_id: candidate.personId, matched_on: candidate.matchedOn })),
      // No personal data in the trail: the case and person ids say where to look.
      audited: {
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
      },
    });

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

/** `{ givenName: … }` as the table's columns, `{ given_name: … }`: the JSON rows of the hand-written insert. */
const snakeCaseKeys = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]));

const isReferenceClash = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' && /reference/.test(String((error as { constraint?: string }).constraint ?? (error as Error).message));
