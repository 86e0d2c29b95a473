import type { PayInMethod, PickupMethod, ProviderType, RemittanceSpeed } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

export const SPEED_MESSAGES: Record<RemittanceSpeed, MessageDescriptor> = {
  less_than_one_hour: { id: 'remittances.speed.less_than_one_hour' },
  same_day: { id: 'remittances.speed.same_day' },
  next_day: { id: 'remittances.speed.next_day' },
  two_days: { id: 'remittances.speed.two_days' },
  three_to_five_days: { id: 'remittances.speed.three_to_five_days' },
  more_than_five_days: { id: 'remittances.speed.more_than_five_days' },
};

export const PICKUP_MESSAGES: Record<PickupMethod, MessageDescriptor> = {
  cash_pickup: { id: 'remittances.pickup.cash_pickup' },
  account: { id: 'remittances.pickup.account' },
  mobile_wallet: { id: 'remittances.pickup.mobile_wallet' },
  home_delivery: { id: 'remittances.pickup.home_delivery' },
};

export const PAY_IN_MESSAGES: Record<PayInMethod, MessageDescriptor> = {
  cash: { id: 'remittances.pay_in.cash' },
  account: { id: 'remittances.pay_in.account' },
  card: { id: 'remittances.pay_in.card' },
  online: { id: 'remittances.pay_in.online' },
};

export const PROVIDER_TYPE_MESSAGES: Record<ProviderType, MessageDescriptor> = {
  bank: { id: 'remittances.provider_type.bank' },
  money_transfer_operator: { id: 'remittances.provider_type.money_transfer_operator' },
  post_office: { id: 'remittances.provider_type.post_office' },
  mobile_operator: { id: 'remittances.provider_type.mobile_operator' },
  credit_union_or_mfi: { id: 'remittances.provider_type.credit_union_or_mfi' },
  fintech: { id: 'remittances.provider_type.fintech' },
};

/** Why an import row was refused: the codes the server's price-import.ts and reference-rate-import.ts write. */
export const ROW_ERROR_MESSAGES: Record<string, MessageDescriptor> = {
  missing: { id: 'remittances.import.row_error.missing' },
  too_long: { id: 'remittances.import.row_error.too_long' },
  not_a_number: { id: 'remittances.import.row_error.not_a_number' },
  not_positive: { id: 'remittances.import.row_error.not_positive' },
  negative: { id: 'remittances.import.row_error.negative' },
  fee_negative: { id: 'remittances.import.row_error.negative' },
  unknown_country: { id: 'remittances.import.row_error.unknown_country' },
  unknown_currency: { id: 'remittances.import.row_error.unknown_currency' },
  receiving_currency_unknown: { id: 'remittances.import.row_error.receiving_currency_unknown' },
  period_invalid: { id: 'remittances.import.row_error.period_invalid' },
  date_invalid: { id: 'remittances.import.row_error.date_invalid' },
  firm_type_unknown: { id: 'remittances.import.row_error.not_recognised' },
  payment_instrument_unknown: { id: 'remittances.import.row_error.not_recognised' },
  pickup_method_unknown: { id: 'remittances.import.row_error.not_recognised' },
  speed_unknown: { id: 'remittances.import.row_error.not_recognised' },
  transparent_invalid: { id: 'remittances.import.row_error.not_recognised' },
  not_one_of: { id: 'remittances.import.row_error.not_recognised' },
  not_yes_or_no: { id: 'remittances.import.row_error.not_recognised' },
  total_cost_mismatch: { id: 'remittances.import.row_error.total_cost_mismatch' },
  fx_margin_mismatch: { id: 'remittances.import.row_error.fx_margin_mismatch' },
  fee_exceeds_amount: { id: 'remittances.import.row_error.fee_exceeds_amount' },
  tiers_invalid: { id: 'remittances.import.row_error.tiers_invalid' },
  csv_syntax: { id: 'remittances.import.row_error.csv_syntax' },
  // Reference exchange rates (reference-rate-import.ts).
  same_currency: { id: 'remittances.import.row_error.same_currency' },
  duplicate: { id: 'remittances.import.row_error.duplicate' },
};
export const ROW_ERROR_FALLBACK: MessageDescriptor = { id: 'remittances.import.row_error.invalid' };
