import {
  BUSINESS_STAGES,
  STAGE_CHECKLISTS,
  STAGE_REQUIREMENTS,
  type BusinessStage,
  type ProblemFieldError,
} from '@glocal/contracts';
import { Decimal } from 'decimal.js';

/**
 * The business-project pipeline's rules, pure: which moves are allowed and what each stage needs.
 * idea → identification → elaboration → formalisation → creation → follow_up, one stage at a
 * time forward (with everything the stage requires) or one stage back (with a reason).
 */
export type ProjectFields = Record<string, unknown>;

export const stageIndex = (stage: BusinessStage) => BUSINESS_STAGES.indexOf(stage);

export const nextStage = (stage: BusinessStage): BusinessStage | null => BUSINESS_STAGES[stageIndex(stage) + 1] ?? null;

const present = (value: unknown) => value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** The fields `stage` requires that `project` lacks, as JSON Pointers into the business project. */
export function missingFor(stage: BusinessStage, project: ProjectFields): ProblemFieldError[] {
  return STAGE_REQUIREMENTS[stage]
    .filter((field) => !present(project[field]))
    .map((field) => ({ pointer: `/${field}`, code: 'required', params: { stage } }));
}

/** Everything a project needs to stand at `stage`: the requirements of that stage and all before it. */
export function missingUpTo(stage: BusinessStage, project: ProjectFields): ProblemFieldError[] {
  return BUSINESS_STAGES.slice(0, stageIndex(stage) + 1).flatMap((s) => missingFor(s, project));
}

export type MoveCheck =
  | { ok: true; direction: 'forward' | 'back' }
  | { ok: false; code: 'case.stage_unchanged' | 'case.stage_skipped' | 'case.stage_reason_required' | 'case.stage_requirements_missing'; errors: ProblemFieldError[] };

/** Whether a project at `from` may move to `to`; a refused move lists every missing field. */
export function checkMove(from: BusinessStage, to: BusinessStage, project: ProjectFields, reason?: string): MoveCheck {
  const distance = stageIndex(to) - stageIndex(from);
  if (distance === 0) return { ok: false, code: 'case.stage_unchanged', errors: [] };
  if (distance < 0) {
    if (distance < -1) return { ok: false, code: 'case.stage_skipped', errors: [{ pointer: '/toStage', code: 'one_stage_back_at_most', params: { from, to } }] };
    if (!reason?.trim()) return { ok: false, code: 'case.stage_reason_required', errors: [{ pointer: '/reason', code: 'required' }] };
    return { ok: true, direction: 'back' };
  }
  if (distance > 1) {
    // Say what the jump would have needed, so the coach sees the whole way there.
    return {
      ok: false,
      code: 'case.stage_skipped',
      errors: [{ pointer: '/toStage', code: 'one_stage_at_a_time', params: { from, to, next: nextStage(from) } }, ...missingUpTo(to, project)],
    };
  }
  const missing = missingUpTo(to, project);
  return missing.length > 0 ? { ok: false, code: 'case.stage_requirements_missing', errors: missing } : { ok: true, direction: 'forward' };
}

/** The codes of every checklist item, over all stages. */
export const CHECKLIST_ITEMS: ReadonlySet<string> = new Set(Object.values(STAGE_CHECKLISTS).flat());

export const unknownChecklistItems = (ticks: Record<string, boolean>) => Object.keys(ticks).filter((code) => !CHECKLIST_ITEMS.has(code));

/**
 * An amount fits its currency when it has no more decimals than ISO 4217 allows (XOF has none).
 * Exact decimals throughout (decimal.js on the string), never floats.
 */
export function amountFitsCurrency(amount: string, digits: number): boolean {
  return new Decimal(amount).decimalPlaces() <= digits;
}
