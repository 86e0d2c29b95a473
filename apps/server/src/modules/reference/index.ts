export { referenceRoutes } from './reference.routes.js';
export { countryName, currencyDigits, isCountryCode } from './reference.service.js';
