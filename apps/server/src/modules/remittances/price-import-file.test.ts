import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, testConfig, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { importPriceFile } from './price-import-file.js';
import { addPrice } from './remittances.fixtures.js';
import { addDays } from './remittances.service.js';

const today = new Date().toISOString().slice(0, 10);
const SURVEY_HEADER =
  'provider,provider_type,product,pay_in,pickup,speed,accessible,fee_charged_on_top,from,to,sending_currency,receiving_currency,observed_on,tier_over,tier_up_to,fee_fixed,fee_percent,rate_offered,interbank_rate,coverage_note';

describe('`npm run glocal -- import rpw|survey`', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let coach: Session;
  let dir: string;
  const file = (name: string, csv: string) => {
    fs.writeFileSync(path.join(dir, name), csv);
    return path.join(dir, name);
  };
  const alertsTo = (address: string) => smtp.messages.filter((mail) => mail.to.includes(address));

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    coach = await signIn(t, 'coach.brussels@glocal.test');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-prices-'));
    // DE → GH, priced by one service; the coach follows the corridor with it as the cheapest.
    await addPrice(t.db, {
      corridor: 'DE-GH', currencies: 'EUR/GHS', interbankRate: '16', provider: 'CLI Old Transfer', fee: { fixed: '10' }, rateOffered: '15.5', observedOn: addDays(today, -10),
    });
    const follow = await t.inject({ method: 'POST', url: '/api/v1/remittances/follows', headers: coach.headers, payload: { from: 'DE', to: 'GH' } });
    expect(follow.statusCode, follow.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('alerts the followers of a corridor whose cheapest option the imported prices change, as the web import does; a re-import sends nothing', async () => {
    const survey = file(
      'survey.csv',
      `${SURVEY_HEADER}\nCLI New Transfer,fintech,App,online,mobile_wallet,same_day,yes,no,DE,GH,EUR,GHS,${addDays(today, -1)},,,1,,15.9,16,\n`,
    );
    const config = testConfig({ SMTP_URL: smtp.url });
    expect(await importPriceFile(t.db, config, 'survey', survey, false)).toEqual({
      ok: true,
      message: '1 rows read: 1 observations stored, 0 already there, 0 rows refused.',
    });
    const mail = await smtp.waitFor((m) => m.to.includes('coach.brussels@glocal.test'));
    expect(mail.text).toContain('CLI New Transfer');
    expect(mail.text).toContain('/send-money?from=DE&to=GH');

    expect(await importPriceFile(t.db, config, 'survey', survey, false)).toMatchObject({ ok: true, message: expect.stringContaining('0 observations stored') });
    expect(alertsTo('coach.brussels@glocal.test')).toHaveLength(1);
  });

  it('a refused file stores nothing and alerts no one', async () => {
    const before = smtp.messages.length;
    const survey = file(
      'bad.csv',
      `${SURVEY_HEADER}\nCLI Cheaper Still,fintech,App,online,mobile_wallet,same_day,yes,no,DE,GH,EUR,GHS,${today},,,0,,16,16,\nBad,teleport,App,online,mobile_wallet,same_day,yes,no,DE,GH,EUR,GHS,${today},,,0,,16,16,\n`,
    );
    const report = await importPriceFile(t.db, testConfig({ SMTP_URL: smtp.url }), 'survey', survey, false);
    expect(report).toEqual({ ok: false, message: 'Nothing imported: 1 of 2 rows are invalid (use --valid-only to import the others).\n  line 3, provider type: not_one_of' });
    expect(smtp.messages).toHaveLength(before);
  });
});
