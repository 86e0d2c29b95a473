// No zod here: the intake page imports this list and must stay light on a phone.

/**
 * ISIC Rev.4 (UN Statistics Division): the 21 sections (A–U) and their 88 two-digit divisions.
 * Names are translated in the web catalogues (`intake.isic.section.<letter>`, `intake.isic.division.<code>`).
 */
export const ISIC_SECTIONS = {
  A: ['01', '02', '03'],
  B: ['05', '06', '07', '08', '09'],
  C: ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33'],
  D: ['35'],
  E: ['36', '37', '38', '39'],
  F: ['41', '42', '43'],
  G: ['45', '46', '47'],
  H: ['49', '50', '51', '52', '53'],
  I: ['55', '56'],
  J: ['58', '59', '60', '61', '62', '63'],
  K: ['64', '65', '66'],
  L: ['68'],
  M: ['69', '70', '71', '72', '73', '74', '75'],
  N: ['77', '78', '79', '80', '81', '82'],
  O: ['84'],
  P: ['85'],
  Q: ['86', '87', '88'],
  R: ['90', '91', '92', '93'],
  S: ['94', '95', '96'],
  T: ['97', '98'],
  U: ['99'],
} as const satisfies Record<string, readonly string[]>;

export type IsicSection = keyof typeof ISIC_SECTIONS;
export type IsicDivision = (typeof ISIC_SECTIONS)[IsicSection][number];
export const ISIC_SECTION_CODES = Object.keys(ISIC_SECTIONS) as IsicSection[];
export const ISIC_DIVISION_CODES = Object.values(ISIC_SECTIONS).flat() as IsicDivision[];

/** Whether `division` belongs to `section` in ISIC Rev.4. */
export function isicDivisionInSection(section: string, division: string): boolean {
  return ((ISIC_SECTIONS as Record<string, readonly string[]>)[section] ?? []).includes(division);
}

/**
 * Whether `code` is an ISIC Rev.4 code of this list: a section letter, or 2 to 4 digits whose first
 * two are one of its divisions (a division, group or class).
 */
export function isKnownIsicCode(code: string): boolean {
  if (Object.hasOwn(ISIC_SECTIONS, code)) return true;
  return /^\d{2,4}$/.test(code) && (ISIC_DIVISION_CODES as string[]).includes(code.slice(0, 2));
}
