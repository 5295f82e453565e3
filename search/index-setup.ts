import type { Search } from './client.js';
import { isNotFound } from './client.js';
import { LISTING_INDEX_SETTINGS } from './settings.js';

/** Creates the index with its settings when it is missing. Settings are re-applied by reindex. */
export async function ensureListingIndex(search: Search, uid: string): Promise<void> {
  try {
    await search.client.getIndex(uid);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await createListingIndex(search, uid);
}

export async function createListingIndex(search: Search, uid: string): Promise<void> {
  const created = await search.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
    throw new Error(`Could not create index ${uid}: ${created.error?.message}`);
  }
  const settings = await search.client.index(uid).updateSettings(LISTING_INDEX_SETTINGS).waitTask();
  if (settings.status !== 'succeeded') {
    throw new Error(`Could not configure index ${uid}: ${settings.error?.message}`);
  }
}

/** Brings an existing index's settings up to date (a new filterable field, new synonyms). */
export async function applyListingSettings(search: Search, uid: string): Promise<void> {
  const task = await search.client.index(uid).updateSettings(LISTING_INDEX_SETTINGS).waitTask();
  if (task.status !== 'succeeded') throw new Error(`Could not configure index ${uid}: ${task.error?.message}`);
}
