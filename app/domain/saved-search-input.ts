// What a person sends to keep a search: its name, and the query string of the search page.
import { z } from 'zod';
import { cleaned } from './text.js';

export const savedSearchInputSchema = z.object({
  name: cleaned(z.string().min(1).max(120)),
  query: z.string().default(''),
});
