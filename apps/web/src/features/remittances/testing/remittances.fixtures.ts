import { CorridorHistory, CorridorList, RemittanceQuoteList, type RemittanceQuoteItem } from '@glocal/contracts';

/** Answers as the API gives them, checked against the contracts so a fixture cannot drift. */
export const corridors = CorridorList.parse({
  items: [
    { corridor: 'IT-SN', from: 'IT', to: 'SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF', latestPeriod: '2026-Q4', latestObservedOn: '2026-11-21', observations: 52, illustrative: true },
    { corridor: 'IT-MA', from: 'IT', to: 'MA', sendingCurrency: 'EUR', receivingCurrency: 'MAD', latestPeriod: '2026-Q4', latestObservedOn: '2026-11-21', observations: 48, illustrative: true },
  ],
  nextCursor: null,
});

const base: RemittanceQuoteItem = {
  provider: { id: '30000000-0000-4000-8000-000000000001', name: 'Kora Pay', type: 'fintech' },
  product: { id: '40000000-0000-4000-8000-000000000001', name: 'App to mobile wallet', payIn: 'online', accessible: true, coverageNote: null },
  sendingCurrency: 'EUR',
  receivingCurrency: 'XOF',
  amountSent: '300.00',
  senderPays: '300.00',
  feeChargedOnTop: false,
  fee: '0.99',
  exchangeRate: '650.053',
  interbankRate: '655.957',
  fxMarginPercent: 0.9,
  totalCostPercent: 1.23,
  amountReceived: '194372',
  speed: 'less_than_one_hour',
  pickup: 'mobile_wallet',
  pickupPoints: [],
  payIn: 'online',
  transparent: true,
  zeroFeeWarning: false,
  observedAt: '2026-11-21',
  stale: false,
  source: 'desk_survey',
  illustrative: true,
};

export const quotes = RemittanceQuoteList.parse({
  items: [
    base,
    {
      ...base,
      provider: { id: '30000000-0000-4000-8000-000000000002', name: 'RapidoEnvío', type: 'money_transfer_operator' },
      product: { ...base.product, id: '40000000-0000-4000-8000-000000000002', name: 'Zero fee transfer' },
      fee: '0.00', exchangeRate: '625.783', fxMarginPercent: 4.6, totalCostPercent: 4.6, amountReceived: '187734', zeroFeeWarning: true,
      speed: 'same_day', pickup: 'cash_pickup', payIn: 'card', stale: true, observedAt: '2026-07-01',
    },
    {
      ...base,
      provider: { id: '30000000-0000-4000-8000-000000000003', name: 'Banque Atlantique Euro-Afrique', type: 'bank' },
      product: { ...base.product, id: '40000000-0000-4000-8000-000000000003', name: 'Counter transfer' },
      fee: '15.00', exchangeRate: null, fxMarginPercent: null, totalCostPercent: null, amountReceived: null, transparent: false,
      speed: 'two_days', pickup: 'cash_pickup', payIn: 'cash',
      // Linked to the services directory: one point with its territory, one without.
      pickupPoints: [
        { serviceId: '60000000-0000-4000-8000-000000000001', name: 'Agence de Mbacké', territory: 'Mbacké' },
        { serviceId: '60000000-0000-4000-8000-000000000002', name: 'Point de retrait de Ndindy' },
      ],
    },
  ],
  nextCursor: null,
});

export const history = CorridorHistory.parse({
  corridor: 'IT-SN',
  items: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((period, index) => ({
    corridor: 'IT-SN', period, sendingCurrency: 'EUR', standardAmounts: { usd200: '184.50', usd500: '461.25' }, services: 13, transparentServices: 11,
    averageTotalCost: { usd200: 6.1 - index * 0.5, usd500: 3.9 - index * 0.3 }, smart: 2.4 - index * 0.2, smartIncomplete: false,
    sdg: { averageBelow3Percent: false, corridorAbove5Percent: 6.1 - index * 0.5 > 5 },
  })),
  nextCursor: null,
});
