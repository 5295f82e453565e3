// What a person sends to make a personal API token on /account: a name to recognise it by, its
// scope, and, if they want one, an expiry in days.
import { z } from 'zod';
import { API_TOKEN_SCOPES } from './access.js';
import { cleaned } from './text.js';

export const API_TOKEN_MAX_DAYS = 365;

export const apiTokenInputSchema = z.object({
  name: cleaned(z.string().min(1).max(100)),
  scope: z.enum(API_TOKEN_SCOPES, { message: 'choose_one' }),
  // An empty field (the form's default) means the token does not expire.
  expiresInDays: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().min(1).max(API_TOKEN_MAX_DAYS).nullable()),
});

export type ApiTokenInput = z.output<typeof apiTokenInputSchema>;
