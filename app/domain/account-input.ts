// What people type to get an account and an organisation, with the market's rules.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
import { isValidTaxCode } from './tax-code.js';
import { cleaned } from './text.js';

export const email = z.string().trim().toLowerCase().max(254).email('email');
export const password = z
  .string()
  .min(10)
  .max(200);

export const organisationInputSchema = z.object({
  organisationName: cleaned(z.string().min(2).max(200)),
  organisationType: z.enum(['enterprise', 'university', 'institute'], { message: 'choose_type' }),
  // The length first (it gives the form its constraints); the checksum only when that passes.
  taxCode: z.string().trim().min(1).max(14, 'tax_code').pipe(z.string().refine(isValidTaxCode, 'tax_code')),
  province: z.enum(PROVINCE_CODES, { message: 'choose_province' }),
  website: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'web_address')
    // Null too: a parsed value parses again to itself, as services check what the edge parsed.
    .nullish()
    .transform((v) => (v ? v : null)),
  description: cleaned(z.string().max(2000).optional(), { multiline: true }).transform((v) => v ?? ''),
});

/** What an admin may change later: the type and tax code identify the organisation and stay. */
export const organisationProfileSchema = organisationInputSchema.pick({ organisationName: true, province: true, website: true, description: true });

/**
 * What a curator checks a claimed tax code against (the national business registry shows both):
 * who legally represents the organisation, and the number of its founding paper (business
 * registration certificate, establishment decision or S&T activity registration).
 */
export const organisationEvidenceSchema = z.object({
  legalRepresentative: cleaned(z.string().min(2).max(120)),
  registrationDocument: cleaned(z.string().min(3).max(100)),
});

export const signUpSchema = z
  .object({
    name: cleaned(z.string().min(1).max(120)),
    email,
    password,
  })
  .and(organisationInputSchema)
  .and(organisationEvidenceSchema);

export const invitedSignUpSchema = z.object({
  name: cleaned(z.string().min(1).max(120)),
  password,
});

export const signInSchema = z.object({ email, password: z.string().min(1).max(200) });

export const memberRole = z.enum(['member', 'admin'], { message: 'choose_one' });

export const inviteSchema = z.object({ email, role: memberRole });

/** An admin gives another member of the organisation a role. */
export const memberRoleSchema = z.object({ userId: z.string(), role: memberRole });

export const passwordResetRequestSchema = z.object({ email });

export const newPasswordSchema = z.object({ password });

export type SignUpInput = z.output<typeof signUpSchema>;
export type OrganisationInput = z.output<typeof organisationInputSchema>;
