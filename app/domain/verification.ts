// Verifying an organisation: what it sends as evidence, what the curator checks, and where the
// curator checks it. Verified means a curator compared the registration document, the tax code in
// the public registry and a reachable contact person, and said which of these held.
import { z } from 'zod';
import { email } from './account-input.js';
import { cleaned } from './text.js';

/** The registration document: a scan or a PDF, never an office file (it is read, not edited). */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function isEvidenceType(type: string | null): type is (typeof EVIDENCE_TYPES)[number] {
  return type !== null && (EVIDENCE_TYPES as readonly string[]).includes(type);
}

/** What a curator may record as checked; the order is the order shown. */
export const VERIFICATION_CHECKS = ['name_matches_registration', 'tax_code_active', 'contact_reached'] as const;
export type VerificationCheck = (typeof VERIFICATION_CHECKS)[number];

const optionalLine = (max: number) =>
  cleaned(z.string().max(max).optional())
    .nullish()
    .transform((v) => (v ? v : null));

/** The contact person who answers the curator's questions about the organisation. */
export const verificationRequestSchema = z
  .object({
    contactName: cleaned(z.string().min(2).max(120)),
    contactRole: cleaned(z.string().min(2).max(120)),
    contactPhone: optionalLine(30).refine((v) => v === null || /^\+?[0-9 .()-]{8,30}$/.test(v), 'invalid_value'),
    contactEmail: z
      .union([z.literal(''), email])
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.contactPhone === null && v.contactEmail === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['contactPhone'], message: 'contact_required' });
  });
export type VerificationRequestInput = z.output<typeof verificationRequestSchema>;

const checks = z
  .union([z.enum(VERIFICATION_CHECKS), z.array(z.enum(VERIFICATION_CHECKS))])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);

/**
 * The curator's decision on a request: verifying needs at least one check recorded; refusing
 * needs a reason the organisation's admin will read.
 */
export const verificationDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('verify'),
    checks: checks.refine((v) => v.length > 0, 'confirm_evidence'),
    note: optionalLine(2000),
  }),
  z.object({
    decision: z.literal('refuse'),
    checks,
    note: optionalLine(2000),
    reason: cleaned(z.string({ message: 'reason_required' }).min(1, 'reason_required').max(2000), { multiline: true }),
  }),
]);
export type VerificationDecision = z.output<typeof verificationDecisionSchema>;

/**
 * Where a curator looks a tax code up: the National Business Registration Portal (enterprises)
 * and the tax authority's taxpayer lookup (every organisation with a tax code). Neither takes the
 * code in its address, so the page shows the code beside plain links, for copying.
 */
export const REGISTRIES = [
  { key: 'business_registration', url: 'https://dangkykinhdoanh.gov.vn' },
  { key: 'tax_authority', url: 'https://tracuunnt.gdt.gov.vn/tcnnt/mstdn.jsp' },
] as const;
