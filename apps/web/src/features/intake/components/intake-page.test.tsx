import { INTAKE_POLICY_VERSION, type IntakeBody, type IntakeOptionsView } from '@glocal/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { IntakeRoute } from '../../../app/routes/intake-route';
import { readOutbox } from '../utils/intake-outbox';

const BRU = '11111111-1111-4111-8111-111111111111';
const BE = '22222222-2222-4222-8222-222222222222';
const SN = '33333333-3333-4333-8333-333333333333';
const DIO = '44444444-4444-4444-8444-444444444444';
const DESK = '55555555-5555-4555-8555-555555555555';

const OPTIONS: IntakeOptionsView = {
  policyVersion: INTAKE_POLICY_VERSION,
  desks: [{ id: DESK, name: 'Guichet migrants entrepreneurs Bruxelles', territoryIds: [BRU] }],
  territories: [
    { id: BE, parentId: null, code: 'BE', level: 'country', name: 'Belgium' },
    { id: BRU, parentId: BE, code: 'BE-BRU', level: 'region', name: 'Brussels' },
    { id: SN, parentId: null, code: 'SN', level: 'country', name: 'Senegal' },
    { id: DIO, parentId: SN, code: 'SN-DB-DIO', level: 'department', name: 'Diourbel' },
  ],
  requestKinds: ['business_project', 'job', 'return_reintegration', 'training', 'legal_social_support', 'pre_departure_information'],
  currencies: ['EUR', 'XOF'],
  sectors: [],
};
const RECEIPT = { reference: 'GLC-7K3M-9QXD-2WPA', deskName: 'Guichet migrants entrepreneurs Bruxelles', confirmationEmail: true };

function fakeApi(answerIntake: (body: IntakeBody) => Response = () => jsonResponse(RECEIPT, { status: 201 })) {
  const sent: IntakeBody[] = [];
  const fetchMock = mockFetch((url, init) => {
    if (url.pathname === '/api/v1/intake/options') return jsonResponse(OPTIONS);
    if (url.pathname === '/api/v1/intake' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as IntakeBody;
      sent.push(body);
      return answerIntake(body);
    }
    return jsonResponse({ code: 'route_not_found', status: 404 }, { status: 404 });
  });
  return { sent, fetchMock };
}

const type = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function fillBusinessRequest() {
  await screen.findByRole('heading', { level: 1, name: 'Ask a desk for help' });
  await screen.findByLabelText('First name');
  type('What you need, in your own words', 'A sewing workshop in Diourbel');
  type('Your business idea', 'Tailoring and selling fabric');
  fireEvent.change(screen.getByLabelText('Sector (optional)'), { target: { value: 'C' } });
  fireEvent.change(await screen.findByLabelText('Activity (optional)'), { target: { value: '14' } });
  type('Money you have (optional)', '1500');
  type('Money you need (optional)', '5000.50');
  type('First name', 'Awa');
  type('Phone', '+32 470 12 34 56');
  fireEvent.change(screen.getByLabelText('Where you live now'), { target: { value: BRU } });
  fireEvent.click(screen.getByRole('checkbox', { name: /I agree that the desk keeps/ }));
}

const setOnline = (online: boolean) => vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);

describe('the public intake page', { timeout: 20_000 }, () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('checks the form in the browser and shows each error next to its field, sending nothing', async () => {
    const { sent } = fakeApi();
    await renderWithProviders(<IntakeRoute />);
    await screen.findByLabelText('First name');
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/6 fields need your attention/);
    const errorOf = (label: string) => {
      const field = screen.getByLabelText(label);
      expect(field).toHaveAttribute('aria-invalid', 'true');
      return document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent;
    };
    expect(errorOf('First name')).toBeTruthy();
    expect(errorOf('E-mail')).toBe('Give an e-mail or a phone number.');
    expect(errorOf('Your business idea')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /I agree/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Without your consent we cannot keep your request.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('sends the request with consent and exact amounts, then shows the reference to keep', async () => {
    const { sent } = fakeApi();
    await renderWithProviders(<IntakeRoute />);
    await fillBusinessRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }));

    expect(await screen.findByRole('heading', { name: 'Your request has been sent' })).toBeInTheDocument();
    expect(screen.getByTestId('intake-reference')).toHaveTextContent('GLC-7K3M-9QXD-2WPA');
    expect(screen.getByText('We have also sent it to your e-mail address.')).toBeInTheDocument();
    expect(sent).toEqual([
      expect.objectContaining({
        requestKind: 'business_project',
        person: expect.objectContaining({ givenName: 'Awa', phone: '+32 470 12 34 56', residenceTerritoryId: BRU }),
        businessProject: { idea: 'Tailoring and selling fabric', isicSection: 'C', isicDivision: '14', funds: { currency: 'EUR', own: '1500', needed: '5000.50' } },
        consent: { processing: true, policyVersion: INTAKE_POLICY_VERSION },
        locale: 'en',
      }),
    ]);
    expect(sent[0]).not.toHaveProperty('website');
  });

  it("shows the server's field errors (JSON Pointers) next to the fields", async () => {
    fakeApi(() =>
      jsonResponse(
        { type: 'x', title: 'x', status: 400, code: 'validation_failed', errors: [{ pointer: '/person/phone', code: 'invalid_format' }] },
        { status: 400, contentType: 'application/problem+json' },
      ),
    );
    await renderWithProviders(<IntakeRoute />);
    await fillBusinessRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }));
    await waitFor(() => expect(screen.getByLabelText('Phone')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('First name')).not.toHaveAttribute('aria-invalid');
  });

  it('offline, keeps the request on the device and says so; sends it when the connection returns', async () => {
    const { sent } = fakeApi();
    const online = setOnline(false);
    await renderWithProviders(<IntakeRoute />);
    await fillBusinessRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }));

    const saved = await screen.findByRole('status');
    expect(within(saved).getByRole('heading', { name: 'Saved on this device' })).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    expect(readOutbox()).toHaveLength(1);
    expect(readOutbox()[0]!.body.submittedOfflineAt).toBeTruthy();

    online.mockReturnValue(true);
    await act(async () => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByTestId('intake-reference')).toHaveTextContent('GLC-7K3M-9QXD-2WPA');
    expect(sent).toHaveLength(1);
    expect(readOutbox()).toEqual([]);
  });

  it('a request kept on the device is sent when the page is opened again online', async () => {
    fakeApi();
    setOnline(false);
    const first = await renderWithProviders(<IntakeRoute />);
    await fillBusinessRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }));
    await screen.findByRole('heading', { name: 'Saved on this device' });
    first.unmount();

    const { sent } = fakeApi();
    setOnline(true);
    await renderWithProviders(<IntakeRoute />);
    expect(await screen.findByTestId('intake-reference')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('speaks Arabic, right to left', async () => {
    fakeApi();
    await renderWithProviders(<IntakeRoute />, { locale: 'ar' });
    expect(await screen.findByRole('heading', { level: 1, name: 'اطلب المساعدة من مكتب' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(await screen.findByLabelText('الاسم الأول')).toBeInTheDocument();
  });
});
