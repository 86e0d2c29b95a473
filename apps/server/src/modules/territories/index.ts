export { territoriesRoutes } from './territories.routes.js';
export { createTerritoriesService, type TerritoriesService } from './territories.service.js';
export { seedDemoTerritories } from './territories.demo.js';
export { territoryIdsByCode } from './territories.demo.js';
export { createTerritoryStatisticsService, type TerritoryStatisticsService } from './territory-statistics.js';
