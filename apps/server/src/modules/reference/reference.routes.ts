import { CountryList, CurrencyList, LanguageList, ReferenceQuery } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLocale } from '../../platform/i18n/locale.js';
import { listCountries, listCurrencies, listLanguages } from './reference.service.js';

/** ISO reference lists in the reader's language. Small and static: one page, no cursor. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const schema = (summary: string, response: typeof CountryList | typeof CurrencyList | typeof LanguageList) => ({
    tags: ['reference'],
    summary,
    querystring: ReferenceQuery,
    response: { 200: response },
  });

  app.get('/countries', { schema: schema('ISO 3166-1 countries', CountryList) }, (request) => ({
    items: listCountries(requestLocale(request, request.query.locale)),
    nextCursor: null,
  }));
  app.get('/currencies', { schema: schema('ISO 4217 currencies', CurrencyList) }, (request) => ({
    items: listCurrencies(requestLocale(request, request.query.locale)),
    nextCursor: null,
  }));
  app.get('/languages', { schema: schema('ISO 639-1 languages', LanguageList) }, (request) => ({
    items: listLanguages(requestLocale(request, request.query.locale)),
    nextCursor: null,
  }));
};
