import type { OrganisationType } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { territoryIdsByCode } from '../territories/index.js';
import { organisationsRepository } from './organisations.repository.js';
import { partnershipsRepository } from './partnerships.repository.js';

type DemoOrganisation = {
  key: string;
  type: OrganisationType;
  name: string;
  territory: string;
  host?: string;
  languages: string[];
  serves?: string[];
};

/** A network like S.T.E.P.'s: desks at both ends of the corridor and the partners around them. */
const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'ard', type: 'local_authority', name: 'Agence régionale de développement de Diourbel', territory: 'SN-DB', languages: ['fr', 'wo'], serves: ['SN-DB-DIO', 'SN-DB-MBA', 'SN-DB-BAM'] },
  { key: 'caimDiourbel', type: 'help_desk', name: 'CAIM Diourbel', territory: 'SN-DB-DIO', host: 'ard', languages: ['fr', 'wo'], serves: ['SN-DB-BAM'] },
  { key: 'caimMbacke', type: 'help_desk', name: 'CAIM Mbacké', territory: 'SN-DB-MBA', host: 'ard', languages: ['fr', 'wo', 'ar'] },
  { key: 'brussels', type: 'help_desk', name: 'Guichet migrants entrepreneurs Bruxelles', territory: 'BE-BRU', languages: ['fr', 'nl', 'en', 'wo'] },
  { key: 'veneto', type: 'help_desk', name: 'Sportello migranti imprenditori Veneto', territory: 'IT-34', languages: ['it', 'fr', 'wo'] },
  { key: 'mutual', type: 'mutual', name: 'Mutuelle d’épargne et de crédit du Baol', territory: 'SN-DB', languages: ['fr', 'wo'], serves: ['SN-DB-DIO', 'SN-DB-MBA', 'SN-DB-BAM'] },
  { key: 'mto', type: 'money_transfer_operator', name: 'Teranga Transfert', territory: 'BE-BRU', languages: ['fr', 'en'], serves: ['IT-34', 'SN'] },
  { key: 'association', type: 'migrant_association', name: 'Association des ressortissants de Diourbel à Bruxelles', territory: 'BE-BRU', languages: ['fr', 'wo'] },
  { key: 'employer', type: 'employer', name: 'Huilerie artisanale du Baol', territory: 'SN-DB-DIO', languages: ['fr', 'wo'] },
];

const PARTNERSHIPS = [
  {
    kind: 'desk_network' as const,
    name: 'Réseau des guichets du corridor Bruxelles–Veneto–Diourbel',
    description: 'Desks on both ends of the corridor share cases, with consent, and follow projects together.',
    startsOn: '2024-01-15',
    partners: [
      { organisation: 'caimDiourbel', role: 'lead desk in the country of origin' },
      { organisation: 'brussels', role: 'desk in the country of residence' },
      { organisation: 'veneto', role: 'desk in the country of residence' },
    ],
  },
  {
    kind: 'convention' as const,
    name: 'Convention crédit migrants CAIM Diourbel – Mutuelle du Baol',
    description: 'Micro-credit for projects referred by the desk, co-funded by remittance savings.',
    startsOn: '2024-06-01',
    partners: [
      { organisation: 'caimDiourbel', role: 'refers projects and follows them up' },
      { organisation: 'mutual', role: 'assesses and funds micro-credit' },
    ],
  },
  {
    kind: 'decentralised_cooperation' as const,
    name: 'Coopération décentralisée Veneto – Diourbel',
    description: null,
    startsOn: '2023-03-01',
    partners: [
      { territory: 'IT-34', role: 'partner region in the country of residence' },
      { territory: 'SN-DB', role: 'partner region in the country of origin' },
    ],
  },
];

// Illustrative figures for the demo, not official statistics.
const STATISTICS = [
  { territory: 'SN-DB', year: 2023, populationTotal: 2_014_000, populationFemale: 1_032_000, populationMale: 982_000, foreignBorn: 21_000, emigrantsAbroad: 96_000 },
  { territory: 'BE-BRU', year: 2023, populationTotal: 1_241_000, populationFemale: 633_000, populationMale: 608_000, foreignBorn: 570_000, emigrantsAbroad: null },
  { territory: 'IT-34', year: 2023, populationTotal: 4_850_000, populationFemale: 2_470_000, populationMale: 2_380_000, foreignBorn: 500_000, emigrantsAbroad: null },
];

/** Idempotent: looks organisations up by name and territory, partnerships by name. Returns ids by key. */
export async function seedDemoNetwork(db: Executor): Promise<Record<string, string>> {
  const territories = await territoryIdsByCode(db, ['SN', 'SN-DB', 'SN-DB-DIO', 'SN-DB-MBA', 'SN-DB-BAM', 'BE-BRU', 'IT-34']);
  const repository = organisationsRepository(db);
  const ids: Record<string, string> = {};
  for (const org of ORGANISATIONS) {
    const territoryId = territories[org.territory]!;
    const existing = await repository.findByNameInTerritory(org.name, territoryId);
    const id =
      existing?.id ??
      (
        await repository.insert({
          type: org.type,
          name: org.name,
          hostOrganisationId: org.host ? ids[org.host]! : null,
          homeTerritoryId: territoryId,
          languages: org.languages,
          email: null,
          phone: null,
          website: null,
          requireMfa: false,
        })
      ).id;
    ids[org.key] = id;
    await repository.setServedTerritories(id, (org.serves ?? []).map((code) => territories[code]!));
  }

  for (const partnership of PARTNERSHIPS) {
    if (await partnershipsRepository(db).findByName(partnership.name)) continue;
    const row = await partnershipsRepository(db).insert({
      kind: partnership.kind,
      name: partnership.name,
      description: partnership.description,
      startsOn: partnership.startsOn,
      endsOn: null,
    });
    await partnershipsRepository(db).addPartners(
      row.id,
      partnership.partners.map((p) =>
        'organisation' in p ? { organisationId: ids[p.organisation]!, role: p.role } : { territoryId: territories[p.territory]!, role: p.role },
      ),
    );
  }

  for (const { territory, ...figures } of STATISTICS) {
    await sql`
      insert into territory_statistic (territory_id, year, population_total, population_female, population_male, foreign_born, emigrants_abroad, source)
      values (${territories[territory]}, ${figures.year}, ${figures.populationTotal}, ${figures.populationFemale}, ${figures.populationMale},
              ${figures.foreignBorn}, ${figures.emigrantsAbroad}, 'Glocal demo data (illustrative)')
      on conflict (territory_id, year) do nothing`.execute(db);
  }
  return ids;
}
