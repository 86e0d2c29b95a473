import { CorridorReport, CountryList, CurrencyList, ServiceDetailView, ServiceSearchResult, ProviderList, ProviderPriceList, SavingsReport, TransferList } from '@glocal/contracts';

/** Answers as the API gives them to providers' and desks' staff, checked against the contracts so a fixture cannot drift. */
export const BAOL_ID = '30000000-0000-4000-8000-0000000000b1';
export const MEMBER_ACCOUNT_ID = '40000000-0000-4000-8000-0000000000b1';
export const COUNTER_ID = '40000000-0000-4000-8000-0000000000b2';
export const WALLET_ID = '40000000-0000-4000-8000-0000000000b3';
export const KORA_ID = '30000000-0000-4000-8000-0000000000c1';
export const KORA_APP_ID = '40000000-0000-4000-8000-0000000000c1';
export const DESK_ID = '10000000-0000-4000-8000-0000000000d1';

export const countries = CountryList.parse({
  items: [
    { code: 'IT', alpha3: 'ITA', numeric: '380', name: 'Italy' },
    { code: 'SN', alpha3: 'SEN', numeric: '686', name: 'Senegal' },
    { code: 'BE', alpha3: 'BEL', numeric: '056', name: 'Belgium' },
    { code: 'ML', alpha3: 'MLI', numeric: '466', name: 'Mali' },
  ],
  nextCursor: null,
});

export const currencies = CurrencyList.parse({
  items: [
    { code: 'EUR', number: '978', digits: 2, name: 'Euro' },
    { code: 'XOF', number: '952', digits: 0, name: 'West African CFA franc' },
  ],
  nextCursor: null,
});

const product = { payIn: 'account', pickup: 'account', speed: 'next_day', accessible: false, feeChargedOnTop: false, coverageNote: null } as const;

export const myProviders = ProviderList.parse({
  items: [
    {
      id: BAOL_ID,
      name: 'Mutuelle d’épargne et de crédit du Baol',
      type: 'credit_union_or_mfi',
      organisationId: '10000000-0000-4000-8000-0000000000e1',
      products: [
        { ...product, id: COUNTER_ID, name: 'Counter transfer', payIn: 'cash', pickup: 'cash_pickup', speed: 'two_days', accessible: true },
        { ...product, id: MEMBER_ACCOUNT_ID, name: 'Transfer to a member account' },
        { ...product, id: WALLET_ID, name: 'Wallet payout', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', accessible: true },
      ],
    },
  ],
  nextCursor: null,
});

const price = { sendingCurrency: 'EUR', receivingCurrency: 'XOF', interbankRate: '655.957', source: 'provider_self_report' } as const;

export const providerPrices = ProviderPriceList.parse({
  items: [
    { ...price, productId: COUNTER_ID, corridor: 'BE-SN', fee: { fixed: '12', percent: '1' }, rateOffered: null, observedOn: '2026-05-01', ageDays: 200, stale: true, dropped: true },
    { ...price, productId: COUNTER_ID, corridor: 'IT-SN', fee: { tiers: [{ upTo: '100', fixed: '4.90' }, { over: '100', upTo: '500', fixed: '7.90' }, { over: '500', percent: '0.5' }] }, rateOffered: '648.741', observedOn: '2026-08-01', ageDays: 120, stale: true, dropped: false },
    { ...price, productId: MEMBER_ACCOUNT_ID, corridor: 'IT-SN', fee: { fixed: '3', percent: '0.5' }, rateOffered: '652.021', observedOn: '2026-11-18', ageDays: 10, stale: false, dropped: false },
  ],
  nextCursor: null,
});

export const allProviders = ProviderList.parse({
  items: [
    myProviders.items[0],
    {
      id: KORA_ID,
      name: 'Kora Pay',
      type: 'fintech',
      organisationId: null,
      products: [{ ...product, id: KORA_APP_ID, name: 'App to mobile wallet', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', accessible: true }],
    },
  ],
  nextCursor: null,
});

export const deskTransfers = TransferList.parse({
  items: [
    {
      id: '50000000-0000-4000-8000-0000000000f1', deskOrganisationId: DESK_ID, provider: { id: KORA_ID, name: 'Kora Pay' }, productId: KORA_APP_ID, corridor: 'IT-SN',
      sendingCurrency: 'EUR', receivingCurrency: 'XOF', amountSent: '300', feePaid: '0.99', rateApplied: '650.053', transferredOn: '2026-11-20', beneficiaryRef: 'DKR-0042',
    },
    {
      id: '50000000-0000-4000-8000-0000000000f2', deskOrganisationId: DESK_ID, provider: { id: BAOL_ID, name: 'Mutuelle d’épargne et de crédit du Baol' }, productId: null, corridor: 'IT-SN',
      sendingCurrency: 'EUR', receivingCurrency: 'XOF', amountSent: '700', feePaid: '6.50', rateApplied: '652.021', transferredOn: '2026-10-02', beneficiaryRef: null,
    },
  ],
  nextCursor: null,
});

export const MBACKE_DESK_ID = '10000000-0000-4000-8000-0000000000d2';
export const BAMBEY_DESK_ID = '10000000-0000-4000-8000-0000000000d3';
export const DIOURBEL_TERRITORY_ID = '60000000-0000-4000-8000-0000000000a1';
export const MBACKE_TERRITORY_ID = '60000000-0000-4000-8000-0000000000a2';

const eur = (transfers: number, amountSent: string, cost: string, savedVersusAverage: string, overpaidVersusCheapest: string) =>
  ({ currency: 'EUR', transfers, amountSent, cost, costAtAverage: '0.00', costAtCheapest: '0.00', savedVersusAverage, overpaidVersusCheapest }) as const;

/** Three desks in two territories (two desks in Mbacké's), one of them with no benchmarked transfer yet. */
export const savingsReport = SavingsReport.parse({
  desks: [
    { organisationId: DESK_ID, name: 'CAIM Diourbel', territoryId: DIOURBEL_TERRITORY_ID, totals: [eur(4, '1200.00', '30.00', '12.50', '9.00')] },
    { organisationId: MBACKE_DESK_ID, name: 'CAIM Mbacké', territoryId: MBACKE_TERRITORY_ID, totals: [eur(2, '400.00', '14.00', '1.00', '10.00')] },
    { organisationId: BAMBEY_DESK_ID, name: 'Guichet Touba', territoryId: MBACKE_TERRITORY_ID, totals: [] },
  ],
  territories: [
    { territoryId: DIOURBEL_TERRITORY_ID, code: 'SN-DB-DIO', name: 'Diourbel', deskOrganisationIds: [DESK_ID], totals: [eur(4, '1200.00', '30.00', '12.50', '9.00')] },
    { territoryId: MBACKE_TERRITORY_ID, code: 'SN-DB-MBA', name: 'Mbacké', deskOrganisationIds: [MBACKE_DESK_ID, BAMBEY_DESK_ID], totals: [eur(2, '400.00', '14.00', '1.00', '10.00')] },
  ],
  totals: [eur(6, '1600.00', '44.00', '13.50', '19.00')],
  unbenchmarked: 1,
});

const quarter = (period: string, average: number, byProviderType: { providerType: string; services: number; averageTotalCostUsd200: number | null }[]) => ({
  corridor: 'IT-SN',
  period,
  sendingCurrency: 'EUR',
  standardAmounts: { usd200: '184.00', usd500: '460.00' },
  services: byProviderType.reduce((sum, entry) => sum + entry.services, 0),
  transparentServices: byProviderType.reduce((sum, entry) => sum + entry.services, 0),
  averageTotalCost: { usd200: average, usd500: average - 1 },
  smart: average - 2,
  smartIncomplete: false,
  sdg: { averageBelow3Percent: average < 3, corridorAbove5Percent: average > 5 },
  byProviderType,
});
const q3 = quarter('2026-Q3', 5.5, [
  { providerType: 'bank', services: 2, averageTotalCostUsd200: 8.25 },
  { providerType: 'money_transfer_operator', services: 3, averageTotalCostUsd200: 4.5 },
]);
const q4 = quarter('2026-Q4', 4.75, [
  { providerType: 'fintech', services: 1, averageTotalCostUsd200: null },
  { providerType: 'money_transfer_operator', services: 4, averageTotalCostUsd200: 3.8125 },
]);
export const corridorReport = CorridorReport.parse({ corridor: 'IT-SN', quarters: [q3, q4], byProviderType: q4.byProviderType, latestObservedOn: '2026-11-21', freshnessDays: 16 });

/** Directory services as the public directory API gives them, for a product's pickup points. */
const directoryService = (id: string, name: string, organizationName: string) => ({
  id, name, description: null, organizationId: '20000000-0000-4000-8000-0000000000f1', organizationName, status: 'active', terms: [],
  location: { latitude: 14.65, longitude: -16.23, city: 'Diourbel' }, distanceKm: null, lastVerified: '2026-10-01', stale: false,
});
export const BRANCH_ID = '50000000-0000-4000-8000-0000000000a1';
export const POST_OFFICE_ID = '50000000-0000-4000-8000-0000000000a2';
export const pickupPointSearch = ServiceSearchResult.parse({
  items: [directoryService(BRANCH_ID, 'Agence Baol Diourbel', 'Mutuelle du Baol'), directoryService(POST_OFFICE_ID, 'Bureau de poste de Diourbel', 'La Poste du Sénégal')],
  nextCursor: null,
});
export const branchDetail = ServiceDetailView.parse({
  ...pickupPointSearch.items[0],
  alternateName: null, eligibility: null, applicationProcess: null, feesDescription: null, alert: null, url: null, email: null, territoryId: null,
  requiredDocuments: [], schedules: [], languages: [], costs: [], locations: [], contacts: [],
  profile: { diasporaEligible: null, returneeEligible: null, loanMin: null, loanMax: null, loanCurrency: null, collateralRequired: null, interestMin: null, interestMax: null, targetGroups: [], staffLanguages: [] },
  openFlags: 0, canEdit: false,
});
