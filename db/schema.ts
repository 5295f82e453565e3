// Kysely table types. Kept by hand beside the migrations: a migration that changes a table
// changes its type here in the same commit.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigint columns: pg returns them as strings, we read them back as numbers (see connection.ts). */
type BigMoney = ColumnType<number, number | bigint, number | bigint>;
/** A JSON column: written as its JSON text, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export interface ProvinceTable {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  type: 'enterprise' | 'university' | 'institute' | 'agency';
  tax_code: string;
  province_code: string;
  website: string | null;
  description: string;
  verified_at: Timestamp | null;
  verified_by: string | null;
  /** Evidence given at sign-up, for the curator to check the tax code against (null: seeded). */
  legal_representative: string | null;
  registration_document: string | null;
  /** What a contract names of the organisation besides its tax code and legal representative. */
  address: string | null;
  representative_title: string | null;
  digest_sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ListingTable {
  id: Generated<string>;
  kind: 'offer' | 'demand';
  organisation_id: string;
  status: Generated<
    'draft' | 'pending_review' | 'published' | 'changes_requested' | 'rejected' | 'archived' | 'expired'
  >;
  title: string;
  summary: string;
  description: string;
  innovation: string;
  sectors: string[];
  keywords: string[];
  /** Null only while the listing is the owner's unfinished work (draft, changes requested, rejected, archived). */
  trl: number | null;
  ip_status: string | null;
  transfer_modes: string[];
  price_min: BigMoney | null;
  price_max: BigMoney | null;
  price_negotiable: boolean;
  province_code: string | null;
  /** One of LISTING_LANGUAGES (app/domain/taxonomy.ts); the database checks the list. */
  language: 'vi' | 'en' | 'fr' | 'es' | 'pt' | 'de' | 'it' | 'id';
  anonymous: boolean;
  confidential_details: string | null;
  /** A fixed-price non-exclusive licence anyone may buy at once ("buy now"); null: none. */
  express_licence_price: BigMoney | null;
  featured: Generated<boolean>;
  published_at: Timestamp | null;
  /** The first submission for review; null for a draft never submitted (curators do not see it). */
  submitted_at: Timestamp | null;
  confirmed_active_at: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
  created_by: string | null;
  expiry_reminder_sent_at: Timestamp | null;
  search_vector: ColumnType<string, never, never>;
  /** The row's own reference in the bulk-import file that wrote it; unique in its organisation. */
  import_reference: string | null;
  /** The new-listing form's random key: a second POST with it finds the draft the first wrote. */
  idempotency_key: string | null;
}

/**
 * One topic per kind of entity that others follow: `listing.changed` is relayed to the search
 * index. A new kind (a deal for the agency's statistics) adds its topic and its own consumer.
 */
export type OutboxTopic = 'listing.changed';

export interface OutboxTable {
  id: Generated<string>;
  topic: OutboxTopic;
  entity_id: string;
  created_at: CreatedAt;
  processed_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  /** What the transition carried besides its reason (JSON). */
  payload: Json | null;
  at: CreatedAt;
}

export type DealStageColumn = 'opening' | 'introduced' | 'inquiry' | 'negotiating' | 'agreed' | 'declined' | 'withdrawn' | 'expired' | 'terminated' | 'resolved';
export type PartyColumn = 'buyer' | 'seller';

export interface DealTable {
  id: Generated<string>;
  listing_id: string;
  buyer_organisation_id: string;
  seller_organisation_id: string;
  owner: PartyColumn;
  interested_organisation_id: string;
  stage: DealStageColumn;
  version: Generated<number>;
  cooperation: string;
  unclear: Generated<string>;
  about_us: string;
  transfer_mode: string | null;
  price_indication: BigMoney | null;
  nda_proposed_by: PartyColumn | null;
  nda_in_force_at: Timestamp | null;
  decline_reason: string | null;
  introduced_by: string | null;
  buyer_consented_at: Timestamp | null;
  seller_consented_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  answer_due_at: Timestamp | null;
  answered_at: Timestamp | null;
  accepted_at: Timestamp | null;
  agreed_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The term sheet both sides agreed to, and the SHA-256 of its canonical form; frozen once set. */
  agreed_terms_version: number | null;
  agreed_terms_sha256: string | null;
}

export interface TermSheetTable {
  id: Generated<string>;
  deal_id: string;
  version: number;
  proposed_by: PartyColumn;
  proposed_by_user: string | null;
  terms: Json;
  price: BigMoney;
  valid_until: Timestamp;
  created_at: CreatedAt;
}

export interface NdaAcceptanceTable {
  id: Generated<string>;
  deal_id: string;
  party: PartyColumn;
  user_id: string;
  nda_version: string;
  text_sha256: string;
  accepted_at: CreatedAt;
}

export interface DealMessageTable {
  id: Generated<string>;
  deal_id: string;
  author_id: string;
  party: PartyColumn | null;
  body: string;
  created_at: CreatedAt;
}

/** A file sent with a deal message; seen by whoever sees the deal. */
export interface DealFileTable {
  id: Generated<string>;
  deal_id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_by: string;
  created_at: CreatedAt;
}

export type ContractStageColumn = 'opening' | 'draft' | 'signed' | 'completed' | 'terminated';
export type MilestoneStageColumn = 'due' | 'transfer_reported' | 'paid' | 'delivered' | 'changes_requested' | 'accepted';

export interface BankAccountTable {
  organisation_id: string;
  bank_code: string;
  account_number: string;
  holder_name: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface StripeAccountTable {
  organisation_id: string;
  account_id: string;
  charges_enabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ContractTable {
  id: Generated<string>;
  deal_id: string;
  number: string;
  stage: ContractStageColumn;
  version: Generated<number>;
  content_version: Generated<number>;
  content_sha256: string | null;
  express: Generated<boolean>;
  ip_number: string | null;
  /** Made with state capital or budget: the transfer must be registered (the seller says so). */
  state_funded: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  signed_at: Timestamp | null;
  completed_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface ContractVersionTable {
  contract_id: string;
  version: number;
  content: Json;
  sha256: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ContractSignatureTable {
  id: Generated<string>;
  contract_id: string;
  content_version: number;
  content_sha256: string;
  party: PartyColumn;
  method: 'click' | 'digital' | 'paper';
  user_id: string;
  typed_name: string;
  signed_at: Timestamp;
  address: string | null;
  certificate: Json | null;
  document: Buffer | null;
  document_sha256: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  voided_at: Timestamp | null;
}

export interface MilestoneTable {
  id: Generated<string>;
  contract_id: string;
  number: number;
  amount: BigMoney;
  condition: string;
  deliverable: string;
  stage: MilestoneStageColumn;
  version: Generated<number>;
  transfer_reference: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  paid_at: Timestamp | null;
  delivered_at: Timestamp | null;
  /** Payable by: reminders before it, the overdue flag at it (null: not payable yet). */
  pay_by: Timestamp | null;
  accepted_at: Timestamp | null;
}

export interface PaymentTable {
  id: Generated<string>;
  milestone_id: string;
  provider: 'bank_transfer' | 'stripe';
  amount: BigMoney;
  status: 'reported' | 'confirmed' | 'not_received' | 'pending' | 'paid' | 'failed' | 'refund_due';
  provider_ref: string | null;
  /** Defaults to 0. (Generated<BigMoney> would make the insert type the ColumnType itself.) */
  platform_fee: ColumnType<number, number | bigint | undefined, number | bigint>;
  created_by: string | null;
  created_at: CreatedAt;
  settled_at: Timestamp | null;
}

export interface ProviderEventTable {
  provider: string;
  event_id: string;
  type: string;
  created: Timestamp | null;
  payload: Json;
  received_at: CreatedAt;
  outcome: string;
}

export interface ReviewTable {
  id: Generated<string>;
  deal_id: string;
  party: PartyColumn;
  author_id: string;
  rating: number;
  comment: Generated<string>;
  created_at: CreatedAt;
}

export interface ProcessTimerTable {
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  transition: string;
  due_at: Timestamp;
  created_at: CreatedAt;
  done_at: Timestamp | null;
  outcome: 'taken' | 'moved_on' | 'cancelled' | null;
}

export interface ListingRevisionTable {
  id: Generated<string>;
  listing_id: string;
  content: Json;
  proposed_by: string | null;
  proposed_at: CreatedAt;
  state: Generated<'pending' | 'approved' | 'declined' | 'replaced' | 'withdrawn'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  organisation_id: string;
  role: Generated<'member' | 'admin'>;
  platform_admin: Generated<boolean>;
  created_at: CreatedAt;
  password_changed_at: Generated<Date>;
  /** The language the person reads; their emails are written in it. */
  language: Generated<'vi' | 'en'>;
  /** A member the organisation's admin lets sign contracts for it (admins always may). */
  may_sign: Generated<boolean>;
  /** Set when an admin removed the person: no session, no acting; their name stays on what they did. */
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  user_agent: string | null;
}

/** A personal API token: only the SHA-256 of its secret is kept; `hint` is the secret's first characters, to tell tokens apart. */
export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  hint: string;
  scope: 'read' | 'write';
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** The rate limit's current window and the requests counted in it. */
  window_started_at: Timestamp | null;
  window_count: Generated<number>;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  token_hash: string;
  organisation_id: string;
  email: string;
  role: 'member' | 'admin';
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  /** null while the attempt is being evaluated. */
  succeeded: boolean | null;
  at: CreatedAt;
}

export interface SignUpTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  organisation_name: string;
  organisation_type: 'enterprise' | 'university' | 'institute';
  tax_code: string;
  province_code: string;
  website: string | null;
  description: string;
  legal_representative: string;
  registration_document: string;
  ip: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  token_hash: string | null;
  mailed_at: Timestamp | null;
  outcome: 'confirmation_sent' | 'account_exists' | null;
  confirmed_at: Timestamp | null;
}

export interface PasswordResetRequestTable {
  id: Generated<string>;
  email: string;
  ip: string;
  at: CreatedAt;
  handled_at: Timestamp | null;
  outcome: 'sent' | 'unknown_email' | 'throttled' | null;
  user_id: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, string>, string | Record<string, string> | undefined, never>;
  link: string | null;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface EmailTable {
  id: Generated<string>;
  to: string;
  subject: string;
  text: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Claimed by a sender until then; sent outside any transaction, so a crash only delays it. */
  claimed_until: Timestamp | null;
}

export interface MatchTable {
  demand_id: string;
  offer_id: string;
  score: number;
  reasons: ColumnType<MatchReasonRow[], string, string>;
  computed_at: Timestamp;
  first_seen_at: Timestamp;
  demand_side_state: 'saved' | 'dismissed' | null;
  offer_side_state: 'saved' | 'dismissed' | null;
  notified_at: Timestamp | null;
}

/** As stored: the domain's MatchReason (kept structural here: db knows nothing of app). */
export interface MatchReasonRow {
  code: string;
  params: Record<string, string | number | string[]>;
}

export interface SavedSearchTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: string;
  /** The query's filters (app/domain/listing-query.ts); '' / NULL / empty array = any. */
  q: Generated<string>;
  kind: 'offer' | 'demand' | null;
  trl_min: number | null;
  trl_max: number | null;
  sectors: Generated<string[]>;
  transfer_modes: Generated<string[]>;
  ip_statuses: Generated<string[]>;
  provinces: Generated<string[]>;
  organisation_types: Generated<string[]>;
  created_at: CreatedAt;
}

export type VerificationState = 'pending' | 'verified' | 'refused';

/** An organisation's request to be verified: the evidence, and what the curator checked. */
export interface VerificationRequestTable {
  id: Generated<string>;
  organisation_id: string;
  state: Generated<VerificationState>;
  document_name: string;
  document_type: string;
  document_size: number;
  document: Buffer;
  contact_name: string;
  contact_role: string;
  contact_phone: string | null;
  contact_email: string | null;
  submitted_by: string;
  submitted_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  checks: Generated<string[]>;
  note: string | null;
  reason: string | null;
}

/** The text a curator decided on: what a resubmission is compared with. */
export interface ListingReviewTable {
  id: Generated<string>;
  listing_id: string;
  decision: string;
  content: Json;
  reviewed_by: string | null;
  reviewed_at: Generated<Date>;
}

export interface AttachmentTable {
  id: Generated<string>;
  listing_id: string;
  filename: string;
  content_type: string;
  size: number;
  confidential: Generated<boolean>;
  data: Buffer;
  created_by: string | null;
  created_at: CreatedAt;
  /** A file added to a published listing is `pending` until a curator approves it. */
  review_state: Generated<AttachmentReviewState>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

export interface MatchingRunTable {
  listing_id: string;
  listing_version: number;
  completed_at: Timestamp;
  matches: number;
  alerts: number;
}

export interface SavedSearchAlertTable {
  saved_search_id: string;
  listing_id: string;
  alerted_at: Timestamp;
}

export interface SearchIndexCheckTable {
  id: Generated<string>;
  checked_at: Timestamp;
  public_listings: number;
  indexed_documents: number;
  missing: number;
  stale: number;
  extra: number;
  in_flight: number;
  requeued: number;
  deleted: number;
  error: string | null;
}

export type AttachmentReviewState = 'pending' | 'approved' | 'refused';

/** One row per published listing, refreshed by the `stats-refresh` job (migration 000009). */
export interface StatsListingFactsView {
  id: string;
  organisation_id: string;
  kind: 'offer' | 'demand';
  status: string;
  sectors: string[];
  province_code: string;
  org_type: string;
  published_at: Date;
  published_via: 'approve' | 'import' | 'seed' | null;
}

/** One row per opened deal with the steps it reached, refreshed with the listing facts. */
export interface StatsDealFactsView {
  id: string;
  created_at: Date;
  answered_at: Date | null;
  answer_due_at: Date | null;
  agreed_at: Date | null;
  sectors: string[];
  province_code: string;
  org_type: string;
  negotiated: boolean;
  agreed: boolean;
  signed: boolean;
  completed: boolean;
  value_signed: BigMoney;
  value_paid: BigMoney;
}

export interface StatsRefreshTable {
  id: Generated<boolean>;
  refreshed_at: Date;
}

/** An uploaded file of offers: its checked rows wait here until confirmed, then a job writes them. */
export interface BulkImportTable {
  id: Generated<string>;
  organisation_id: string;
  uploaded_by: string;
  file_name: string;
  file_sha256: string;
  /** The checked rows (app/domain/bulk-import.ts CheckedRow[]), as JSON. */
  rows: ColumnType<unknown, string, string>;
  row_count: number;
  valid_count: number;
  status: Generated<'staged' | 'running' | 'done'>;
  mode: 'draft' | 'submit' | 'publish' | null;
  done_count: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  /** Rows not written: { row, reference, status } of a listing no longer a draft. */
  skipped: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  /** Who confirmed: the organisation's admin (its transitions run as owner) or a curator (as the system). */
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface DB {
  bulk_imports: BulkImportTable;
  provinces: ProvinceTable;
  organisations: OrganisationTable;
  listings: ListingTable;
  outbox: OutboxTable;
  audit_events: AuditEventTable;
  process_timers: ProcessTimerTable;
  deals: DealTable;
  term_sheets: TermSheetTable;
  nda_acceptances: NdaAcceptanceTable;
  deal_messages: DealMessageTable;
  deal_files: DealFileTable;
  bank_accounts: BankAccountTable;
  stripe_accounts: StripeAccountTable;
  contracts: ContractTable;
  contract_versions: ContractVersionTable;
  contract_signatures: ContractSignatureTable;
  milestones: MilestoneTable;
  stats_listing_facts: StatsListingFactsView;
  stats_deal_facts: StatsDealFactsView;
  stats_refreshes: StatsRefreshTable;
  payments: PaymentTable;
  provider_events: ProviderEventTable;
  reviews: ReviewTable;
  listing_revisions: ListingRevisionTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  sign_in_attempts: SignInAttemptTable;
  sign_ups: SignUpTable;
  password_reset_requests: PasswordResetRequestTable;
  notifications: NotificationTable;
  emails: EmailTable;
  matches: MatchTable;
  saved_searches: SavedSearchTable;
  attachments: AttachmentTable;
  verification_requests: VerificationRequestTable;
  listing_reviews: ListingReviewTable;
  matching_runs: MatchingRunTable;
  saved_search_alerts: SavedSearchAlertTable;
  search_index_checks: SearchIndexCheckTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Listing = Selectable<ListingTable>;
export type NewListing = Insertable<ListingTable>;
export type ListingUpdate = Updateable<ListingTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OutboxRow = Selectable<OutboxTable>;
