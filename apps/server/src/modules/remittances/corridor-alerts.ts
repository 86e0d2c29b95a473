import { resolveLocale } from '@glocal/contracts';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { Config } from '../../config.js';
import { createAuditTrail, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { translate, type MessageKey } from '../../platform/i18n/translate.js';
import { createMailer, type Mailer } from '../../platform/mail/mailer.js';
import { findUserContacts } from '../auth/index.js';
import { countryName } from '../reference/index.js';
import { displayPercent, STANDARD_AMOUNTS_USD, standardAmountIn } from './remittance-cost.js';
import { remittancesRepository } from './remittances.repository.js';
import { addDays, checkCodes, createRemittancesService, DROP_AFTER_DAYS, minorUnitsOf, type RemittancesService } from './remittances.service.js';

/** `audit`: where the daily re-check records its rounds (the alerts after a price change are part of that change's record). */
type Deps = { db: Database; remittances: RemittancesService; mailer: Mailer; publicUrl: string; audit?: AuditTrail };

export type CorridorAlerts = ReturnType<typeof createCorridorAlerts>;
/** One round of alerts: the corridors looked at, the e-mails sent (or logged without SMTP) and those that failed. */
export type CorridorAlertsRound = { corridors: number; emails: number; failed: number };

/**
 * Opt-in e-mail alerts: a person follows a corridor and is written to when its cheapest option
 * changes. "Cheapest" is the transparent option ranked first (`rankOptions`: most received) for the USD 200 equivalent (RPW's
 * headline amount) as prices stand today; each follow remembers the product last announced.
 */
export function createCorridorAlerts({ db, remittances, mailer, publicUrl, audit }: Deps) {
  async function cheapestNow(from: string, to: string) {
    const today = remittances.today();
    const rows = await remittancesRepository(db).latestSchedules(from, to, addDays(today, -DROP_AFTER_DAYS), today);
    const currency = rows[0]?.sendingCurrency;
    if (!currency) return null;
    const perUsd = await remittances.referenceRate('USD', currency, today);
    const converted = perUsd ? standardAmountIn(STANDARD_AMOUNTS_USD.usd200, perUsd, minorUnitsOf(currency, currency).sending) : null;
    const amount = converted?.ok ? converted.value : STANDARD_AMOUNTS_USD.usd200;
    const { ranked } = await remittances.rankedOptions({ from, to, amount, currency }, today);
    const best = ranked.find((option) => option.quote.transparent);
    return best ? { ...best, amount, currency } : null;
  }

  const corridorOf = (from: string, to: string) => `${from}-${to}`;

  return {
    async follow(actor: Actor, from: string, to: string) {
      checkCodes([{ pointer: '/from', value: from, kind: 'country' }, { pointer: '/to', value: to, kind: 'country' }], 'body');
      const cheapest = await cheapestNow(from, to);
      await db
        .insertInto('remittanceCorridorFollow')
        .values({ userId: actor.userId, sendingCountry: from, receivingCountry: to, lastCheapestProductId: cheapest?.row.productId ?? null })
        .onConflict((oc) => oc.columns(['userId', 'sendingCountry', 'receivingCountry']).doNothing())
        .execute();
      return { corridor: corridorOf(from, to), createdAt: new Date().toISOString() };
    },

    async unfollow(actor: Actor, corridor: string) {
      const [from, to] = corridor.split('-') as [string, string];
      await db.deleteFrom('remittanceCorridorFollow').where('userId', '=', actor.userId).where('sendingCountry', '=', from).where('receivingCountry', '=', to).execute();
    },

    async list(actor: Actor) {
      const rows = await db
        .selectFrom('remittanceCorridorFollow')
        .select(['sendingCountry', 'receivingCountry', 'createdAt'])
        .where('userId', '=', actor.userId)
        .orderBy('sendingCountry')
        .orderBy('receivingCountry')
        .execute();
      return { items: rows.map((row) => ({ corridor: corridorOf(row.sendingCountry, row.receivingCountry), createdAt: row.createdAt.toISOString() })), nextCursor: null };
    },

    /** After prices changed in these corridors: writes to each follower whose last announced cheapest option is no longer the cheapest. */
    async pricesChanged(corridors: string[]): Promise<void> {
      await announce(corridors, 'mail.remittance_alert.subject');
    },

    /**
     * The daily re-check of every followed corridor, as prices stand on `remittances.today()`: the
     * cheapest option also changes with no import or report, when its price passes the 180-day
     * cut-off and drops from the rankings. Followers whose last announced option is no longer the
     * cheapest are written to ("the cheapest way … has changed"), once: a re-run sends nothing new.
     * A corridor left with no transparent option sends nothing. Audited as `remittance_alerts.rechecked`.
     */
    async recheckFollowed(): Promise<CorridorAlertsRound> {
      const followed = await db
        .selectFrom('remittanceCorridorFollow')
        .select(['sendingCountry', 'receivingCountry'])
        .distinct()
        .orderBy('sendingCountry')
        .orderBy('receivingCountry')
        .execute();
      const round = await announce(followed.map((row) => corridorOf(row.sendingCountry, row.receivingCountry)), 'mail.remittance_alert.changed_subject');
      if (audit) {
        await db.transaction().execute((trx) =>
          audit.record(trx, { actor: null, action: 'remittance_alerts.rechecked', details: { asOf: remittances.today(), ...round } }),
        );
      }
      return round;
    },
  };

  async function announce(corridors: string[], subjectKey: MessageKey): Promise<CorridorAlertsRound> {
    let emails = 0;
    let failed = 0;
    for (const corridor of corridors) {
      const [from, to] = corridor.split('-') as [string, string];
      const cheapest = await cheapestNow(from, to);
      if (!cheapest) continue;
      // The conditional update claims each announcement once, even with two changes racing.
      const { rows } = await sql<{ userId: string }>`
        update remittance_corridor_follow set last_cheapest_product_id = ${cheapest.row.productId}
        where sending_country = ${from} and receiving_country = ${to} and last_cheapest_product_id is distinct from ${cheapest.row.productId}::uuid
        returning user_id`.execute(db);
      if (rows.length === 0) continue;
      const link = `${publicUrl.replace(/\/+$/, '')}/send-money?from=${from}&to=${to}&amount=${cheapest.amount}&currency=${cheapest.currency}`;
      for (const contact of await findUserContacts(db, rows.map((row) => row.userId))) {
        const locale = resolveLocale(contact.locale);
        const params = {
          from: countryName(from, locale) ?? from,
          to: countryName(to, locale) ?? to,
          provider: cheapest.row.providerName,
          product: cheapest.row.productName,
          amount: cheapest.amount,
          currency: cheapest.currency,
          received: cheapest.quote.amountReceived ?? '',
          receivingCurrency: cheapest.row.receivingCurrency,
          totalCost: displayPercent(cheapest.quote.totalCostPercent ?? '0'),
          link,
        };
        const delivery = await mailer.send({
          to: contact.email,
          locale,
          subject: translate(locale, subjectKey, params),
          text: `${translate(locale, 'mail.remittance_alert.body', params)}\n\n-- \n${translate(locale, 'mail.signature')}`,
        });
        if (delivery === 'failed') failed += 1;
        else emails += 1;
      }
    }
    return { corridors: corridors.length, emails, failed };
  }
}

/**
 * One re-check of the followed corridors outside the server (`npm run glocal -- remittances recheck-alerts`),
 * with the app's own mail settings; `today` (ISO date) prices the corridors as they stand that day.
 */
export async function runCorridorAlertsRecheck(db: Database, config: Config, options: { today?: () => string } = {}): Promise<CorridorAlertsRound> {
  const log = pino({ level: config.logLevel });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  try {
    const remittances = createRemittancesService({ db, ...(options.today ? { today: options.today } : {}) });
    return await createCorridorAlerts({ db, remittances, mailer, publicUrl: config.publicUrl, audit: createAuditTrail() }).recheckFollowed();
  } finally {
    await mailer.close();
  }
}
