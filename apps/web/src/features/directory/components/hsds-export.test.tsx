import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';

const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);
const coach = staffMe([{ organisationId: '66666666-6666-4666-8666-666666666666', organisationName: 'CAIM Diourbel', role: 'coach' }]);

describe('the HSDS export', { timeout: 20_000 }, () => {
  it('offers territory officers the directory as one HSDS datapackage zip, beside the import', async () => {
    fakeStaffApi({}, officer);
    await renderApp('/directory/import');

    expect(await screen.findByRole('heading', { level: 1, name: 'Import and export services (HSDS)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Export the directory' })).toBeInTheDocument();
    const download = screen.getByRole('link', { name: 'Download the HSDS data package (zip)' });
    expect(download).toHaveAttribute('href', '/api/v1/directory/exports/datapackage.zip');
    expect(download).toHaveAttribute('download', 'hsds-datapackage.zip');
  });

  it('is linked from the directory page', async () => {
    fakeStaffApi({}, officer);
    await renderApp('/directory');
    expect(await screen.findByRole('link', { name: 'Import or export HSDS data' })).toHaveAttribute('href', '/directory/import');
  });

  it('is not offered to desk staff, who may not export', async () => {
    fakeStaffApi({}, coach);
    await renderApp('/directory/import');

    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download the HSDS data package (zip)' })).not.toBeInTheDocument();
  });
});
