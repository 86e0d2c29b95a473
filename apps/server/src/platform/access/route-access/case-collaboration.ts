import type { RouteSample } from '../route-access.js';

/** The case-collaboration routes in the route × role table (see route-access.ts). */
export const CASE_COLLABORATION_ROUTE_ACCESS: Record<string, RouteSample> = {};
