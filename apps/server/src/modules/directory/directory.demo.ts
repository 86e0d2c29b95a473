import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { territoryIdsByCode } from '../territories/index.js';
import { directoryRepository } from './directory.repository.js';

/** Name-based UUIDs (v5 layout): the demo's ids are the same on every instance and every run. */
export function demoId(name: string): string {
  const hash = createHash('sha1').update(`glocal-demo-directory:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** Same ids as the taxonomy migration's. */
const termId = (code: string) => {
  const hash = createHash('sha1').update(`glocal-taxonomy:term:${code}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

type Texts = { fr: string; en: string; it?: string };
type Place = { city: string; territory: string; street: string; postcode: string; lat: number; lon: number; province: string; country: 'BE' | 'IT' | 'SN' };
type Offer = {
  key: string;
  terms: string[];
  name: Texts;
  description: Texts;
  eligibility?: Texts;
  apply?: Texts;
  documents?: Texts[];
  free?: boolean;
  fee?: { amount: string; currency: string; what: Texts };
  loan?: { min: string; max: string; currency: string; interestMin: string; interestMax: string; collateral: boolean };
  diaspora?: boolean;
  returnee?: boolean;
  groups?: string[];
  hours?: { days: string; opens: string; closes: string };
};
type Provider = { key: string; organisation?: string; name: Texts; description: Texts; website?: string; email?: string; phone: string; places: Place[]; offers: Offer[]; staff: string[] };

const P = (city: string, territory: string, street: string, postcode: string, lat: number, lon: number, province: string, country: Place['country']): Place => ({ city, territory, street, postcode, lat, lon, province, country });
const BRUSSELS = [
  P('Bruxelles', 'BE-BRU', 'Rue Royale 2', '1000', 50.8466, 4.3601, 'Bruxelles-Capitale', 'BE'),
  P('Schaerbeek', 'BE-BRU', 'Chaussée de Haecht 140', '1030', 50.8631, 4.3735, 'Bruxelles-Capitale', 'BE'),
  P('Molenbeek-Saint-Jean', 'BE-BRU', 'Chaussée de Gand 87', '1080', 50.8556, 4.3290, 'Bruxelles-Capitale', 'BE'),
  P('Saint-Gilles', 'BE-BRU', 'Chaussée de Waterloo 39', '1060', 50.8309, 4.3466, 'Bruxelles-Capitale', 'BE'),
  P('Anderlecht', 'BE-BRU', 'Rue Wayez 61', '1070', 50.8357, 4.3074, 'Bruxelles-Capitale', 'BE'),
  P('Ixelles', 'BE-BRU', 'Chaussée d’Ixelles 227', '1050', 50.8290, 4.3700, 'Bruxelles-Capitale', 'BE'),
];
const VENETO = [
  P('Padova', 'IT-34', 'Piazza Insurrezione 1', '35137', 45.4077, 11.8760, 'PD', 'IT'),
  P('Venezia Mestre', 'IT-34', 'Via Poerio 34', '30171', 45.4903, 12.2425, 'VE', 'IT'),
  P('Verona', 'IT-34', 'Corso Porta Nuova 96', '37122', 45.4340, 10.9886, 'VR', 'IT'),
  P('Vicenza', 'IT-34', 'Contrà Porti 16', '36100', 45.5496, 11.5468, 'VI', 'IT'),
  P('Treviso', 'IT-34', 'Piazza Borsa 3', '31100', 45.6663, 12.2437, 'TV', 'IT'),
  P('Rovigo', 'IT-34', 'Corso del Popolo 129', '45100', 45.0698, 11.7903, 'RO', 'IT'),
  P('Belluno', 'IT-34', 'Piazza Duomo 2', '32100', 46.1404, 12.2166, 'BL', 'IT'),
];
const DIOURBEL = P('Diourbel', 'SN-DB-DIO', 'Avenue Léopold Sédar Senghor', 'BP 52', 14.6552, -16.2314, 'Diourbel', 'SN');
const MBACKE = P('Mbacké', 'SN-DB-MBA', 'Route de Touba', 'BP 105', 14.7906, -15.9086, 'Diourbel', 'SN');
const TOUBA = P('Touba', 'SN-DB-MBA', 'Quartier Darou Khoudoss', 'BP 200', 14.8500, -15.8833, 'Diourbel', 'SN');
const BAMBEY = P('Bambey', 'SN-DB-BAM', 'Avenue El Hadji Malick Sy', 'BP 31', 14.6983, -16.4536, 'Diourbel', 'SN');
const SENEGAL = [DIOURBEL, MBACKE, TOUBA, BAMBEY];

const WEEKDAYS = { days: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00' };
const ID_CARD: Texts = { fr: 'Pièce d’identité ou passeport', en: 'Identity card or passport', it: 'Documento d’identità o passaporto' };
const RESIDENCE: Texts = { fr: 'Titre de séjour (si vous en avez un)', en: 'Residence permit (if you have one)', it: 'Permesso di soggiorno (se disponibile)' };
const PLAN: Texts = { fr: 'Description du projet ou plan d’affaires', en: 'Project description or business plan', it: 'Descrizione del progetto o piano d’impresa' };
const ADDRESS_PROOF: Texts = { fr: 'Justificatif de domicile', en: 'Proof of address', it: 'Prova di residenza' };
const DIPLOMA: Texts = { fr: 'Diplômes et relevés de notes, avec traduction', en: 'Diplomas and transcripts, with translation', it: 'Diplomi e certificati degli esami, con traduzione' };
const BY_APPOINTMENT: Texts = { fr: 'Prenez rendez-vous par téléphone ou au guichet.', en: 'Book an appointment by phone or at the desk.', it: 'Prenota un appuntamento per telefono o allo sportello.' };
const WALK_IN: Texts = { fr: 'Présentez-vous aux heures d’ouverture, sans rendez-vous.', en: 'Come during opening hours, no appointment needed.', it: 'Presentati negli orari di apertura, senza appuntamento.' };

const PROVIDERS: Provider[] = [
  {
    key: 'microstart', name: { fr: 'microStart', en: 'microStart' }, description: { fr: 'Coopérative de microfinance qui prête aux personnes exclues du crédit bancaire pour créer leur activité.', en: 'Microfinance cooperative lending to people without access to bank credit so they can start a business.' },
    website: 'https://microstart.example.be', phone: '+32 2 888 61 00', places: BRUSSELS.slice(0, 3), staff: ['fr', 'nl', 'en', 'ar'],
    offers: [
      { key: 'loan', terms: ['FIN-CRD'], name: { fr: 'Microcrédit pour créer son entreprise', en: 'Micro-credit to start a business' }, description: { fr: 'Prêt de 500 à 25 000 euros pour lancer ou développer une petite activité, avec accompagnement gratuit.', en: 'Loans of 500 to 25,000 euros to start or grow a small business, with free coaching.' }, eligibility: { fr: 'Personnes sans accès au crédit bancaire, résidant en Belgique.', en: 'People without access to bank credit, living in Belgium.' }, apply: BY_APPOINTMENT, documents: [ID_CARD, PLAN, ADDRESS_PROOF], loan: { min: '500', max: '25000', currency: 'EUR', interestMin: '6.5', interestMax: '9.5', collateral: false }, diaspora: true, groups: ['entrepreneurs', 'women', 'youth'], hours: WEEKDAYS },
      { key: 'coaching', terms: ['BDS-COA', 'BDS-BPL'], name: { fr: 'Accompagnement des micro-entrepreneurs', en: 'Coaching for micro-entrepreneurs' }, description: { fr: 'Des coachs bénévoles aident à préparer le plan financier et suivent les premiers mois.', en: 'Volunteer coaches help prepare the financial plan and follow the first months.' }, free: true, apply: BY_APPOINTMENT, groups: ['entrepreneurs'], hours: WEEKDAYS },
    ],
  },
  {
    key: 'credal', name: { fr: 'Crédal', en: 'Crédal' }, description: { fr: 'Coopérative de finance éthique : microcrédit, crédit social et accompagnement.', en: 'Ethical finance cooperative: micro-credit, social loans and support.' },
    website: 'https://credal.example.be', phone: '+32 10 48 33 50', places: [BRUSSELS[3]!], staff: ['fr', 'nl'],
    offers: [
      { key: 'social-loan', terms: ['FIN-CRD'], name: { fr: 'Crédit social accompagné', en: 'Supported social loan' }, description: { fr: 'Petit prêt pour un projet de vie (formation, véhicule, caution) avec suivi budgétaire.', en: 'Small loan for a life project (training, vehicle, rent deposit) with budget follow-up.' }, loan: { min: '500', max: '12500', currency: 'EUR', interestMin: '3', interestMax: '5', collateral: false }, groups: ['women', 'refugees'], documents: [ID_CARD, ADDRESS_PROOF], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'literacy', terms: ['FIN-LIT'], name: { fr: 'Ateliers budget et épargne', en: 'Budget and savings workshops' }, description: { fr: 'Ateliers collectifs pour gérer son budget, épargner et comparer les frais de transfert d’argent.', en: 'Group workshops on managing a budget, saving and comparing money transfer fees.' }, free: true, apply: WALK_IN, groups: ['women', 'diaspora'], hours: { days: 'WE', opens: '14:00', closes: '16:00' } },
    ],
  },
  {
    key: 'hub', name: { fr: 'hub.brussels – Agence bruxelloise pour l’accompagnement de l’entreprise', en: 'hub.brussels – Brussels business support agency' }, description: { fr: 'Agence régionale qui informe et accompagne les entrepreneurs à Bruxelles.', en: 'Regional agency informing and supporting entrepreneurs in Brussels.' },
    website: 'https://hub.example.brussels', phone: '+32 2 422 00 20', places: [BRUSSELS[0]!], staff: ['fr', 'nl', 'en'],
    offers: [
      { key: 'start', terms: ['BDS-COA', 'BDS-REG'], name: { fr: 'Créer son entreprise à Bruxelles : premier conseil', en: 'Starting a business in Brussels: first advice' }, description: { fr: 'Entretien individuel sur le statut, les démarches d’immatriculation et les aides régionales.', en: 'One-to-one meeting on legal form, registration steps and regional grants.' }, free: true, apply: BY_APPOINTMENT, documents: [ID_CARD], groups: ['entrepreneurs', 'diaspora'], hours: WEEKDAYS },
      { key: 'export', terms: ['BDS-MKT'], name: { fr: 'Export et marchés africains', en: 'Export and African markets' }, description: { fr: 'Conseil aux entreprises bruxelloises qui veulent vendre ou s’approvisionner en Afrique de l’Ouest.', en: 'Advice for Brussels companies selling to or sourcing from West Africa.' }, free: true, apply: BY_APPOINTMENT, diaspora: true, groups: ['entrepreneurs', 'diaspora'], hours: WEEKDAYS },
      { key: 'incubator', terms: ['BDS-INC'], name: { fr: 'Incubateur pour entrepreneurs issus de la diversité', en: 'Incubator for entrepreneurs from diverse backgrounds' }, description: { fr: 'Six mois d’incubation : bureau partagé, mentorat et mise en réseau.', en: 'Six months of incubation: shared office, mentoring and networking.' }, fee: { amount: '50', currency: 'EUR', what: { fr: 'Participation mensuelle', en: 'Monthly contribution', it: 'Contributo mensile' } }, groups: ['entrepreneurs', 'youth', 'women'], apply: BY_APPOINTMENT, documents: [PLAN], hours: WEEKDAYS },
    ],
  },
  {
    key: 'beci', name: { fr: 'BECI – Chambre de commerce et d’industrie de Bruxelles', en: 'BECI – Brussels Chamber of Commerce and Industry' }, description: { fr: 'Chambre de commerce : guichet d’entreprise, formalités export, réseau d’affaires.', en: 'Chamber of commerce: business registration desk, export formalities, business network.' },
    website: 'https://beci.example.be', phone: '+32 2 648 50 02', places: [BRUSSELS[5]!], staff: ['fr', 'nl', 'en'],
    offers: [
      { key: 'registration', terms: ['BDS-REG'], name: { fr: 'Guichet d’entreprise : immatriculation à la BCE', en: 'Business desk: registration in the company register' }, description: { fr: 'Inscription à la Banque-Carrefour des Entreprises, numéro de TVA, accès à la profession.', en: 'Registration in the Crossroads Bank for Enterprises, VAT number, professional access.' }, fee: { amount: '100.50', currency: 'EUR', what: { fr: 'Frais d’inscription', en: 'Registration fee', it: 'Diritti di iscrizione' } }, documents: [ID_CARD, RESIDENCE], apply: WALK_IN, groups: ['entrepreneurs'], hours: WEEKDAYS },
      { key: 'certificates', terms: ['BDS-MKT'], name: { fr: 'Certificats d’origine et formalités export', en: 'Certificates of origin and export formalities' }, description: { fr: 'Délivrance des certificats d’origine et carnets ATA pour exporter.', en: 'Certificates of origin and ATA carnets for exporting.' }, fee: { amount: '35', currency: 'EUR', what: { fr: 'Par certificat', en: 'Per certificate', it: 'Per certificato' } }, apply: WALK_IN, hours: WEEKDAYS },
    ],
  },
  {
    key: 'actiris', name: { fr: 'Actiris – Office régional bruxellois de l’emploi', en: 'Actiris – Brussels regional employment office' }, description: { fr: 'Service public de l’emploi de la Région de Bruxelles-Capitale.', en: 'Public employment service of the Brussels-Capital Region.' },
    website: 'https://actiris.example.brussels', phone: '+32 2 800 42 42', places: BRUSSELS.slice(1, 6), staff: ['fr', 'nl', 'en'],
    offers: [
      { key: 'registration', terms: ['EMP-PES'], name: { fr: 'S’inscrire comme chercheur d’emploi', en: 'Register as a job seeker' }, description: { fr: 'Inscription, conseiller emploi, accès aux offres et aux aides à l’embauche.', en: 'Registration, an employment adviser, job offers and hiring incentives.' }, free: true, documents: [ID_CARD, RESIDENCE], apply: WALK_IN, hours: WEEKDAYS },
      { key: 'select', terms: ['EMP-PLA'], name: { fr: 'Select Actiris : placement sur offres', en: 'Select Actiris: job placement' }, description: { fr: 'Présélection de candidats pour les employeurs et mise en relation directe.', en: 'Pre-selection of candidates for employers and direct matching.' }, free: true, apply: BY_APPOINTMENT, groups: ['youth', 'refugees'], hours: WEEKDAYS },
    ],
  },
  {
    key: 'bf', name: { fr: 'Bruxelles Formation', en: 'Bruxelles Formation' }, description: { fr: 'Organisme public de formation professionnelle des francophones à Bruxelles.', en: 'Public vocational training body for French speakers in Brussels.' },
    website: 'https://bruxellesformation.example.brussels', phone: '+32 800 555 66', places: [BRUSSELS[4]!, BRUSSELS[2]!], staff: ['fr'],
    offers: [
      { key: 'trades', terms: ['TRN-VOC'], name: { fr: 'Formations qualifiantes aux métiers', en: 'Vocational training in trades' }, description: { fr: 'Formations gratuites en construction, logistique, horeca, numérique, avec stage en entreprise.', en: 'Free training in construction, logistics, hospitality and digital, with a work placement.' }, free: true, documents: [ID_CARD], apply: WALK_IN, groups: ['youth', 'refugees'], hours: WEEKDAYS },
      { key: 'entrepreneur', terms: ['TRN-ENT'], name: { fr: 'Formation à la gestion d’entreprise', en: 'Business management training' }, description: { fr: 'Cours du soir en gestion (accès à la profession) : comptabilité, droit, commercial.', en: 'Evening classes in business management: accounting, law, sales.' }, free: true, apply: BY_APPOINTMENT, groups: ['entrepreneurs'], hours: { days: 'MO,TU,TH', opens: '18:00', closes: '21:00' } },
      { key: 'skills', terms: ['EMP-SKR'], name: { fr: 'Validation des compétences', en: 'Skills validation' }, description: { fr: 'Épreuve pratique pour obtenir un titre de compétence reconnu, sans diplôme.', en: 'Practical test to obtain a recognised skills certificate without a diploma.' }, free: true, apply: BY_APPOINTMENT, returnee: false, hours: WEEKDAYS },
    ],
  },
  {
    key: 'french', name: { fr: 'Lire et Écrire Bruxelles', en: 'Lire et Écrire Brussels' }, description: { fr: 'Association d’alphabétisation et de cours de français pour adultes.', en: 'Literacy and French classes for adults.' },
    website: 'https://lire-et-ecrire.example.be', phone: '+32 2 412 56 10', places: BRUSSELS.slice(1, 5), staff: ['fr', 'ar', 'en'],
    offers: [
      { key: 'fle', terms: ['TRN-LAN'], name: { fr: 'Cours de français langue étrangère', en: 'French as a foreign language' }, description: { fr: 'Cours de français en petits groupes, du niveau débutant au niveau B1.', en: 'French classes in small groups, from beginner to B1 level.' }, free: true, apply: WALK_IN, groups: ['women', 'refugees'], hours: { days: 'MO,WE,FR', opens: '09:30', closes: '12:00' } },
    ],
  },
  {
    key: 'adde', name: { fr: 'ADDE – Association pour le droit des étrangers', en: 'ADDE – Association for the rights of foreigners' }, description: { fr: 'Permanences juridiques en droit des étrangers et en droit international privé.', en: 'Legal advice sessions on immigration law and private international law.' },
    website: 'https://adde.example.be', phone: '+32 2 227 42 42', places: [BRUSSELS[3]!], staff: ['fr', 'en', 'es'],
    offers: [
      { key: 'residence', terms: ['LEG-RES'], name: { fr: 'Permanence droit au séjour', en: 'Residence rights advice' }, description: { fr: 'Conseil gratuit sur les titres de séjour, le regroupement familial et les recours.', en: 'Free advice on residence permits, family reunification and appeals.' }, free: true, apply: WALK_IN, documents: [ID_CARD, RESIDENCE], groups: ['refugees'], hours: { days: 'TU,TH', opens: '09:00', closes: '12:30' } },
      { key: 'labour', terms: ['LEG-LAB'], name: { fr: 'Droits des travailleurs migrants', en: 'Migrant workers’ rights' }, description: { fr: 'Aide en cas de salaire impayé, de contrat abusif ou de travail non déclaré.', en: 'Help with unpaid wages, abusive contracts or undeclared work.' }, free: true, apply: BY_APPOINTMENT, hours: { days: 'WE', opens: '13:00', closes: '17:00' } },
    ],
  },
  {
    key: 'baj', name: { fr: 'Bureau d’aide juridique de Bruxelles', en: 'Brussels legal aid office' }, description: { fr: 'Aide juridique de deuxième ligne : désignation d’un avocat gratuit ou à coût réduit.', en: 'Legal aid: a free or low-cost lawyer for those with low incomes.' },
    phone: '+32 2 519 84 87', places: [BRUSSELS[0]!], staff: ['fr', 'nl'],
    offers: [
      { key: 'lawyer', terms: ['LEG-RES', 'LEG-LAB'], name: { fr: 'Avocat pro deo', en: 'Legal aid lawyer' }, description: { fr: 'Un avocat est désigné selon vos revenus pour vous défendre ou vous conseiller.', en: 'A lawyer is appointed according to your income to defend or advise you.' }, free: true, documents: [ID_CARD, { fr: 'Preuves de revenus', en: 'Proof of income', it: 'Prova del reddito' }], apply: WALK_IN, hours: WEEKDAYS },
    ],
  },
  {
    key: 'naric', name: { fr: 'Service d’équivalence des diplômes – Fédération Wallonie-Bruxelles', en: 'Diploma equivalence service – Wallonia-Brussels Federation' }, description: { fr: 'Reconnaissance des diplômes obtenus à l’étranger.', en: 'Recognition of qualifications obtained abroad.' },
    website: 'https://equivalences.example.be', phone: '+32 2 690 86 86', places: [BRUSSELS[0]!], staff: ['fr', 'en'],
    offers: [
      { key: 'equivalence', terms: ['LEG-QUA'], name: { fr: 'Demande d’équivalence de diplôme', en: 'Diploma equivalence application' }, description: { fr: 'Équivalence des diplômes secondaires et supérieurs étrangers.', en: 'Equivalence of foreign secondary and higher education diplomas.' }, fee: { amount: '200', currency: 'EUR', what: { fr: 'Frais de dossier (réduits pour les réfugiés)', en: 'Application fee (reduced for refugees)', it: 'Diritti di segreteria (ridotti per i rifugiati)' } }, documents: [DIPLOMA, ID_CARD], apply: { fr: 'Dossier à déposer en ligne ou par courrier.', en: 'Apply online or by post.', it: 'Domanda online o per posta.' }, hours: WEEKDAYS },
    ],
  },
  {
    key: 'mdm', name: { fr: 'Médecins du Monde – Centre d’accueil, de soins et d’orientation', en: 'Médecins du Monde – Reception, care and referral centre' }, description: { fr: 'Soins de santé gratuits pour les personnes sans couverture médicale.', en: 'Free health care for people without health cover.' },
    phone: '+32 2 225 43 00', places: [BRUSSELS[2]!], staff: ['fr', 'en', 'ar', 'es'],
    offers: [
      { key: 'care', terms: ['SOC-HEA'], name: { fr: 'Consultations médicales gratuites', en: 'Free medical consultations' }, description: { fr: 'Médecine générale, aide pour obtenir l’aide médicale urgente.', en: 'General medicine and help applying for urgent medical aid.' }, free: true, apply: WALK_IN, groups: ['refugees'], hours: { days: 'MO,TU,WE,TH,FR', opens: '08:30', closes: '12:30' } },
    ],
  },
  {
    key: 'ulysse', name: { fr: 'Ulysse – Service de santé mentale pour personnes exilées', en: 'Ulysse – Mental health service for exiled people' }, description: { fr: 'Soutien psychosocial et psychothérapie pour les personnes exilées.', en: 'Psycho-social support and therapy for exiled people.' },
    phone: '+32 2 533 06 70', places: [BRUSSELS[5]!], staff: ['fr', 'en', 'ar'],
    offers: [
      { key: 'support', terms: ['SOC-PSY'], name: { fr: 'Soutien psychosocial', en: 'Psycho-social support' }, description: { fr: 'Écoute, groupes de parole et suivi thérapeutique, avec interprètes.', en: 'Listening, talking groups and therapy, with interpreters.' }, free: true, apply: BY_APPOINTMENT, groups: ['refugees'], hours: WEEKDAYS },
    ],
  },
  {
    key: 'housing', name: { fr: 'Convivence – Logement', en: 'Convivence – Housing' }, description: { fr: 'Aide à la recherche de logement et défense des locataires.', en: 'Help finding housing and tenants’ rights.' },
    phone: '+32 2 505 01 30', places: [BRUSSELS[0]!], staff: ['fr', 'ar'],
    offers: [
      { key: 'search', terms: ['SOC-HOU'], name: { fr: 'Aide à la recherche de logement', en: 'Help finding a home' }, description: { fr: 'Accompagnement dans la recherche, le bail et la garantie locative.', en: 'Support with searching, the lease and the rent deposit.' }, free: true, apply: BY_APPOINTMENT, groups: ['refugees', 'women'], hours: WEEKDAYS },
    ],
  },
  {
    key: 'guichetBxl', organisation: 'brussels', name: { fr: 'Guichet migrants entrepreneurs Bruxelles', en: 'Brussels migrant entrepreneurs desk' }, description: { fr: 'Guichet qui suit les migrants porteurs de projet, de l’idée à l’entreprise, ici ou au pays.', en: 'Desk following migrants with a business idea, from idea to enterprise, here or back home.' },
    email: 'guichet.bruxelles@glocal.test', phone: '+32 2 555 01 01', places: [BRUSSELS[1]!], staff: ['fr', 'nl', 'en', 'wo'],
    offers: [
      { key: 'coaching', terms: ['BDS-COA', 'BDS-BPL'], name: { fr: 'Accompagnement de projet au pays d’origine', en: 'Coaching for a project in the country of origin' }, description: { fr: 'Identification, élaboration et formalisation d’un projet d’entreprise au Sénégal, avec le CAIM partenaire.', en: 'Identifying, developing and formalising a business project in Senegal, with the partner desk.' }, free: true, diaspora: true, returnee: true, groups: ['diaspora', 'entrepreneurs'], documents: [ID_CARD, PLAN], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'predeparture', terms: ['MIG-PRE', 'MIG-RET'], name: { fr: 'Préparer son retour', en: 'Preparing your return' }, description: { fr: 'Information sur les démarches, l’épargne, les droits sociaux et les aides au retour.', en: 'Information on formalities, savings, social rights and return support.' }, free: true, returnee: true, diaspora: true, groups: ['diaspora', 'returnees'], apply: WALK_IN, hours: { days: 'TU,TH', opens: '14:00', closes: '18:00' } },
    ],
  },
  {
    key: 'bcc', name: { fr: 'BCC Veneta – Banca di credito cooperativo', en: 'BCC Veneta – Cooperative credit bank', it: 'BCC Veneta – Banca di credito cooperativo' }, description: { fr: 'Banque coopérative locale : comptes, épargne, microcrédit et transferts vers l’Afrique.', en: 'Local cooperative bank: accounts, savings, micro-credit and transfers to Africa.', it: 'Banca cooperativa del territorio: conti, risparmio, microcredito e bonifici verso l’Africa.' },
    website: 'https://bccveneta.example.it', phone: '+39 049 820 1111', places: VENETO.slice(0, 5), staff: ['it', 'en', 'fr'],
    offers: [
      { key: 'microcredit', terms: ['FIN-CRD'], name: { fr: 'Microcrédit d’entreprise pour nouveaux citoyens', en: 'Business micro-credit for new citizens', it: 'Microcredito d’impresa per nuovi cittadini' }, description: { fr: 'Prêt jusqu’à 40 000 euros avec garantie du fonds régional, pour créer une entreprise en Vénétie.', en: 'Loans up to 40,000 euros backed by the regional guarantee fund, to start a business in Veneto.', it: 'Prestito fino a 40.000 euro con garanzia del fondo regionale, per avviare un’impresa in Veneto.' }, loan: { min: '3000', max: '40000', currency: 'EUR', interestMin: '4', interestMax: '7.5', collateral: false }, diaspora: true, groups: ['entrepreneurs', 'women', 'youth'], documents: [ID_CARD, RESIDENCE, PLAN], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'account', terms: ['FIN-SAV', 'FIN-MTR'], name: { fr: 'Compte de base et transferts vers le Sénégal', en: 'Basic account and transfers to Senegal', it: 'Conto di base e bonifici verso il Senegal' }, description: { fr: 'Compte courant à frais réduits et virements vers les banques et mutuelles sénégalaises partenaires.', en: 'Low-fee current account and transfers to partner Senegalese banks and mutuals.', it: 'Conto corrente a costi ridotti e bonifici verso banche e mutue senegalesi partner.' }, fee: { amount: '2', currency: 'EUR', what: { fr: 'Frais mensuels', en: 'Monthly fee', it: 'Canone mensile' } }, documents: [ID_CARD, RESIDENCE], diaspora: true, groups: ['diaspora'], apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR', opens: '08:30', closes: '13:30' } },
      { key: 'insurance', terms: ['FIN-INS'], name: { fr: 'Assurance santé pour la famille au pays', en: 'Health insurance for family back home', it: 'Assicurazione sanitaria per la famiglia nel paese d’origine' }, description: { fr: 'Micro-assurance qui couvre les soins de la famille restée au Sénégal.', en: 'Micro-insurance covering health care for family in Senegal.', it: 'Microassicurazione che copre le cure della famiglia rimasta in Senegal.' }, fee: { amount: '12', currency: 'EUR', what: { fr: 'Prime mensuelle par famille', en: 'Monthly premium per family', it: 'Premio mensile per famiglia' } }, diaspora: true, groups: ['diaspora'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'cciaa', name: { fr: 'Chambre de commerce de Vénétie', en: 'Veneto Chamber of Commerce', it: 'Camera di Commercio del Veneto' }, description: { fr: 'Registre des entreprises, points d’impulsion à la création d’entreprise et internationalisation.', en: 'Company register, start-up information points and internationalisation.', it: 'Registro delle imprese, punti nuova impresa e internazionalizzazione.' },
    website: 'https://camcom.example.it', phone: '+39 049 820 8111', places: VENETO.slice(0, 5), staff: ['it', 'en'],
    offers: [
      { key: 'register', terms: ['BDS-REG'], name: { fr: 'Inscription au registre des entreprises', en: 'Registration in the company register', it: 'Iscrizione al Registro delle imprese' }, description: { fr: 'Ouverture d’une entreprise individuelle ou d’une société, SCIA et autorisations.', en: 'Opening a sole proprietorship or company, permits and authorisations.', it: 'Apertura di ditta individuale o società, SCIA e autorizzazioni.' }, fee: { amount: '53', currency: 'EUR', what: { fr: 'Droits annuels', en: 'Yearly fee', it: 'Diritto annuale' } }, documents: [ID_CARD, RESIDENCE], apply: BY_APPOINTMENT, groups: ['entrepreneurs'], hours: WEEKDAYS },
      { key: 'newbusiness', terms: ['BDS-COA', 'TRN-ENT'], name: { fr: 'Point nouvelle entreprise', en: 'New business point', it: 'Punto Nuova Impresa' }, description: { fr: 'Orientation gratuite et séminaires pour créer son entreprise.', en: 'Free guidance and seminars on starting a business.', it: 'Orientamento gratuito e seminari per avviare un’impresa.' }, free: true, apply: BY_APPOINTMENT, groups: ['entrepreneurs', 'youth', 'women'], hours: WEEKDAYS },
      { key: 'international', terms: ['BDS-MKT'], name: { fr: 'Internationalisation vers l’Afrique de l’Ouest', en: 'Internationalisation towards West Africa', it: 'Internazionalizzazione verso l’Africa occidentale' }, description: { fr: 'Missions, salons et mise en relation avec des partenaires au Sénégal.', en: 'Trade missions, fairs and matchmaking with partners in Senegal.', it: 'Missioni, fiere e incontri con partner in Senegal.' }, free: true, diaspora: true, groups: ['entrepreneurs', 'diaspora'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'cpi', name: { fr: 'Centres pour l’emploi – Veneto Lavoro', en: 'Employment centres – Veneto Lavoro', it: 'Centri per l’impiego – Veneto Lavoro' }, description: { fr: 'Service public de l’emploi de la Région Vénétie.', en: 'Public employment service of the Veneto Region.', it: 'Servizio pubblico per l’impiego della Regione del Veneto.' },
    website: 'https://venetolavoro.example.it', phone: '+39 041 291 9311', places: VENETO, staff: ['it', 'en'],
    offers: [
      { key: 'did', terms: ['EMP-PES'], name: { fr: 'Déclaration de disponibilité et pacte de service', en: 'Job seeker registration and service agreement', it: 'Dichiarazione di immediata disponibilità e patto di servizio' }, description: { fr: 'Inscription comme demandeur d’emploi et parcours personnalisé.', en: 'Registration as a job seeker and a personal plan.', it: 'Iscrizione come disoccupato e percorso personalizzato.' }, free: true, documents: [ID_CARD, RESIDENCE], apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '12:30' } },
      { key: 'placement', terms: ['EMP-PLA'], name: { fr: 'Rencontre avec les employeurs', en: 'Meeting employers', it: 'Incontro domanda-offerta' }, description: { fr: 'Présélection et mise en relation avec les entreprises qui recrutent.', en: 'Pre-selection and matching with companies that are hiring.', it: 'Preselezione e incontro con le aziende che assumono.' }, free: true, apply: BY_APPOINTMENT, groups: ['youth', 'refugees'], hours: WEEKDAYS },
    ],
  },
  {
    key: 'cpia', name: { fr: 'CPIA – Centres pour l’éducation des adultes', en: 'CPIA – Adult education centres', it: 'CPIA – Centri provinciali per l’istruzione degli adulti' }, description: { fr: 'Écoles publiques pour adultes : italien pour étrangers et diplômes.', en: 'Public schools for adults: Italian for foreigners and diplomas.', it: 'Scuole pubbliche per adulti: italiano per stranieri e titoli di studio.' },
    phone: '+39 049 864 4011', places: VENETO, staff: ['it', 'en', 'fr'],
    offers: [
      { key: 'italian', terms: ['TRN-LAN'], name: { fr: 'Cours d’italien pour étrangers (A1 à B1)', en: 'Italian for foreigners (A1 to B1)', it: 'Corsi di italiano per stranieri (A1–B1)' }, description: { fr: 'Cours gratuits, avec l’examen A2 requis pour le permis de séjour de longue durée.', en: 'Free classes, including the A2 test needed for the long-term residence permit.', it: 'Corsi gratuiti, con il test A2 richiesto per il permesso di lungo periodo.' }, free: true, documents: [ID_CARD], apply: WALK_IN, groups: ['women', 'refugees'], hours: { days: 'MO,WE', opens: '18:00', closes: '20:30' } },
    ],
  },
  {
    key: 'enaip', name: { fr: 'ENAIP Veneto – Formation professionnelle', en: 'ENAIP Veneto – Vocational training', it: 'ENAIP Veneto – Formazione professionale' }, description: { fr: 'Centres de formation professionnelle en Vénétie.', en: 'Vocational training centres in Veneto.', it: 'Centri di formazione professionale nel Veneto.' },
    website: 'https://enaip.example.it', phone: '+39 049 865 7311', places: VENETO.slice(0, 4), staff: ['it'],
    offers: [
      { key: 'courses', terms: ['TRN-VOC'], name: { fr: 'Formations aux métiers (soudure, cuisine, aide-soignant)', en: 'Trade courses (welding, cooking, care assistant)', it: 'Corsi professionali (saldatura, cucina, OSS)' }, description: { fr: 'Cours qualifiants financés par la Région, avec stage.', en: 'Qualifying courses funded by the Region, with a work placement.', it: 'Corsi qualificanti finanziati dalla Regione, con tirocinio.' }, free: true, documents: [ID_CARD, RESIDENCE], apply: BY_APPOINTMENT, groups: ['youth', 'refugees'], hours: WEEKDAYS },
      { key: 'skills', terms: ['EMP-SKR'], name: { fr: 'Certification des compétences', en: 'Skills certification', it: 'Certificazione delle competenze' }, description: { fr: 'Reconnaissance des compétences acquises au travail, en Italie ou à l’étranger.', en: 'Recognition of skills gained at work, in Italy or abroad.', it: 'Riconoscimento delle competenze acquisite sul lavoro, in Italia o all’estero.' }, free: true, apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'sportelloImm', name: { fr: 'Guichet immigration des communes de Vénétie', en: 'Veneto municipalities’ immigration desk', it: 'Sportello immigrazione dei Comuni del Veneto' }, description: { fr: 'Aide pour le permis de séjour, la citoyenneté et le regroupement familial.', en: 'Help with residence permits, citizenship and family reunification.', it: 'Aiuto per permesso di soggiorno, cittadinanza e ricongiungimento familiare.' },
    phone: '+39 049 820 4529', places: VENETO.slice(0, 5), staff: ['it', 'en', 'fr', 'ar'],
    offers: [
      { key: 'permit', terms: ['LEG-RES'], name: { fr: 'Aide au permis de séjour', en: 'Residence permit assistance', it: 'Assistenza per il permesso di soggiorno' }, description: { fr: 'Remplir le dossier de renouvellement, prise de rendez-vous en préfecture.', en: 'Filling in the renewal file and booking the police appointment.', it: 'Compilazione della domanda di rinnovo e prenotazione in Questura.' }, free: true, documents: [ID_CARD, RESIDENCE], apply: WALK_IN, groups: ['refugees'], hours: { days: 'TU,TH', opens: '09:00', closes: '13:00' } },
      { key: 'legal', terms: ['LEG-LAB', 'LEG-QUA'], name: { fr: 'Conseil juridique : travail et diplômes', en: 'Legal advice: work and qualifications', it: 'Consulenza legale: lavoro e titoli di studio' }, description: { fr: 'Avocat bénévole pour le droit du travail et la reconnaissance des diplômes.', en: 'Volunteer lawyer for labour law and recognition of qualifications.', it: 'Avvocato volontario per diritto del lavoro e riconoscimento dei titoli.' }, free: true, documents: [DIPLOMA], apply: BY_APPOINTMENT, hours: { days: 'WE', opens: '15:00', closes: '18:00' } },
    ],
  },
  {
    key: 'sportelloVeneto', organisation: 'veneto', name: { fr: 'Guichet migrants entrepreneurs Vénétie', en: 'Veneto migrant entrepreneurs desk', it: 'Sportello migranti imprenditori Veneto' }, description: { fr: 'Guichet qui accompagne les projets d’entreprise des migrants, en Vénétie ou au Sénégal.', en: 'Desk supporting migrants’ business projects, in Veneto or in Senegal.', it: 'Sportello che accompagna i progetti d’impresa dei migranti, in Veneto o in Senegal.' },
    email: 'sportello.veneto@glocal.test', phone: '+39 049 555 0101', places: [VENETO[0]!, VENETO[2]!], staff: ['it', 'fr', 'wo'],
    offers: [
      { key: 'coaching', terms: ['BDS-COA', 'BDS-BPL', 'MIG-RET'], name: { fr: 'Accompagnement de projet retour', en: 'Return project coaching', it: 'Accompagnamento al progetto di rientro' }, description: { fr: 'Du projet au financement : plan d’affaires, contacts avec les mutuelles au Sénégal.', en: 'From project to funding: business plan, contacts with mutual banks in Senegal.', it: 'Dal progetto al finanziamento: piano d’impresa, contatti con le mutue in Senegal.' }, free: true, diaspora: true, returnee: true, groups: ['diaspora', 'returnees', 'entrepreneurs'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'mutual', organisation: 'mutual', name: { fr: 'Mutuelle d’épargne et de crédit du Baol', en: 'Baol savings and credit mutual' }, description: { fr: 'Institution de microfinance mutualiste de la région de Diourbel.', en: 'Member-owned microfinance institution of the Diourbel region.' },
    email: 'contact@mec-baol.glocal.test', phone: '+221 33 971 10 10', places: SENEGAL, staff: ['fr', 'wo', 'ar'],
    offers: [
      { key: 'savings', terms: ['FIN-SAV'], name: { fr: 'Épargne diaspora', en: 'Diaspora savings' }, description: { fr: 'Compte d’épargne alimenté depuis l’étranger, qui prépare un crédit pour un projet au pays.', en: 'Savings account funded from abroad, building up to a loan for a project at home.' }, free: true, diaspora: true, groups: ['diaspora'], documents: [ID_CARD], apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR,SA', opens: '08:00', closes: '16:00' } },
      { key: 'returnee-credit', terms: ['FIN-CRD', 'MIG-RET'], name: { fr: 'Microcrédit retour', en: 'Returnee micro-credit' }, description: { fr: 'Crédit de 250 000 à 5 000 000 FCFA pour les migrants de retour, garanti en partie par l’épargne des transferts.', en: 'Loans of 250,000 to 5,000,000 CFA francs for returnees, partly secured by remittance savings.' }, loan: { min: '250000', max: '5000000', currency: 'XOF', interestMin: '12', interestMax: '18', collateral: true }, returnee: true, diaspora: true, groups: ['returnees', 'entrepreneurs'], documents: [ID_CARD, PLAN, { fr: 'Attestation de l’épargne constituée', en: 'Statement of savings built up', it: 'Estratto del risparmio accumulato' }], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'women-credit', terms: ['FIN-CRD'], name: { fr: 'Crédit groupe femmes', en: 'Women’s group credit' }, description: { fr: 'Crédit solidaire aux groupements de femmes pour le petit commerce et la transformation.', en: 'Group loans for women’s groups in small trade and food processing.' }, loan: { min: '50000', max: '1000000', currency: 'XOF', interestMin: '10', interestMax: '14', collateral: false }, groups: ['women'], apply: WALK_IN, hours: WEEKDAYS },
      { key: 'insurance', terms: ['FIN-INS'], name: { fr: 'Micro-assurance santé', en: 'Health micro-insurance' }, description: { fr: 'Couverture des soins de base pour la famille, cotisation payable depuis l’étranger.', en: 'Basic health cover for the family, premium payable from abroad.' }, fee: { amount: '3500', currency: 'XOF', what: { fr: 'Cotisation mensuelle', en: 'Monthly premium', it: 'Contributo mensile' } }, diaspora: true, groups: ['diaspora', 'women'], apply: WALK_IN, hours: WEEKDAYS },
    ],
  },
  {
    key: 'ard', organisation: 'ard', name: { fr: 'Agence régionale de développement de Diourbel', en: 'Diourbel regional development agency' }, description: { fr: 'Agence qui appuie les collectivités et les porteurs de projet de la région.', en: 'Agency supporting local governments and project holders in the region.' },
    email: 'ard@diourbel.glocal.test', phone: '+221 33 971 12 12', places: [DIOURBEL], staff: ['fr', 'wo'],
    offers: [
      { key: 'value-chains', terms: ['BDS-MKT'], name: { fr: 'Appui aux chaînes de valeur locales', en: 'Support for local value chains' }, description: { fr: 'Mise en relation des producteurs d’arachide, de niébé et de volaille avec les acheteurs.', en: 'Linking groundnut, cowpea and poultry producers with buyers.' }, free: true, groups: ['farmers', 'women', 'returnees'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'incubation', terms: ['BDS-INC'], name: { fr: 'Incubateur régional', en: 'Regional incubator' }, description: { fr: 'Incubation de jeunes entreprises et de projets de migrants de retour.', en: 'Incubating young companies and returnees’ projects.' }, free: true, returnee: true, groups: ['youth', 'returnees', 'entrepreneurs'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'caim', organisation: 'caimDiourbel', name: { fr: 'CAIM Diourbel – Centre d’accueil et d’information des migrants', en: 'CAIM Diourbel – Migrant information centre' }, description: { fr: 'Guichet qui accueille, informe et accompagne migrants, candidats au départ et migrants de retour.', en: 'Desk welcoming, informing and supporting migrants, would-be migrants and returnees.' },
    email: 'caim.diourbel@glocal.test', phone: '+221 33 971 20 20', places: [DIOURBEL, MBACKE], staff: ['fr', 'wo', 'ar'],
    offers: [
      { key: 'predeparture', terms: ['MIG-PRE'], name: { fr: 'Information avant le départ', en: 'Pre-departure information' }, description: { fr: 'Voies légales de migration, risques, droits dans les pays d’arrivée.', en: 'Legal ways to migrate, risks, rights in destination countries.' }, free: true, groups: ['youth'], apply: WALK_IN, hours: WEEKDAYS },
      { key: 'reintegration', terms: ['MIG-RET', 'BDS-COA'], name: { fr: 'Réintégration économique des migrants de retour', en: 'Economic reintegration of returnees' }, description: { fr: 'Accompagnement du projet, orientation vers les mutuelles et les formations.', en: 'Project coaching, referral to mutual banks and training.' }, free: true, returnee: true, groups: ['returnees', 'entrepreneurs'], documents: [ID_CARD], apply: BY_APPOINTMENT, hours: WEEKDAYS },
      { key: 'psy', terms: ['SOC-PSY'], name: { fr: 'Écoute et soutien psychosocial au retour', en: 'Listening and psycho-social support on return' }, description: { fr: 'Entretiens et groupes de parole pour les migrants de retour et leurs familles.', en: 'Talks and support groups for returnees and their families.' }, free: true, returnee: true, groups: ['returnees'], apply: BY_APPOINTMENT, hours: { days: 'TU,TH', opens: '10:00', closes: '13:00' } },
    ],
  },
  {
    key: 'ccia', name: { fr: 'Chambre de commerce, d’industrie et d’agriculture de Diourbel', en: 'Diourbel Chamber of Commerce, Industry and Agriculture' }, description: { fr: 'Chambre consulaire : formalisation, information économique, foires.', en: 'Chamber: formalising businesses, economic information, fairs.' },
    phone: '+221 33 971 11 49', places: [DIOURBEL, TOUBA], staff: ['fr', 'wo'],
    offers: [
      { key: 'formalisation', terms: ['BDS-REG'], name: { fr: 'Formalisation d’entreprise (NINEA, registre du commerce)', en: 'Business formalisation (tax ID, trade register)' }, description: { fr: 'Aide pour obtenir le NINEA et l’immatriculation au registre du commerce.', en: 'Help obtaining the tax identification number and trade register entry.' }, fee: { amount: '10000', currency: 'XOF', what: { fr: 'Frais de dossier', en: 'File fee', it: 'Diritti di pratica' } }, documents: [ID_CARD], apply: WALK_IN, groups: ['entrepreneurs', 'returnees'], hours: WEEKDAYS },
      { key: 'fair', terms: ['BDS-MKT'], name: { fr: 'Foire régionale et information sur les marchés', en: 'Regional fair and market information' }, description: { fr: 'Stands à la foire de Diourbel et prix des produits agricoles.', en: 'Stands at the Diourbel fair and farm produce prices.' }, fee: { amount: '25000', currency: 'XOF', what: { fr: 'Stand à la foire', en: 'Fair stand', it: 'Stand in fiera' } }, groups: ['farmers', 'entrepreneurs'], apply: BY_APPOINTMENT, hours: WEEKDAYS },
    ],
  },
  {
    key: 'cfp', name: { fr: 'Centre de formation professionnelle de Diourbel', en: 'Diourbel vocational training centre' }, description: { fr: 'Formations aux métiers de l’agriculture, de la mécanique et de la couture.', en: 'Training in farming, mechanics and tailoring.' },
    phone: '+221 33 971 14 14', places: [DIOURBEL, BAMBEY], staff: ['fr', 'wo'],
    offers: [
      { key: 'trades', terms: ['TRN-VOC'], name: { fr: 'Formation professionnelle courte', en: 'Short vocational courses' }, description: { fr: 'Modules de trois à six mois avec certificat, ouverts aux migrants de retour.', en: 'Three- to six-month modules with a certificate, open to returnees.' }, fee: { amount: '15000', currency: 'XOF', what: { fr: 'Inscription', en: 'Enrolment', it: 'Iscrizione' } }, returnee: true, groups: ['youth', 'returnees'], apply: WALK_IN, hours: WEEKDAYS },
      { key: 'entrepreneurship', terms: ['TRN-ENT', 'FIN-LIT'], name: { fr: 'Gérer son entreprise et son argent', en: 'Managing your business and your money' }, description: { fr: 'Comptabilité simple, gestion de stock et éducation financière.', en: 'Simple bookkeeping, stock management and financial literacy.' }, free: true, groups: ['women', 'entrepreneurs'], apply: WALK_IN, hours: { days: 'SA', opens: '09:00', closes: '13:00' } },
    ],
  },
  {
    key: 'health', name: { fr: 'District sanitaire de Diourbel', en: 'Diourbel health district' }, description: { fr: 'Centres de santé publics de la région.', en: 'Public health centres of the region.' },
    phone: '+221 33 971 15 15', places: SENEGAL, staff: ['fr', 'wo'],
    offers: [
      { key: 'care', terms: ['SOC-HEA'], name: { fr: 'Consultations au centre de santé', en: 'Health centre consultations' }, description: { fr: 'Consultations, vaccination et santé maternelle.', en: 'Consultations, vaccination and maternal health.' }, fee: { amount: '1000', currency: 'XOF', what: { fr: 'Ticket de consultation', en: 'Consultation ticket', it: 'Ticket della visita' } }, apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR,SA', opens: '08:00', closes: '18:00' } },
    ],
  },
  {
    key: 'teranga', organisation: 'mto', name: { fr: 'Teranga Transfert', en: 'Teranga Transfert' }, description: { fr: 'Opérateur de transfert d’argent entre l’Europe et le Sénégal.', en: 'Money transfer operator between Europe and Senegal.' },
    website: 'https://teranga.example.com', phone: '+32 2 555 77 00', places: [BRUSSELS[1]!, BRUSSELS[2]!, VENETO[0]!, VENETO[2]!, VENETO[3]!, DIOURBEL, TOUBA, MBACKE], staff: ['fr', 'wo', 'it', 'en'],
    offers: [
      { key: 'transfer', terms: ['FIN-MTR'], name: { fr: 'Envoi d’argent vers le Sénégal', en: 'Money transfer to Senegal', it: 'Invio di denaro in Senegal' }, description: { fr: 'Envoi en espèces ou vers un compte mobile, retrait le jour même en agence.', en: 'Cash or mobile-wallet transfers, same-day pick-up at an agency.', it: 'Invio in contanti o su conto mobile, ritiro in giornata in agenzia.' }, fee: { amount: '4.90', currency: 'EUR', what: { fr: 'Frais pour 200 euros envoyés', en: 'Fee for 200 euros sent', it: 'Commissione per 200 euro inviati' } }, diaspora: true, groups: ['diaspora'], documents: [ID_CARD], apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR,SA', opens: '09:00', closes: '19:00' } },
      { key: 'savings-transfer', terms: ['FIN-MTR', 'FIN-SAV'], name: { fr: 'Transfert vers un compte d’épargne au pays', en: 'Transfer into a savings account back home', it: 'Bonifico su un conto di risparmio nel paese d’origine' }, description: { fr: 'Versement direct sur un compte de la Mutuelle du Baol, à frais réduits.', en: 'Direct payment into a Baol mutual account, at reduced fees.', it: 'Versamento diretto su un conto della Mutua del Baol, a commissioni ridotte.' }, fee: { amount: '2.50', currency: 'EUR', what: { fr: 'Frais par versement', en: 'Fee per payment', it: 'Commissione per versamento' } }, diaspora: true, groups: ['diaspora'], apply: WALK_IN, hours: { days: 'MO,TU,WE,TH,FR,SA', opens: '09:00', closes: '19:00' } },
    ],
  },
];

const OPPORTUNITIES = [
  { key: 'groundnut', territory: 'SN-DB', kind: 'value_chain', isic: '1040', title: { fr: 'Transformation de l’arachide en huile et pâte', en: 'Processing groundnuts into oil and paste' }, description: { fr: 'Le bassin arachidier de Diourbel cherche des unités de transformation artisanale et semi-industrielle.', en: 'The Diourbel groundnut basin needs small and medium processing units.' }, contact: 'ARD Diourbel' },
  { key: 'poultry', territory: 'SN-DB-MBA', kind: 'income_generating', isic: '0146', title: { fr: 'Aviculture autour de Touba', en: 'Poultry farming around Touba' }, description: { fr: 'Forte demande en poulets de chair et en œufs pour les grands rassemblements religieux.', en: 'Strong demand for broilers and eggs for the large religious gatherings.' }, contact: 'CAIM Mbacké' },
  { key: 'cowpea', territory: 'SN-DB-BAM', kind: 'value_chain', isic: '0113', title: { fr: 'Filière niébé à Bambey', en: 'Cowpea value chain in Bambey' }, description: { fr: 'Semences améliorées, stockage et vente groupée du niébé.', en: 'Improved seed, storage and joint selling of cowpeas.' }, contact: 'ARD Diourbel' },
  { key: 'solar', territory: 'SN-DB', kind: 'investment', isic: '3510', title: { fr: 'Mini-réseaux solaires pour les villages', en: 'Solar mini-grids for villages' }, description: { fr: 'Investissement dans l’électrification solaire des villages non raccordés.', en: 'Investment in solar power for villages off the grid.' }, contact: 'ARD Diourbel' },
  { key: 'trade', territory: 'SN-DB-MBA', kind: 'investment', isic: '4690', title: { fr: 'Entrepôts de commerce de gros à Touba', en: 'Wholesale warehouses in Touba' }, description: { fr: 'Touba est un carrefour commercial : besoin d’entrepôts et de logistique.', en: 'Touba is a trade hub: warehouses and logistics are needed.' }, contact: 'Chambre de commerce de Diourbel' },
  { key: 'agrifood', territory: 'IT-34', kind: 'value_chain', isic: '1061', title: { fr: 'Import de céréales et farines africaines en Vénétie', en: 'Importing African grains and flours to Veneto' }, description: { fr: 'Les commerces ethniques de Vénétie cherchent des fournisseurs de mil et de fonio.', en: 'Veneto’s ethnic food shops look for millet and fonio suppliers.' }, contact: 'Camera di Commercio' },
  { key: 'leather', territory: 'IT-34', kind: 'value_chain', isic: '1512', title: { fr: 'Maroquinerie : partenariat Vénétie–Sénégal', en: 'Leather goods: Veneto–Senegal partnership' }, description: { fr: 'Le district du cuir de Vénétie cherche des ateliers partenaires au Sénégal.', en: 'Veneto’s leather district seeks partner workshops in Senegal.' }, contact: 'Sportello migranti imprenditori Veneto' },
  { key: 'food', territory: 'BE-BRU', kind: 'income_generating', isic: '5610', title: { fr: 'Restauration et traiteur africain à Bruxelles', en: 'African restaurants and catering in Brussels' }, description: { fr: 'Marché en croissance pour les traiteurs et la restauration rapide africaine.', en: 'A growing market for African caterers and fast food.' }, contact: 'hub.brussels' },
] as const;

/** A network spread over more than two cities publishes one service per branch (its own hours and contact). */
const branchesOf = (provider: Provider): (Place | null)[] => (provider.places.length > 2 ? provider.places : [null]);
const demoServiceId = (provider: Provider, offer: Offer, branch: Place | null) =>
  demoId(`service:${provider.key}:${offer.key}${branch ? `:${branch.city}` : ''}`);

/** Idempotent: fixed ids, upserts and a rebuilt search index. About 150 services in Brussels, Veneto and Diourbel. */
export async function seedDemoDirectory(db: Executor, organisations: Record<string, string>): Promise<void> {
  // The last service's search rows are written last, in the same transaction: when they are there,
  // the demo directory is complete, and a restart need not write its hundreds of rows again.
  const lastProvider = PROVIDERS.at(-1)!;
  const lastId = demoServiceId(lastProvider, lastProvider.offers.at(-1)!, branchesOf(lastProvider).at(-1)!);
  if (await db.selectFrom('directoryServiceSearch').select('serviceId').where('serviceId', '=', lastId).executeTakeFirst()) return;
  const territories = await territoryIdsByCode(db, ['SN-DB', 'SN-DB-DIO', 'SN-DB-MBA', 'SN-DB-BAM', 'IT-34', 'BE-BRU']);
  const serviceIds: string[] = [];
  // Fixed "last verified" dates, some over a year old, so the review list has work in it.
  let counter = 0;
  const verifiedOn = () => (counter++ % 9 === 0 ? '2025-03-15' : '2026-10-01');

  for (const provider of PROVIDERS) {
    const organizationId = demoId(`org:${provider.key}`);
    const source = provider.name.it && provider.places[0]!.country === 'IT' ? 'it' : 'fr';
    const text = (texts: Texts) => (source === 'it' ? texts.it ?? texts.fr : texts.fr);
    const orgTerritory = territories[provider.places[0]!.territory === 'SN-DB-DIO' ? 'SN-DB' : provider.places[0]!.territory]!;
    await sql`
      insert into hsds_organization (id, name, description, email, website, organisation_id, territory_id, source_locale)
      values (${organizationId}, ${text(provider.name)}, ${text(provider.description)}, ${provider.email ?? null}, ${provider.website ?? null},
        ${provider.organisation ? organisations[provider.organisation] ?? null : null}, ${orgTerritory}, ${source})
      on conflict (id) do update set name = excluded.name, description = excluded.description, organisation_id = excluded.organisation_id`.execute(db);
    for (const locale of ['en', 'fr', 'it'] as const) {
      if (locale === source || !provider.name[locale]) continue;
      await sql`
        insert into hsds_organization_translation (organization_id, locale, name, description)
        values (${organizationId}, ${locale}, ${provider.name[locale]!}, ${provider.description[locale] ?? provider.description.en})
        on conflict (organization_id, locale) do update set name = excluded.name, description = excluded.description`.execute(db);
    }
    await sql`insert into hsds_phone (id, organization_id, number, type) values (${demoId(`phone:${provider.key}`)}, ${organizationId}, ${provider.phone}, 'voice') on conflict (id) do nothing`.execute(db);

    for (const place of provider.places) {
      const locationId = demoId(`location:${provider.key}:${place.city}`);
      await sql`
        insert into hsds_location (id, location_type, organization_id, name, latitude, longitude, territory_id, source_locale)
        values (${locationId}, 'physical', ${organizationId}, ${`${text(provider.name).split(' – ')[0]} ${place.city}`},
          ${place.lat + (PROVIDERS.indexOf(provider) % 7) * 0.0007}, ${place.lon + (PROVIDERS.indexOf(provider) % 5) * 0.0009}, ${territories[place.territory]!}, ${source})
        on conflict (id) do nothing`.execute(db);
      await sql`
        insert into hsds_address (id, location_id, address1, city, state_province, postal_code, country, address_type)
        values (${demoId(`address:${provider.key}:${place.city}`)}, ${locationId}, ${place.street}, ${place.city}, ${place.province}, ${place.postcode}, ${place.country}, 'physical')
        on conflict (id) do nothing`.execute(db);
    }

    for (const offer of provider.offers) {
      for (const branch of branchesOf(provider)) {
        const id = demoServiceId(provider, offer, branch);
        serviceIds.push(id);
        const name = (locale: keyof Texts) => (offer.name[locale] ?? offer.name.en) + (branch ? ` – ${branch.city}` : '');
        const territoryCode = (branch ?? provider.places[0]!).territory;
        await sql`
          insert into hsds_service (id, organization_id, name, description, email, url, status, application_process, eligibility_description,
            last_modified, territory_id, last_verified, diaspora_eligible, returnee_eligible, loan_min, loan_max, loan_currency, collateral_required,
            interest_min, interest_max, target_groups, staff_languages, source_locale)
          values (${id}, ${organizationId}, ${name(source)}, ${text(offer.description)}, ${provider.email ?? null}, ${provider.website ?? null}, 'active',
            ${offer.apply ? text(offer.apply) : null}, ${offer.eligibility ? text(offer.eligibility) : null}, '2026-10-01T09:00:00Z',
            ${territories[territoryCode]!}, ${verifiedOn()}, ${offer.diaspora ?? null}, ${offer.returnee ?? null},
            ${offer.loan?.min ?? null}, ${offer.loan?.max ?? null}, ${offer.loan?.currency ?? null}, ${offer.loan?.collateral ?? null},
            ${offer.loan?.interestMin ?? null}, ${offer.loan?.interestMax ?? null}, ${offer.groups ?? []}::text[], ${provider.staff}::text[], ${source})
          on conflict (id) do nothing`.execute(db);
        for (const locale of ['en', 'fr', 'it'] as const) {
          if (locale === source || !offer.name[locale]) continue;
          await sql`
            insert into hsds_service_translation (service_id, locale, name, description, application_process, eligibility_description)
            values (${id}, ${locale}, ${name(locale)}, ${offer.description[locale] ?? offer.description.en}, ${offer.apply?.[locale] ?? offer.apply?.en ?? null},
              ${offer.eligibility?.[locale] ?? offer.eligibility?.en ?? null})
            on conflict (service_id, locale) do nothing`.execute(db);
        }
        for (const code of offer.terms) {
          await sql`insert into hsds_attribute (id, link_id, taxonomy_term_id, link_type, link_entity) values (${demoId(`attribute:${id}:${code}`)}, ${id}, ${termId(code)}, 'service_category', 'service') on conflict (id) do nothing`.execute(db);
        }
        for (const place of branch ? [branch] : provider.places) {
          const salId = demoId(`sal:${id}:${place.city}`);
          await sql`insert into hsds_service_at_location (id, service_id, location_id) values (${salId}, ${id}, ${demoId(`location:${provider.key}:${place.city}`)}) on conflict (id) do nothing`.execute(db);
          if (offer.hours) {
            await sql`
              insert into hsds_schedule (id, service_at_location_id, freq, byday, opens_at, closes_at, wkst)
              values (${demoId(`schedule:${salId}`)}, ${salId}, 'WEEKLY', ${offer.hours.days}, ${offer.hours.opens}, ${offer.hours.closes}, 'MO')
              on conflict (id) do nothing`.execute(db);
          }
        }
        for (const [index, document] of (offer.documents ?? []).entries()) {
          const documentId = demoId(`document:${id}:${index}`);
          // In the source language, as its text is (a demo started before this was said is mended).
          await sql`
            insert into hsds_required_document (id, service_id, document, source_locale) values (${documentId}, ${id}, ${text(document)}, ${source})
            on conflict (id) do update set source_locale = excluded.source_locale`.execute(db);
          for (const locale of ['en', 'fr', 'it'] as const) {
            if (locale === source || !document[locale]) continue;
            await sql`insert into hsds_required_document_translation (required_document_id, locale, document) values (${documentId}, ${locale}, ${document[locale]!}) on conflict do nothing`.execute(db);
          }
        }
        const cost = offer.fee ?? (offer.free ? { amount: '0', currency: provider.places[0]!.country === 'SN' ? 'XOF' : 'EUR', what: { fr: 'Gratuit', en: 'Free', it: 'Gratuito' } } : null);
        if (cost) {
          const costId = demoId(`cost:${id}`);
          await sql`
            insert into hsds_cost_option (id, service_id, option, currency, amount, source_locale) values (${costId}, ${id}, ${text(cost.what)}, ${cost.currency}, ${cost.amount}, ${source})
            on conflict (id) do update set source_locale = excluded.source_locale`.execute(db);
          for (const locale of ['en', 'fr', 'it'] as const) {
            if (locale === source) continue;
            await sql`insert into hsds_cost_option_translation (cost_option_id, locale, option) values (${costId}, ${locale}, ${cost.what[locale] ?? cost.what.en}) on conflict do nothing`.execute(db);
          }
        }
        for (const code of provider.staff) {
          await sql`insert into hsds_language (id, service_id, code, note) values (${demoId(`language:${id}:${code}`)}, ${id}, ${code}, 'staff') on conflict (id) do nothing`.execute(db);
        }
      }
    }
  }

  for (const opportunity of OPPORTUNITIES) {
    const id = demoId(`opportunity:${opportunity.key}`);
    await sql`
      insert into directory_opportunity (id, territory_id, kind, isic_code, title, description, contact_name, source_locale)
      values (${id}, ${territories[opportunity.territory]!}, ${opportunity.kind}, ${opportunity.isic}, ${opportunity.title.fr}, ${opportunity.description.fr}, ${opportunity.contact}, 'fr')
      on conflict (id) do nothing`.execute(db);
    await sql`
      insert into directory_opportunity_translation (opportunity_id, locale, title, description) values (${id}, 'en', ${opportunity.title.en}, ${opportunity.description.en})
      on conflict do nothing`.execute(db);
  }
  await directoryRepository(db).refreshSearch(serviceIds);
}

/** Ids the route × role table and tests use. */
export const DEMO_SERVICE_IDS = {
  mutualReturneeCredit: demoId('service:mutual:returnee-credit:Diourbel'),
  microstartLoan: demoId('service:microstart:loan:Bruxelles'),
  bccMicrocredit: demoId('service:bcc:microcredit:Padova'),
} as const;
export const DEMO_LOCATION_IDS = { mutualDiourbel: demoId('location:mutual:Diourbel') } as const;
/** Where money sent home is collected in the Diourbel region: the directory services the remittance demo names as its products' pickup points. */
export const DEMO_PICKUP_SERVICE_IDS = {
  terangaAgencies: [DIOURBEL, MBACKE, TOUBA].map((place) => demoId(`service:teranga:transfer:${place.city}`)),
  mutualBranches: SENEGAL.map((place) => demoId(`service:mutual:savings:${place.city}`)),
} as const;
