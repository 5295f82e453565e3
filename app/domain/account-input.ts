// What people type to get an account and an organisation, with the market's rules.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';
import { isValidTaxCode } from './tax-code.js';
import { cleaned } from './text.js';

export const email = z.string().trim().toLowerCase().max(254).email('enter a valid email address');
export const password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200, 'at most 200 characters');

export const organisationInputSchema = z.object({
  organisationName: cleaned(z.string().min(2, 'at least 2 characters').max(200, 'at most 200 characters')),
  organisationType: z.enum(['enterprise', 'university', 'institute'], { message: 'choose a type' }),
  taxCode: z.string().trim().refine(isValidTaxCode, 'not a valid Vietnamese tax code (10 digits, or 10-3, with its check digit)'),
  province: z.enum(PROVINCE_CODES, { message: 'choose a province' }),
  website: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'a web address starting with http:// or https://')
    .optional()
    .transform((v) => (v ? v : null)),
  description: cleaned(z.string().max(2000, 'at most 2,000 characters').optional(), { multiline: true }).transform((v) => v ?? ''),
});

/** What an admin may change later: the type and tax code identify the organisation and stay. */
export const organisationProfileSchema = organisationInputSchema.pick({ organisationName: true, province: true, website: true, description: true });

/**
 * What a curator checks a claimed tax code against (the national business registry shows both):
 * who legally represents the organisation, and the number of its founding paper (business
 * registration certificate, establishment decision or S&T activity registration).
 */
export const organisationEvidenceSchema = z.object({
  legalRepresentative: cleaned(z.string().min(2, 'at least 2 characters').max(120, 'at most 120 characters')),
  registrationDocument: cleaned(z.string().min(3, 'at least 3 characters').max(100, 'at most 100 characters')),
});

export const signUpSchema = z
  .object({
    name: cleaned(z.string().min(1, 'required').max(120, 'at most 120 characters')),
    email,
    password,
  })
  .and(organisationInputSchema)
  .and(organisationEvidenceSchema);

/** A curator verifies an organisation only after comparing its tax code with the evidence. */
export const verificationSchema = z.object({
  evidenceChecked: z.literal('yes', { message: 'confirm that the registry matches the evidence given' }),
});

export const invitedSignUpSchema = z.object({
  name: cleaned(z.string().min(1, 'required').max(120, 'at most 120 characters')),
  password,
});

export const signInSchema = z.object({ email, password: z.string().min(1, 'required').max(200) });

export const inviteSchema = z.object({ email, role: z.enum(['member', 'admin']) });

export type SignUpInput = z.output<typeof signUpSchema>;
export type OrganisationInput = z.output<typeof organisationInputSchema>;

/** Field errors keyed by field name, as forms show them. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
  return out;
}
