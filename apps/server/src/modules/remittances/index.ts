export {
  amountToSendFor,
  corridorAverage,
  displayPercent,
  feeFor,
  quote,
  rankOptions,
  savings,
  sdgFlags,
  smart,
  SDG_CEILING_PERCENT,
  SDG_TARGET_PERCENT,
  SPEEDS,
  ZERO_FEE_MARGIN_WARNING_PERCENT,
  percentNumber,
  STANDARD_AMOUNTS_USD,
  standardAmountIn,
  statedFiguresAgree,
} from './remittance-cost.js';
export type {
  CorridorAverage,
  DecimalString,
  FeeFormula,
  FeeSchedule,
  FeeTier,
  MinorUnits,
  NonTransparentQuote,
  PriceTerms,
  Quote,
  QuoteInput,
  RemittanceError,
  RemittanceErrorCode,
  Result,
  Savings,
  Service,
  Smart,
  Speed,
  StatedFigures,
  TransparentQuote,
} from './remittance-cost.js';
export { remittancesRoutes } from './remittances.routes.js';
export { createRemittancesService, type RemittancesService } from './remittances.service.js';
export { createPriceImportsService, type PriceImportsService } from './price-imports.service.js';
export { importPriceFile, importReferenceRateFile } from './price-import-file.js';
export { createReferenceRatesService, type ReferenceRatesService } from './reference-rates.service.js';
export { createRemittancesStaffService, type RemittancesStaffService } from './remittances-staff.service.js';
export { createCorridorAlerts, runCorridorAlertsRecheck, type CorridorAlerts, type CorridorAlertsRound } from './corridor-alerts.js';
export { seedDemoRemittances } from './remittances.demo.js';
