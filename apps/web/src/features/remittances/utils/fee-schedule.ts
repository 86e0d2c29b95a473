import type { FeeScheduleBody } from '@glocal/contracts';

/** One row of a tiered price list as typed: bounds and fee, each possibly empty. */
export interface TierDraft {
  key: number;
  over: string;
  upTo: string;
  fixed: string;
  percent: string;
}

/** A fee schedule as typed: a fixed part and/or a percentage for any amount, or tiers by amount. */
export interface FeeDraft {
  kind: 'flat' | 'tiers';
  fixed: string;
  percent: string;
  tiers: TierDraft[];
}

export const emptyTier = (key: number): TierDraft => ({ key, over: '', upTo: '', fixed: '', percent: '' });
export const emptyFee = (): FeeDraft => ({ kind: 'flat', fixed: '', percent: '', tiers: [emptyTier(0)] });

/** A decimal as typed (a decimal comma accepted) as the API wants it; empty: undefined. */
export function decimalInput(value: string): string | undefined {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : trimmed;
}

const defined = <T extends Record<string, string | undefined>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };

/** The schedule the API takes: empty parts left out (the contracts schema then checks each one). */
export function feeScheduleFrom(draft: FeeDraft): FeeScheduleBody {
  if (draft.kind === 'flat') return defined({ fixed: decimalInput(draft.fixed), percent: decimalInput(draft.percent) });
  return {
    tiers: draft.tiers.map((tier) =>
      defined({ over: decimalInput(tier.over), upTo: decimalInput(tier.upTo), fixed: decimalInput(tier.fixed), percent: decimalInput(tier.percent) }),
    ),
  };
}

/** A decimal string in the reader's language, with as many decimals as it has (no float on the way). */
export function formatDecimal(locale: string, value: string): string {
  const decimals = value.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value as unknown as number);
}
