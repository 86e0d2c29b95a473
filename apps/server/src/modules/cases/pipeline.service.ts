import { isicDivisionInSection, type BusinessProjectUpdateBody, type BusinessStage, type ProblemFieldError, type StageMoveBody } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, ConflictError } from '../../platform/errors/app-error.js';
import { currencyDigits } from '../reference/index.js';
import { createCaseGuard } from './cases.guard.js';
import { toBusinessProjectView } from './cases.mapper.js';
import { casesRepository } from './cases.repository.js';
import { amountFitsCurrency, checkMove, unknownChecklistItems } from './pipeline.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };

export type PipelineService = ReturnType<typeof createPipelineService>;

/** A business rule broken by a field of the body: 422 with the field's pointer. */
const unprocessable = (code: ConstructorParameters<typeof AppError>[0], errors: ProblemFieldError[], params: Record<string, unknown> = {}) =>
  new AppError(code, 422, params, errors);

export function createPipelineService({ db, access, audit }: Deps) {
  const guard = createCaseGuard(access);

  async function openProject(trx: Executor, caseId: string) {
    const repo = casesRepository(trx);
    const supportCase = (await repo.findCase(caseId))!;
    if (supportCase.status === 'closed') throw new ConflictError('case.already_closed', { caseId });
    const project = await repo.findProject(caseId);
    if (!project) throw new ConflictError('case.not_business_project', { caseId, requestKind: supportCase.requestKind });
    return project;
  }

  /** Checks what the body sets against the rules past its shape: ISIC pairs, currency decimals, the case's own documents. */
  async function checkFields(trx: Executor, caseId: string, merged: Record<string, unknown>, input: BusinessProjectUpdateBody) {
    const errors: ProblemFieldError[] = [];
    const repo = casesRepository(trx);
    if (merged.isicDivision && (!merged.isicSection || !isicDivisionInSection(String(merged.isicSection), String(merged.isicDivision)))) {
      errors.push({ pointer: '/isicDivision', code: 'not_in_section', params: { section: merged.isicSection ?? null } });
    }
    const currency = merged.currency as string | null;
    const digits = currency ? currencyDigits(currency) : undefined;
    if (currency && digits === undefined) errors.push({ pointer: '/currency', code: 'unknown_currency' });
    for (const field of ['ownFundsAmount', 'neededAmount'] as const) {
      const amount = merged[field] as string | null;
      if (amount === null || amount === undefined) continue;
      if (!currency) errors.push({ pointer: '/currency', code: 'required_with_amount' });
      else if (digits !== undefined && !amountFitsCurrency(amount, digits)) errors.push({ pointer: `/${field}`, code: 'too_precise', params: { currency, digits } });
    }
    if (input.setupTerritoryId && !(await repo.territoriesExist([input.setupTerritoryId]))) {
      errors.push({ pointer: '/setupTerritoryId', code: 'unknown_territory' });
    }
    for (const [field, kind] of [['businessPlanDocumentId', 'business_plan'], ['financingPlanDocumentId', 'financing_plan']] as const) {
      const documentId = input[field];
      if (documentId && !(await repo.documentOfCase(caseId, documentId))) errors.push({ pointer: `/${field}`, code: 'not_a_document_of_this_case', params: { kind } });
    }
    if (input.checklist) {
      for (const item of unknownChecklistItems(input.checklist)) errors.push({ pointer: `/checklist/${item}`, code: 'unknown_item' });
    }
    if (errors.length > 0) {
      const code = errors.some((e) => e.code === 'too_precise')
        ? 'case.amount_too_precise'
        : errors.some((e) => e.code === 'unknown_currency')
          ? 'case.unknown_currency'
          : errors.some((e) => e.code === 'not_in_section')
            ? 'case.isic_division_mismatch'
            : errors.some((e) => e.code === 'unknown_territory')
              ? 'case.territory_not_found'
              : errors.some((e) => e.code === 'not_a_document_of_this_case')
                ? 'case.document_not_found'
                : errors.some((e) => e.code === 'unknown_item')
                  ? 'case.checklist_item_unknown'
                  : 'validation_failed';
      throw unprocessable(code, errors);
    }
  }

  return {
    /** Sets the business project's fields (amounts exact, with their currency) and ticks checklist items. */
    async updateProject(actor: Actor | null, caseId: string, input: BusinessProjectUpdateBody, request: Request) {
      const { scope, actor: editor } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const before = await openProject(trx, caseId);
        const { checklist, ...fields } = input;
        const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        const merged: Record<string, unknown> = { ...before, ...set };
        await checkFields(trx, caseId, merged, input);
        const nextChecklist = checklist ? { ...(before.checklist ?? {}), ...checklist } : undefined;
        await trx
          .updateTable('businessProject')
          .set({ ...set, ...(nextChecklist ? { checklist: JSON.stringify(nextChecklist) } : {}), updatedAt: new Date() })
          .where('caseId', '=', caseId)
          .execute();
        await casesRepository(trx).touch(caseId);
        const after = (await casesRepository(trx).findProject(caseId))!;
        await audit.record(trx, {
          actor: editor,
          action: 'business_project.updated',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: {
            changes: changedFields(
              { ...before, checklist: before.checklist ?? {} } as Record<string, unknown>,
              Object.fromEntries(Object.keys({ ...set, ...(checklist ? { checklist } : {}) }).map((key) => [key, (after as Record<string, unknown>)[key]])),
            ),
          },
          request,
        });
        return toBusinessProjectView(after);
      });
    },

    /**
     * Moves the project one stage forward (when the next stage has all it requires) or one back
     * (with a reason). A refused move lists every missing field; the move and its audit record are
     * written together. Entering creation records the business as created (date, legal form).
     */
    async moveStage(actor: Actor | null, caseId: string, input: StageMoveBody, request: Request) {
      const { scope, actor: coach } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const project = await openProject(trx, caseId);
        const from = project.stage as BusinessStage;
        const check = checkMove(from, input.toStage, project as unknown as Record<string, unknown>, input.reason);
        if (!check.ok) {
          const status = check.code === 'case.stage_requirements_missing' || check.code === 'case.stage_reason_required' ? 422 : 409;
          throw new AppError(check.code, status, { from, to: input.toStage }, check.errors);
        }
        await trx.updateTable('businessProject').set({ stage: input.toStage, updatedAt: new Date() }).where('caseId', '=', caseId).execute();
        await trx
          .insertInto('businessStageTransition')
          .values({ caseId, fromStage: from, toStage: input.toStage, movedBy: coach.userId, reason: input.reason ?? null })
          .execute();
        const repo = casesRepository(trx);
        if (input.toStage === 'creation') {
          const recorded = await repo.findOutcome(caseId);
          if (!recorded?.businessCreatedOn) {
            await repo.upsertOutcome(caseId, { businessCreatedOn: project.registeredOn, legalForm: project.legalForm }, coach.userId);
          }
        }
        await trx
          .updateTable('supportCase')
          .set({ updatedAt: new Date() })
          .where('id', '=', caseId)
          .execute();
        // Working the project makes a new case active.
        await trx.updateTable('supportCase').set({ status: 'active' }).where('id', '=', caseId).where('status', '=', 'new').execute();
        await audit.record(trx, {
          actor: coach,
          action: 'business_project.stage_moved',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { from, to: input.toStage, direction: check.direction, ...(input.reason ? { reason: input.reason } : {}) },
          request,
        });
        return toBusinessProjectView((await repo.findProject(caseId))!);
      });
    },
  };
}
