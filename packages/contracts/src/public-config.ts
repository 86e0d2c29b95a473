import { z } from 'zod';

/** What the web app needs to know of the server's settings at run time (`GET /api/v1/config`): public, nothing secret. */
export const PublicConfigView = z.object({
  /** A tile server's URL template (`{z}/{x}/{y}`) for the maps; null: the offline Natural Earth base layer. */
  mapTileUrl: z.string().nullable(),
  /** The tile server's credit (plain text), shown in the map's corner; null with no tile server or none configured. */
  mapTileAttribution: z.string().nullable(),
});
export type PublicConfigView = z.infer<typeof PublicConfigView>;
