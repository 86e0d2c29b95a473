import type { RouteSample } from '../route-access.js';

/** The intake routes in the route × role table (see route-access.ts). */
export const INTAKE_ROUTE_ACCESS: Record<string, RouteSample> = {};
