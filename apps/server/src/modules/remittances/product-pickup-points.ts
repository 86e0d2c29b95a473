import type { Locale, RemittancePickupPoint } from '@glocal/contracts';
import type { Executor } from '../../platform/db/database.js';
import { BadRequestError } from '../../platform/errors/app-error.js';
import { existingServiceIds, serviceLabels } from '../directory/index.js';

/** Directory services whose status says the money cannot be collected there now: not listed in quotes (the link stays). */
const CLOSED = new Set(['inactive', 'defunct']);

/**
 * A product's network coverage linked to the services directory: `remittance_product_pickup_service`
 * rows, product → directory service. The directory names the services; this module never reads its tables.
 */
export const productPickupPoints = {
  /** Each product's linked service ids, sorted (products without any are absent). */
  async serviceIdsOf(db: Executor, productIds: readonly string[]): Promise<Map<string, string[]>> {
    const byProduct = new Map<string, string[]>();
    if (productIds.length === 0) return byProduct;
    const rows = await db
      .selectFrom('remittanceProductPickupService')
      .select(['productId', 'serviceId'])
      .where('productId', 'in', [...new Set(productIds)])
      .orderBy('productId')
      .orderBy('serviceId')
      .execute();
    for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row.serviceId]);
    return byProduct;
  },

  /**
   * The pickup points of a page of quotes to `receivingCountry`: one query for the products' links,
   * one for the services' names (skipped when there is no link), whatever the number of products.
   * A product sold in several corridors lists those in the receiving country only (or whose
   * territory is unknown). Sorted by name.
   */
  async of(db: Executor, productIds: readonly string[], locale: Locale, receivingCountry: string): Promise<Map<string, RemittancePickupPoint[]>> {
    const links = await productPickupPoints.serviceIdsOf(db, productIds);
    const result = new Map<string, RemittancePickupPoint[]>();
    if (links.size === 0) return result;
    const labels = await serviceLabels(db, [...links.values()].flat(), locale);
    for (const [productId, serviceIds] of links) {
      const points = serviceIds.flatMap((id) => {
        const label = labels.get(id);
        if (!label || CLOSED.has(label.status) || (label.country !== null && label.country !== receivingCountry)) return [];
        return [{ serviceId: id, name: label.name, ...(label.territory ? { territory: label.territory } : {}) }];
      });
      result.set(productId, points.sort((a, b) => a.name.localeCompare(b.name, locale) || a.serviceId.localeCompare(b.serviceId)));
    }
    return result;
  },

  /** 400 validation_failed naming each id (`/pickupServiceIds/<index>`, `not_found`) that is no directory service. */
  async check(db: Executor, serviceIds: readonly string[]): Promise<void> {
    const known = await existingServiceIds(db, serviceIds);
    const errors = serviceIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ pointer: `/pickupServiceIds/${index}`, in: 'body' as const, code: 'not_found', params: { value: id } }],
    );
    if (errors.length > 0) throw new BadRequestError('validation_failed', {}, errors);
  },

  /** Replaces a product's pickup points with these services (duplicates read once); returns the ids now linked, sorted. */
  async replace(trx: Executor, productId: string, serviceIds: readonly string[]): Promise<string[]> {
    const unique = [...new Set(serviceIds)].sort();
    await trx.deleteFrom('remittanceProductPickupService').where('productId', '=', productId).execute();
    if (unique.length > 0) {
      await trx.insertInto('remittanceProductPickupService').values(unique.map((serviceId) => ({ productId, serviceId }))).execute();
    }
    return unique;
  },
};
