import type { RouteSample } from '../route-access.js';

/** The directory domain's routes in the route × role table (see route-access.ts). */
export const DIRECTORY_ROUTE_ACCESS: Record<string, RouteSample> = {};
