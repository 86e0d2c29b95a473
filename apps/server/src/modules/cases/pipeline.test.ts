import { describe, expect, it } from 'vitest';
import { amountFitsCurrency, checkMove, missingFor, nextStage, unknownChecklistItems } from './pipeline.js';

const complete = {
  idea: 'Poultry farm',
  isicSection: 'A',
  isicDivision: '01',
  setupTerritoryId: 't',
  neededAmount: '5000000',
  ownFundsAmount: '1000000',
  currency: 'XOF',
  businessPlanDocumentId: 'd1',
  financingPlanDocumentId: 'd2',
  legalForm: 'GIE',
  registeredOn: '2026-11-02',
};

describe('the business-project pipeline', () => {
  it('moves forward one stage when the next stage has what it requires', () => {
    expect(checkMove('idea', 'identification', complete)).toEqual({ ok: true, direction: 'forward' });
    expect(checkMove('creation', 'follow_up', complete)).toEqual({ ok: true, direction: 'forward' });
    expect(nextStage('follow_up')).toBeNull();
  });

  it('refuses entering identification without sector and setup territory, listing each field', () => {
    const result = checkMove('idea', 'identification', { idea: 'x', isicSection: 'A' });
    expect(result).toEqual({
      ok: false,
      code: 'case.stage_requirements_missing',
      errors: [
        { pointer: '/isicDivision', code: 'required', params: { stage: 'identification' } },
        { pointer: '/setupTerritoryId', code: 'required', params: { stage: 'identification' } },
      ],
    });
  });

  it('requires both plans before formalisation and legal form and date at creation', () => {
    const { businessPlanDocumentId: _b, financingPlanDocumentId: _f, ...noPlans } = complete;
    const refused = checkMove('elaboration', 'formalisation', noPlans);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.pointer)).toEqual(['/businessPlanDocumentId', '/financingPlanDocumentId']);
    expect(missingFor('creation', { ...complete, legalForm: ' ', registeredOn: null }).map((e) => e.pointer)).toEqual(['/legalForm', '/registeredOn']);
  });

  it('refuses a jump over a stage, naming the next stage and every field missing on the way', () => {
    const result = checkMove('idea', 'elaboration', { idea: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('case.stage_skipped');
    expect(result.errors[0]).toMatchObject({ pointer: '/toStage', params: { next: 'identification' } });
    expect(result.errors.slice(1).map((e) => e.pointer)).toEqual([
      '/isicSection', '/isicDivision', '/setupTerritoryId', '/neededAmount', '/ownFundsAmount', '/currency',
    ]);
    // Even with every field present, a jump is a jump.
    expect(checkMove('idea', 'creation', complete)).toMatchObject({ ok: false, code: 'case.stage_skipped' });
  });

  it('moves back one stage only, and only with a reason', () => {
    expect(checkMove('elaboration', 'identification', complete, 'Site fell through')).toEqual({ ok: true, direction: 'back' });
    expect(checkMove('elaboration', 'identification', complete, '  ')).toMatchObject({ ok: false, code: 'case.stage_reason_required' });
    expect(checkMove('creation', 'identification', complete, 'why')).toMatchObject({ ok: false, code: 'case.stage_skipped' });
    expect(checkMove('idea', 'idea', complete)).toMatchObject({ ok: false, code: 'case.stage_unchanged' });
  });

  it('knows its checklist items and refuses others', () => {
    expect(unknownChecklistItems({ market_study: true, first_visit: false })).toEqual([]);
    expect(unknownChecklistItems({ market_study: true, bribe_paid: true })).toEqual(['bribe_paid']);
  });

  it('checks decimals against the currency exactly: none for XOF, two for EUR', () => {
    expect(amountFitsCurrency('5000000', 0)).toBe(true);
    expect(amountFitsCurrency('5000000.50', 0)).toBe(false);
    expect(amountFitsCurrency('1500.50', 2)).toBe(true);
    expect(amountFitsCurrency('1500.00', 0)).toBe(true);
    expect(amountFitsCurrency('9999999999999999.99', 2)).toBe(true);
  });
});
