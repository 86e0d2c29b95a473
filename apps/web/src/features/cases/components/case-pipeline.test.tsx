import { BusinessProjectView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { CASE_ID, DESK_ID, caseDetailFixture } from '../testing/case.fixtures';
import { CasePipeline } from './case-pipeline';

const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }], { csrfToken: 'csrf-coach' });
const territories = [{ id: '60000000-0000-4000-8000-000000000001', name: 'Mbacké', code: 'SN-DB-MBA' }];

describe('the business-project pipeline on the case page', { timeout: 20_000 }, () => {
  it('shows what the next stage needs, and a refused move marks each missing field next to it', async () => {
    const { sent } = fakeStaffApi(
      {
        [`POST /api/v1/cases/${CASE_ID}/stage`]: () =>
          problemResponse(422, {
            code: 'case.stage_requirements_missing',
            errors: [
              { pointer: '/isicSection', code: 'required' },
              { pointer: '/isicDivision', code: 'required' },
              { pointer: '/setupTerritoryId', code: 'required' },
            ],
          }),
      },
      coach,
    );
    const detail = caseDetailFixture();
    await renderAtPath(<CasePipeline detail={{ ...detail, businessProject: detail.businessProject! }} territories={territories} />, `/cases/${CASE_ID}`);

    expect(screen.getByText('Idea (current stage)')).toBeInTheDocument();
    expect(screen.getByText(/Before moving to Identification, the project still needs/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Idea described with the person' })).not.toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Move the project' }));
    const alert = await screen.findByText('The move was refused: 3 fields are missing, marked below.');
    expect(within(alert.closest('div')!).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Sector (ISIC section)', 'Activity (ISIC division)', 'Where it will be set up',
    ]);
    const sector = screen.getByRole('combobox', { name: 'Sector (ISIC section)' });
    expect(sector).toHaveAttribute('aria-invalid', 'true');
    expect(sector).toHaveAccessibleDescription('Needed before the next stage.');
    expect(screen.getByRole('combobox', { name: 'Where it will be set up' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'The idea' })).not.toHaveAttribute('aria-invalid');

    const move = sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(move.body!)).toEqual({ toStage: 'identification' });
  });

  it('saves only the fields changed, amounts as exact decimal strings, and ticks checklist items', async () => {
    const { sent } = fakeStaffApi(
      {
        [`PATCH /api/v1/cases/${CASE_ID}/business-project`]: () => jsonResponse(BusinessProjectView.parse({ ...caseDetailFixture().businessProject })),
      },
      coach,
    );
    const detail = caseDetailFixture();
    await renderAtPath(<CasePipeline detail={{ ...detail, businessProject: detail.businessProject! }} territories={territories} />, `/cases/${CASE_ID}`);

    fireEvent.change(screen.getByRole('combobox', { name: 'Sector (ISIC section)' }), { target: { value: 'A' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Activity (ISIC division)' }), { target: { value: '01' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Currency' }), { target: { value: 'XOF' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount needed' }), { target: { value: '5000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the project' }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    expect(JSON.parse(sent.find((request) => request.method === 'PATCH')!.body!)).toEqual({
      isicSection: 'A', isicDivision: '01', currency: 'XOF', neededAmount: '5000000',
    });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Idea described with the person' }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(2));
    expect(JSON.parse(sent.filter((request) => request.method === 'PATCH')[1]!.body!)).toEqual({ checklist: { idea_described: true } });
  });

  it('asks for a reason when moving back a stage, and a desk that only reads the case gets no controls', async () => {
    fakeStaffApi({}, coach);
    const detail = caseDetailFixture({ stage: 'elaboration', nextStage: 'formalisation', missingForNextStage: [] });
    const view = await renderAtPath(<CasePipeline detail={{ ...detail, businessProject: detail.businessProject! }} />, `/cases/${CASE_ID}`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Move to' }), { target: { value: 'identification' } });
    expect(screen.getByRole('textbox', { name: 'Why move back' })).toBeInTheDocument();
    view.unmount();

    const shared = caseDetailFixture();
    await renderAtPath(
      <CasePipeline detail={{ ...shared, access: 'shared', can: { update: false, assign: false, close: false }, businessProject: shared.businessProject! }} />,
      `/cases/${CASE_ID}`,
    );
    expect(screen.queryByRole('button', { name: 'Move the project' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the project' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Idea described with the person' })).toBeDisabled();
  });
});
