// The fixed vocabularies of the market. Labels live in the i18n catalogues under the
// same keys (`sector.<key>`, `transferMode.<key>`, …) so code, database and UI share one word.

export const SECTORS = [
  'ict',
  'ai_data',
  'electronics_semiconductors',
  'biotech_pharma',
  'health_medtech',
  'agrifood',
  'environment_water',
  'energy_cleantech',
  'materials_chemistry',
  'manufacturing_automation',
  'construction_smartcity',
  'transport_logistics',
  'textiles',
  'aquaculture_fisheries',
  'education_edtech',
] as const;
export type Sector = (typeof SECTORS)[number];

export const LISTING_KINDS = ['offer', 'demand'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const IP_STATUSES = [
  'patent_granted',
  'patent_pending',
  'utility_solution',
  'know_how',
  'copyright',
  'none',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const TRANSFER_MODES = [
  'licence_exclusive',
  'licence_non_exclusive',
  'assignment',
  'joint_development',
  'technical_assistance',
  'spin_off_equity',
  'turnkey',
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export const ORGANISATION_TYPES = ['enterprise', 'university', 'institute', 'agency'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The languages a listing may be written in: the market's two, and the Latin-script languages of
 * the partners a Vietnamese exchange meets (francophone Africa and Europe, Latin America, the
 * region). Each is indexed with its own locale (search/languages.ts).
 */
export const LISTING_LANGUAGES = ['vi', 'en', 'fr', 'es', 'pt', 'de', 'it', 'id'] as const;
export type ListingLanguage = (typeof LISTING_LANGUAGES)[number];

/** Each listing language's ISO 639-3 code: what language detection and the search engine's locales speak. */
export const ISO_639_3: Record<ListingLanguage, string> = { vi: 'vie', en: 'eng', fr: 'fra', es: 'spa', pt: 'por', de: 'deu', it: 'ita', id: 'ind' };

export const LISTING_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'changes_requested',
  'rejected',
  'archived',
  'expired',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const TRL_MIN = 1;
export const TRL_MAX = 9;

export const LISTING_LIMITS = {
  title: 200,
  summary: 500,
  description: 8000,
  keywords: 10,
  sectorsMin: 1,
  sectorsMax: 3,
} as const;
