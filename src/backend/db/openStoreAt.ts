import { openStore, type OpenStoreOptions, type Store } from './openStore';
import { openPostgresStore } from './postgres/openPostgresStore';
import { parseStoreLocation } from './storeLocation';

/**
 * Opens the store a --db / KAOPING_DB value names: a SQLite file, or a PostgreSQL database for a
 * postgres:// URL. Any other URL is refused (parseStoreLocation), never created as a file.
 */
export async function openStoreAt(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const parsed = parseStoreLocation(location);
  return parsed.dialect === 'postgres' ? openPostgresStore(parsed.url) : openStore(parsed.file, opts);
}
