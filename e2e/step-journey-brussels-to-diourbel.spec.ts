import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

/*
 * The S.T.E.P. story, in French: a person in Brussels submits a business idea from her phone; the
 * Brussels coach works it to elaboration, records her consent and refers it to CAIM Diourbel; the
 * Diourbel coach accepts, takes it to creation and records a micro-credit; the person follows the
 * progress and the messages in self-service; the case counts for both desks.
 */

const fr = messages('fr');
const PASSWORD = 'glocal-demo-2026';
const PERSON_PASSWORD = 'teranga-entre-deux-rives-2026';
const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';
const DIOURBEL = 'CAIM Diourbel';
const RUN = Date.now().toString(36);
const PERSON = { givenName: 'Ndèye', familyName: `Fictive-Sarr-${RUN}`, email: `ndeye.sarr.${RUN}@example.test` };
// The server sends its e-mails here (see playwright.config.ts); this journey reads them.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3199) + 1000);

/** A real SMTP server for the journey's e-mails; enough MIME decoding for our plain-text mails. */
function startMailbox() {
  const received: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
        const quoted = /content-transfer-encoding:\s*quoted-printable/i.test(raw);
        const base64 = /content-transfer-encoding:\s*base64/i.test(raw);
        const text = base64
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : quoted
            ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
            : body;
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  return {
    received,
    listen: () => new Promise<void>((resolve, reject) => server.listen(SMTP_PORT, '127.0.0.1', resolve).once('error', reject)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
const mailbox = startMailbox();

test.beforeAll(async () => mailbox.listen());
test.afterAll(async () => mailbox.close());

/** A browser context of its own, in French, signed in through the sign-in page. */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await openIn(page, 'fr', '/sign-in');
  await page.getByLabel(fr('auth.field.email'), { exact: true }).fill(email);
  await page.getByLabel(fr('auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr('auth.sign_in.submit'), exact: true }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: fr('nav.cases') })).toBeVisible();
  return page;
}

type OutcomeSummary = { cases: number; financing: { currency: string; amount: string; count: number }[] };
const summaryOf = async (request: APIRequestContext): Promise<OutcomeSummary> => (await request.get('/api/v1/cases/outcomes/summary')).json();
const xof = (summary: OutcomeSummary) => summary.financing.find((f) => f.currency === 'XOF') ?? { amount: '0', count: 0 };

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Moves the project one stage on, from the pipeline panel, and waits for the confirmation. */
async function moveTo(page: Page, stageId: string) {
  const pipeline = region(page, fr('cases.section.pipeline'));
  await pipeline.getByLabel(fr('cases.pipeline.to_stage'), { exact: true }).selectOption({ label: fr(stageId) });
  await pipeline.getByRole('button', { name: fr('cases.pipeline.move'), exact: true }).click();
  await expect(pipeline.getByRole('status').filter({ hasText: fr(stageId) })).toBeVisible();
}

const PDF = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${title}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

test('S.T.E.P.: from a business idea in Brussels to an enterprise in Diourbel, with consent, followed by the person', async ({ browser }) => {
  test.setTimeout(240_000);

  const brussels = await staffPage(browser, 'coach.brussels@glocal.test');
  const diourbel = await staffPage(browser, 'coach.diourbel@glocal.test');
  const before = { brussels: await summaryOf(brussels.request), diourbel: await summaryOf(diourbel.request) };

  // 1. The person, on a cheap phone, asks the Brussels desk for help with her business idea.
  const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await phone.newPage();
  await openIn(person, 'fr', '/intake');
  await expect(person.getByRole('heading', { level: 1, name: fr('intake.title') })).toBeVisible();
  const pick = async (label: string, name: string) => {
    const select = person.getByLabel(label, { exact: true });
    await select.selectOption((await select.locator('option', { hasText: name }).first().getAttribute('value'))!);
  };
  await person.getByLabel(fr('intake.field.need'), { exact: true }).fill('Je veux créer un atelier de transformation d’arachide à Diourbel, chez moi.');
  await person.getByLabel(fr('intake.field.idea'), { exact: true }).fill('Atelier de transformation d’arachide (huile et pâte)');
  await person.getByLabel(fr('intake.field.isic_section'), { exact: true }).selectOption('C');
  await person.getByLabel(fr('intake.field.isic_division'), { exact: true }).selectOption('10');
  await pick(fr('intake.field.setup'), 'Diourbel');
  await person.getByLabel(fr('intake.field.currency'), { exact: true }).selectOption('EUR');
  await person.getByLabel(fr('intake.field.own_funds'), { exact: true }).fill('2000');
  await person.getByLabel(fr('intake.field.needed_funds'), { exact: true }).fill('9000');
  await person.getByLabel(fr('intake.field.given_name'), { exact: true }).fill(PERSON.givenName);
  await person.getByLabel(fr('intake.field.family_name'), { exact: true }).fill(PERSON.familyName);
  await person.getByLabel(fr('intake.field.email'), { exact: true }).fill(PERSON.email);
  await pick(fr('intake.field.residence'), 'Bruxelles-Capitale');
  await person.getByRole('checkbox', { name: fr('intake.consent.checkbox') }).check();
  await person.getByRole('button', { name: fr('intake.submit'), exact: true }).click();
  const referenceText = person.getByTestId('intake-reference');
  await expect(referenceText).toBeVisible();
  const reference = (await referenceText.textContent())!.trim();

  // 2. The Brussels coach finds it among the desk's cases and works it to elaboration.
  await brussels.getByRole('banner').getByRole('link', { name: fr('nav.cases') }).click();
  await brussels.getByRole('searchbox', { name: fr('cases.list.search') }).fill(reference);
  await brussels.getByRole('button', { name: fr('cases.list.apply'), exact: true }).click();
  await brussels.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(brussels.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  const caseUrl = brussels.url();
  const caseId = new URL(caseUrl).pathname.split('/').pop()!;
  await moveTo(brussels, 'cases.stage.identification');
  await moveTo(brussels, 'cases.stage.elaboration');

  // She agrees, at the desk, that CAIM Diourbel in Senegal receives her file to set up the workshop.
  const referral = region(brussels, fr('case_collaboration.section.referral'));
  // Referring without her consent is refused, saying what is missing.
  const refer = referral.getByRole('form', { name: fr('case_collaboration.refer.title') });
  await refer.getByLabel(fr('case_collaboration.refer.desk'), { exact: true }).selectOption({ label: DIOURBEL });
  await refer.getByLabel(fr('case_collaboration.refer.purpose'), { exact: true }).fill('Créer l’atelier à Diourbel et obtenir un microcrédit');
  await refer.getByRole('button', { name: fr('case_collaboration.refer.submit'), exact: true }).click();
  await expect(refer.getByText(fr('case_collaboration.missing.consent'))).toBeVisible();

  const consent = referral.getByRole('form', { name: fr('case_collaboration.consent_form.title') });
  await consent.getByLabel(fr('case_collaboration.consent_form.recipient'), { exact: true }).selectOption({ label: DIOURBEL });
  await consent.getByRole('checkbox', { name: fr('case_collaboration.category.business_project') }).check();
  await consent.getByRole('checkbox', { name: fr('case_collaboration.category.documents') }).check();
  await consent.getByLabel(fr('case_collaboration.consent_form.purpose'), { exact: true }).fill('Créer l’atelier à Diourbel avec l’appui du CAIM');
  await consent.getByLabel(fr('case_collaboration.consent_form.valid_until'), { exact: true }).fill('2028-12-31');
  await consent.getByLabel(fr('case_collaboration.consent_form.method'), { exact: true }).selectOption({ label: fr('case_collaboration.method.in_person') });
  await consent.getByRole('button', { name: fr('case_collaboration.consent_form.submit'), exact: true }).click();
  await expect(consent.getByText(fr('case_collaboration.consent_form.saved'))).toBeVisible();
  // The receipt she takes home, in French.
  const receiptHref = await referral.getByRole('link', { name: fr('case_collaboration.consents.receipt') }).getAttribute('href');
  const receipt = await brussels.request.get(receiptHref!);
  expect(await receipt.text()).toContain('Reçu de consentement');

  await refer.getByRole('button', { name: fr('case_collaboration.refer.submit'), exact: true }).click();
  await expect(refer.getByText(fr('case_collaboration.refer.sent'))).toBeVisible();
  await expectNoSeriousViolations(brussels);

  // The coach writes to her; she is told by e-mail, without the text.
  const brusselsMessages = region(brussels, fr('case_collaboration.section.messages'));
  await brusselsMessages.getByLabel(fr('case_collaboration.messages.write'), { exact: true }).fill('Votre dossier part au CAIM Diourbel, qui vous recontactera.');
  await brusselsMessages.getByRole('button', { name: fr('case_collaboration.messages.send'), exact: true }).click();
  await expect(brusselsMessages.getByText('Votre dossier part au CAIM Diourbel, qui vous recontactera.')).toBeVisible();
  await expect.poll(() => mailbox.received.some((m) => m.to.includes(PERSON.email) && m.text.includes(`/my-requests/${caseId}`))).toBe(true);
  expect(mailbox.received.filter((m) => m.to.includes(PERSON.email)).every((m) => !m.text.includes('recontactera'))).toBe(true);

  // 3. The Diourbel coach sees the referral waiting, with a summary, and accepts: Diourbel leads.
  await diourbel.getByRole('banner').getByRole('link', { name: fr('case_collaboration.nav.referrals'), exact: true }).click();
  await expect(diourbel.getByRole('heading', { level: 1, name: fr('case_collaboration.incoming.title') })).toBeVisible();
  const waiting = diourbel.getByRole('listitem').filter({ hasText: reference });
  await expect(waiting).toContainText('Atelier de transformation d’arachide');
  await expectNoSeriousViolations(diourbel);
  await waiting.getByRole('button', { name: fr('case_collaboration.incoming.accept'), exact: true }).click();
  await waiting.getByRole('link', { name: fr('case_collaboration.incoming.open_case') }).click();
  await expect(diourbel.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();

  // The business and financing plans, uploaded, are the project's plans: formalisation, then creation.
  const documents = region(diourbel, fr('case_collaboration.section.documents'));
  for (const [kind, name] of [['case_collaboration.document_kind.business_plan', 'plan-affaires.pdf'], ['case_collaboration.document_kind.financing_plan', 'plan-financement.pdf']] as const) {
    await documents.getByLabel(fr('case_collaboration.documents.kind'), { exact: true }).selectOption({ label: fr(kind) });
    await documents.getByLabel(fr('case_collaboration.documents.file'), { exact: true }).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF(name) });
    await documents.getByRole('button', { name: fr('case_collaboration.documents.upload'), exact: true }).click();
    await expect(documents.getByRole('link', { name })).toBeVisible();
  }
  await moveTo(diourbel, 'cases.stage.formalisation');
  // The move reloads the project, which resets the form: type only once that has settled.
  await diourbel.waitForLoadState('networkidle');
  const pipeline = region(diourbel, fr('cases.section.pipeline'));
  await pipeline.getByLabel(fr('cases.project.legal_form'), { exact: true }).fill('GIE');
  await pipeline.getByLabel(fr('cases.project.registered_on'), { exact: true }).fill('2026-11-28');
  await pipeline.getByRole('button', { name: fr('cases.project.save'), exact: true }).click();
  await expect(pipeline.getByLabel(fr('cases.project.legal_form'), { exact: true })).toHaveValue('GIE');
  await moveTo(diourbel, 'cases.stage.creation');

  // A micro-credit from the mutual bank, funded by remittances, in CFA francs.
  const outcome = region(diourbel, fr('cases.section.outcome'));
  await outcome.getByLabel(fr('cases.financing.kind'), { exact: true }).selectOption({ label: fr('cases.financing.kind.micro_credit') });
  await outcome.getByLabel(fr('cases.financing.amount'), { exact: true }).fill('750000');
  await outcome.getByLabel(fr('cases.project.currency'), { exact: true }).selectOption('XOF');
  await outcome.getByLabel(fr('cases.financing.source_organisation'), { exact: true }).selectOption({ label: 'Mutuelle d’épargne et de crédit du Baol' });
  await outcome.getByLabel(fr('cases.financing.from_remittances'), { exact: true }).check();
  await outcome.getByRole('button', { name: fr('cases.financing.add'), exact: true }).click();
  await expect(outcome.getByText(/750[\s\u202f\u00a0.,]?000/).first()).toBeVisible();

  const diourbelMessages = region(diourbel, fr('case_collaboration.section.messages'));
  await diourbelMessages.getByLabel(fr('case_collaboration.messages.write'), { exact: true }).fill('Votre microcrédit est accordé. Rendez-vous au CAIM lundi.');
  await diourbelMessages.getByRole('button', { name: fr('case_collaboration.messages.send'), exact: true }).click();
  await expect(diourbelMessages.getByText('Votre microcrédit est accordé. Rendez-vous au CAIM lundi.')).toBeVisible();
  await expectNoSeriousViolations(diourbel);

  // 4. The person creates her account (confirmed by e-mail), links her request and follows it.
  await person.goto('/register');
  await person.getByLabel(fr('auth.field.display_name'), { exact: true }).fill(PERSON.givenName);
  await person.getByLabel(fr('auth.field.email'), { exact: true }).fill(PERSON.email);
  await person.getByLabel(fr('auth.field.new_password'), { exact: true }).fill(PERSON_PASSWORD);
  await person.getByRole('button', { name: fr('auth.register.submit'), exact: true }).click();
  await expect.poll(() => mailbox.received.some((m) => m.to.includes(PERSON.email) && m.text.includes('/register/confirm'))).toBe(true);
  const confirmation = mailbox.received.find((m) => m.to.includes(PERSON.email) && m.text.includes('/register/confirm'))!;
  const link = new URL(confirmation.text.match(/https?:\/\/\S+\/register\/confirm\S*/)![0]);
  await person.goto(`${link.pathname}${link.search}`);
  await person.getByRole('button', { name: fr('auth.register.confirm_submit'), exact: true }).click();
  await expect(person.getByRole('banner').getByRole('link', { name: fr('my_requests.nav') })).toBeVisible();

  await person.getByRole('banner').getByRole('link', { name: fr('my_requests.nav') }).click();
  await expect(person.getByRole('heading', { level: 1, name: fr('my_requests.title') })).toBeVisible();
  await person.getByLabel(fr('my_requests.link.reference'), { exact: true }).fill(reference.toLowerCase());
  await person.getByRole('button', { name: fr('my_requests.link.submit'), exact: true }).click();
  await expect(person.getByRole('link', { name: new RegExp(reference) })).toBeVisible();
  await expectNoSeriousViolations(person);
  await person.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(person.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(person.getByText(DIOURBEL).first()).toBeVisible();
  await expect(person.locator('[aria-current="step"]')).toContainText(fr('my_requests.stage.creation'));
  await expect(person.getByText('Votre dossier part au CAIM Diourbel, qui vous recontactera.')).toBeVisible();
  await expect(person.getByText('Votre microcrédit est accordé. Rendez-vous au CAIM lundi.')).toBeVisible();
  await expectNoSeriousViolations(person);

  // She answers; the Diourbel coach, who now follows her, is told by e-mail.
  await person.getByLabel(fr('case_collaboration.messages.write'), { exact: true }).fill('Merci, je serai là lundi.');
  await person.getByRole('button', { name: fr('case_collaboration.messages.send'), exact: true }).click();
  await expect(person.getByText('Merci, je serai là lundi.')).toBeVisible();
  await expect.poll(() => mailbox.received.some((m) => m.to.includes('coach.diourbel@glocal.test') && m.text.includes(`/cases/${caseId}`))).toBe(true);

  // 5. The case counts for both desks: one more case each, and the micro-credit in XOF.
  const after = { brussels: await summaryOf(brussels.request), diourbel: await summaryOf(diourbel.request) };
  for (const desk of ['brussels', 'diourbel'] as const) {
    expect(after[desk].cases, desk).toBe(before[desk].cases + 1);
    expect(xof(after[desk]).count, desk).toBe(xof(before[desk]).count + 1);
    expect(Number(xof(after[desk]).amount) - Number(xof(before[desk]).amount), desk).toBe(750000);
  }
});
