import type { RouteSample } from '../route-access.js';

/** The cases domain's routes in the route × role table (see route-access.ts). */
export const CASES_ROUTE_ACCESS: Record<string, RouteSample> = {};
