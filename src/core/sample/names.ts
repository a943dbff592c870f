/**
 * Deterministic names for the sample: reps, accounts and deals. Some account
 * names hold commas, double quotes, apostrophes and non-ASCII letters on
 * purpose, so that every CSV reader downstream has to quote and decode right.
 */

const FIXED_REPS = [
  'Maria Chen', "James O'Brien", 'Priya Patel', 'Tom Becker',
  'Alex Rivera', 'Sam Nguyen', 'Dana Kowalski', 'Lee Jordan',
];
const FIRST = [
  'Ava', 'Ben', 'Carla', 'Diego', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas',
  'Kira', 'Liam', 'Mei', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara',
];
const LAST = [
  'Adams', 'Brooks', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen',
  'Ito', 'Jensen', 'Khan', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Silva',
];

/**
 * The rep at `index`: the first eight are the committed sample's cast, later
 * ones are first x last combinations, numbered once those run out (unique).
 */
export function repName(index: number): string {
  if (index < FIXED_REPS.length) return FIXED_REPS[index];
  const k = index - FIXED_REPS.length;
  const combos = FIRST.length * LAST.length;
  const base = `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`;
  return k < combos ? base : `${base} ${Math.floor(k / combos) + 1}`;
}

const ROOTS = [
  'Apex', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper',
  'Keystone', 'Lumen', 'Meridian', 'Nimbus', 'Orion', 'Pioneer', 'Quarry', 'Redwood', 'Summit',
  'Tundra', 'Vertex', 'Willow', 'Zenith', 'Atlas', 'Beacon', 'Cedar', 'Crescent', 'Frontier',
  'Helix', 'Northstar', 'Smith, Jones &', 'Baker, Ruiz', "O'Neil", '"Blue Fin"', 'Müller',
  'Søndergaard', '"Red Door"', 'Lopez, Kim', 'Évora', 'Hart & Hale',
];
const WORDS = [
  'Logistics', 'Analytics', 'Foods', 'Health', 'Robotics', 'Energy', 'Media', 'Capital',
  'Software', 'Retail', 'Labs', 'Systems', 'Freight', 'Insurance', 'Textiles', 'Dental',
  'Hotels', 'Pharma', 'Motors', 'Consulting',
];
const SUFFIXES = [', Inc.', ' Ltd', ', LLC', ' GmbH', ' & Co', '', ' Group', ' AB'];
const BRANCHES = ['', ' EMEA', ' APAC', ' Americas', ' Nordics', ' DACH', ' Benelux', ' Iberia'];
const NAME_SPACE = ROOTS.length * WORDS.length * SUFFIXES.length;
const STRIDE = 7919; // a prime coprime to NAME_SPACE: scatters neighbours over the space

/**
 * Account `index` (0-based): unique for every index. Indexes are scattered over
 * root x word x suffix so neighbours look unrelated; past that space a branch
 * (" EMEA", ...) and then a number are appended.
 */
export function accountName(index: number): string {
  const k = (index % NAME_SPACE) * STRIDE % NAME_SPACE;
  const root = ROOTS[k % ROOTS.length];
  const word = WORDS[Math.floor(k / ROOTS.length) % WORDS.length];
  const suffix = SUFFIXES[Math.floor(k / (ROOTS.length * WORDS.length))];
  const tier = Math.floor(index / NAME_SPACE);
  const branch = tier < BRANCHES.length ? BRANCHES[tier] : ` ${tier + 1}`;
  return `${root} ${word}${suffix}${branch}`;
}

/** What an opportunity sells; the deal name is "<account> - <product>". */
export const PRODUCTS = [
  'Platform licence', 'Analytics add-on', 'Renewal', 'Expansion', 'Pilot',
  'Onboarding package', 'Support upgrade', 'Multi-site rollout',
];

/** Texts a rep writes as the agreed next step of a meeting (when not a date). */
export const NEXT_STEPS = [
  'Demo for the ops team', 'Send proposal', 'Call with finance', 'Technical deep dive',
  'Intro to decision maker', 'Trial set-up, then review', 'Reference call, 2 customers',
  'Pricing review with "procurement"', 'Security questionnaire',
];
