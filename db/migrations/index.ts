// Every migration, in order. Listed statically (rather than read from the folder at run time)
// so they load the same under tsx, vitest and any bundler. Append new ones at the end.
import type { Migration } from 'kysely';
import * as initial from './2026_11_22_000001_initial.js';
import * as accounts from './2026_11_22_000002_accounts_and_curation.js';
import * as matches from './2026_11_22_000003_matches_and_saved_searches.js';
import * as attachments from './2026_11_22_000004_attachments.js';
import * as accountsHardening from './2026_11_28_000001_accounts_hardening.js';
import * as searchReliability from './2026_11_28_000002_search_reliability.js';
import * as listingVisibility from './2026_11_28_000003_listing_visibility.js';
import * as processEngine from './2026_11_28_000004_process_engine.js';
import * as deals from './2026_11_28_000005_deals.js';
import * as agreedTermsAndDealFiles from './2026_11_28_000006_agreed_terms_and_deal_files.js';
import * as contractsAndPayments from './2026_11_28_000007_contracts_and_payments.js';
import * as stateFundingAndRefunds from './2026_11_28_000008_state_funding_and_refunds.js';
import * as marketStats from './2026_11_28_000009_market_stats.js';
import * as bulkImport from './2026_11_28_000010_bulk_import.js';
import * as apiTokens from './2026_11_28_000011_api_tokens.js';
import * as verificationEvidence from './2026_11_28_000012_verification_evidence.js';
import * as listingDrafts from './2026_11_28_000013_listing_drafts.js';
import * as listingLanguages from './2026_11_29_000014_listing_languages.js';
import * as savedSearchFilters from './2026_11_29_000015_saved_search_filters.js';

export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_000001_initial': initial,
  '2026_11_22_000002_accounts_and_curation': accounts,
  '2026_11_22_000003_matches_and_saved_searches': matches,
  '2026_11_22_000004_attachments': attachments,
  '2026_11_28_000001_accounts_hardening': accountsHardening,
  '2026_11_28_000002_search_reliability': searchReliability,
  '2026_11_28_000003_listing_visibility': listingVisibility,
  '2026_11_28_000004_process_engine': processEngine,
  '2026_11_28_000005_deals': deals,
  '2026_11_28_000006_agreed_terms_and_deal_files': agreedTermsAndDealFiles,
  '2026_11_28_000007_contracts_and_payments': contractsAndPayments,
  '2026_11_28_000008_state_funding_and_refunds': stateFundingAndRefunds,
  '2026_11_28_000009_market_stats': marketStats,
  '2026_11_28_000010_bulk_import': bulkImport,
  '2026_11_28_000011_api_tokens': apiTokens,
  '2026_11_28_000012_verification_evidence': verificationEvidence,
  '2026_11_28_000013_listing_drafts': listingDrafts,
  '2026_11_29_000014_listing_languages': listingLanguages,
  '2026_11_29_000015_saved_search_filters': savedSearchFilters,
};
