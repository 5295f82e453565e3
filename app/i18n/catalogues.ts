// Both languages' messages, for the server: importing this module registers them. The browser
// loads only its reader's language instead (entry.client.tsx).
import { en } from './en.js';
import { addCatalogue } from './index.js';
import { vi } from './vi.js';

addCatalogue('vi', vi);
addCatalogue('en', en);
