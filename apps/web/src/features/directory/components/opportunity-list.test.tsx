import { OpportunityList as OpportunityListView, type OpportunityView } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse } from '../../../testing/staff-api';
import { TERRITORY_ID } from '../testing/directory.fixtures';
import { OpportunityList } from './opportunity-list';

const territories = [{ id: TERRITORY_ID, name: 'Diourbel', code: 'SN-DB' }];
const opportunity = (overrides: Partial<OpportunityView>): OpportunityView => ({
  id: '70000000-0000-4000-8000-000000000001',
  kind: 'value_chain',
  isicCode: '1040',
  title: 'Processing groundnuts into oil and paste',
  description: 'The Diourbel groundnut basin needs small and medium processing units.',
  territoryId: TERRITORY_ID,
  territoryName: 'Diourbel',
  contactName: 'ARD Diourbel',
  contactEmail: null,
  contactPhone: null,
  canEdit: false,
  ...overrides,
});
const groundnut = opportunity({});
const solar = opportunity({ id: '70000000-0000-4000-8000-000000000002', kind: 'investment', isicCode: 'D', title: 'Solar mini-grids for villages' });
const odd = opportunity({ id: '70000000-0000-4000-8000-000000000003', kind: 'income_generating', isicCode: '0000', title: 'An uncoded activity' });
const page = (items: OpportunityView[]) => jsonResponse(OpportunityListView.parse({ items, nextCursor: null }));

describe('the economic opportunities', { timeout: 20_000 }, () => {
  it('filters by kind and by ISIC sector or division, keeps them in the address, and names each sector in the reader’s language', async () => {
    const { sent } = fakeStaffApi(
      { 'GET /api/v1/directory/opportunities': ({ url }) => page(url.searchParams.get('isic') === '10' ? [groundnut] : [groundnut, solar, odd]) },
      null,
    );
    const { router } = await renderAtPath(<OpportunityList territories={territories} />, '/directory/opportunities');
    expect(await screen.findByText('3 opportunities')).toBeInTheDocument();
    const item = (title: string) => screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
    expect(item('Processing groundnuts into oil and paste')).toHaveTextContent('Sector and value chain · Food products (ISIC 1040)');
    expect(item('Solar mini-grids for villages')).toHaveTextContent('Investment · Electricity, gas, steam and air conditioning supply (ISIC D)');
    expect(item('An uncoded activity')).toHaveTextContent('Income-generating activity · ISIC 0000');

    expect(screen.queryByRole('combobox', { name: 'Activity (ISIC division)' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of opportunity' }), { target: { value: 'value_chain' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sector (ISIC Rev.4)' }), { target: { value: 'C' } });
    const division = screen.getByRole('combobox', { name: 'Activity (ISIC division)' });
    expect(within(division).getAllByRole('option')).toHaveLength(25);
    fireEvent.change(division, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 opportunity')).toBeInTheDocument();
    const last = sent.filter((request) => request.url.pathname === '/api/v1/directory/opportunities').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toMatchObject({ kind: 'value_chain', isic: '10', locale: 'en' });
    expect(new URLSearchParams(router.state.location.search).get('isic')).toBe('10');
    expect(new URLSearchParams(router.state.location.search).get('kind')).toBe('value_chain');

    // Back to the whole section: its letter is sent.
    fireEvent.change(screen.getByRole('combobox', { name: 'Activity (ISIC division)' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('3 opportunities');
    expect(sent.filter((request) => request.url.pathname === '/api/v1/directory/opportunities').at(-1)!.url.searchParams.get('isic')).toBe('C');
  });

  it('opens with the filters of the address, a class showing as its section and division', async () => {
    const { sent } = fakeStaffApi({ 'GET /api/v1/directory/opportunities': () => page([groundnut]) }, null);
    await renderAtPath(<OpportunityList territories={territories} />, '/directory/opportunities?isic=1040&kind=investment');
    await screen.findByText('1 opportunity');
    expect(screen.getByRole('combobox', { name: 'Sector (ISIC Rev.4)' })).toHaveValue('C');
    expect(screen.getByRole('combobox', { name: 'Activity (ISIC division)' })).toHaveValue('10');
    expect(screen.getByRole('combobox', { name: 'Kind of opportunity' })).toHaveValue('investment');
    expect(Object.fromEntries(sent.find((request) => request.url.pathname === '/api/v1/directory/opportunities')!.url.searchParams)).toMatchObject({ isic: '1040', kind: 'investment' });
  });

  it('shows the sector names in Arabic', async () => {
    fakeStaffApi({ 'GET /api/v1/directory/opportunities': () => page([groundnut]) }, null);
    await renderAtPath(<OpportunityList territories={territories} />, '/directory/opportunities', { locale: 'ar' });
    const heading = await screen.findByRole('heading', { level: 3, name: 'Processing groundnuts into oil and paste' });
    expect(heading.closest('li')).toHaveTextContent('صنع المنتجات الغذائية (التصنيف الصناعي الدولي 1040)');
    expect(screen.getByRole('combobox', { name: 'القطاع (التصنيف الصناعي الدولي، التنقيح 4)' })).toBeInTheDocument();
  });

  it('shows a sector the server refuses as an error next to the sector field', async () => {
    fakeStaffApi(
      {
        'GET /api/v1/directory/opportunities': () =>
          problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/isic', code: 'invalid_format', params: {} }] }),
      },
      null,
    );
    await renderAtPath(<OpportunityList territories={territories} />, '/directory/opportunities?isic=ZZ');
    const sector = screen.getByRole('combobox', { name: 'Sector (ISIC Rev.4)' });
    expect(await screen.findByText('This is not in the expected format.')).toHaveAttribute('id', sector.getAttribute('aria-describedby'));
    expect(sector).toHaveAttribute('aria-invalid', 'true');
    expect(sector).toHaveAccessibleDescription(/.+/);
    expect(screen.getByRole('combobox', { name: 'Kind of opportunity' })).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
