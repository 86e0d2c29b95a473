import type { RouteSample } from '../route-access.js';

/** The remittances domain's routes in the route × role table (see route-access.ts). */
export const REMITTANCES_ROUTE_ACCESS: Record<string, RouteSample> = {};
