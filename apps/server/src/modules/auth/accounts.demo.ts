import type { Role } from '@glocal/contracts';
import { sql } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Executor } from '../../platform/db/database.js';

/** The demo password of every demo account; documented in the README, seeded in demo mode only. */
export const DEMO_PASSWORD = 'glocal-demo-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: { role: Role; organisation: string | null }[] }[] = [
  { email: 'admin@glocal.test', displayName: 'Awa Admin', roles: [{ role: 'platform_admin', organisation: null }] },
  { email: 'officer.diourbel@glocal.test', displayName: 'Ousmane Ndiaye', roles: [{ role: 'lra_officer', organisation: 'ard' }] },
  {
    email: 'manager.diourbel@glocal.test',
    displayName: 'Fatou Diop',
    roles: [
      { role: 'desk_manager', organisation: 'caimDiourbel' },
      { role: 'org_admin', organisation: 'caimDiourbel' },
    ],
  },
  { email: 'coach.diourbel@glocal.test', displayName: 'Mamadou Fall', roles: [{ role: 'coach', organisation: 'caimDiourbel' }] },
  { email: 'coach.brussels@glocal.test', displayName: 'Claire Dubois', roles: [{ role: 'coach', organisation: 'brussels' }] },
  { email: 'coach.veneto@glocal.test', displayName: 'Giulia Rossi', roles: [{ role: 'coach', organisation: 'veneto' }] },
  { email: 'coach.mbacke@glocal.test', displayName: 'Khadim Sarr', roles: [{ role: 'coach', organisation: 'caimMbacke' }] },
  { email: 'mfi.diourbel@glocal.test', displayName: 'Ibrahima Sarr', roles: [{ role: 'partner_staff', organisation: 'mutual' }] },
  { email: 'dpo@glocal.test', displayName: 'Nadia Benali', roles: [{ role: 'dpo', organisation: null }] },
];

/** Idempotent: existing accounts keep their password; memberships are added when missing. */
export async function seedDemoAccounts(db: Executor, organisationIds: Record<string, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await db
      .insertInto('appUser')
      .values({ email: account.email, displayName: account.displayName, passwordHash })
      .onConflict((conflict) => conflict.column('email').doNothing())
      .execute();
    const { id } = await db.selectFrom('appUser').select('id').where('email', '=', account.email).executeTakeFirstOrThrow();
    for (const { role, organisation } of account.roles) {
      const organisationId = organisation ? organisationIds[organisation]! : null;
      await sql`
        insert into membership (user_id, organisation_id, role) values (${id}, ${organisationId}, ${role})
        on conflict do nothing`.execute(db);
    }
  }
}
