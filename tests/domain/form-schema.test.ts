// Forms parsed at the edge (issue 8): one schema per route, an unknown intent is the form's
// problem and never some default action, and the HTML constraints come from the same schema.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inviteSchema, newPasswordSchema, organisationProfileSchema, signInSchema, signUpSchema } from '../../app/domain/account-input.js';
import { constraintsOf, fieldAttrs } from '../../app/domain/form-constraints.js';
import { parseInput } from '../../app/domain/form-input.js';
import { listingFormSchema } from '../../app/domain/listing-form.js';
import { listingFieldsSchema, listingInputSchema, listingUpdateSchema } from '../../app/domain/listing-input.js';
import { savedSearchInputSchema } from '../../app/domain/saved-search-input.js';
import { cleaned } from '../../app/domain/text.js';
import { LISTING_LIMITS } from '../../app/domain/taxonomy.js';
import { AI_OFFER } from '../fixtures/market.js';

const forms = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite'), email: z.string().email('email') }),
  z.object({ intent: z.literal('revoke'), invitationId: z.string() }),
]);

describe('parseInput', () => {
  it('gives the typed value of the branch its intent names', () => {
    expect(parseInput(forms, { intent: 'revoke', invitationId: 'x', extra: 'dropped' })).toEqual({ ok: true, value: { intent: 'revoke', invitationId: 'x' } });
  });

  it.each([['unknown', { intent: 'invte', email: 'a@b.vn' }], ['missing', { email: 'a@b.vn' }], ['empty', { intent: '' }], ['not a string', { intent: ['invite', 'revoke'] }]])(
    'answers an %s intent with unknown_intent for the whole form, not a field',
    (_, input) => {
      expect(parseInput(forms, input)).toEqual({ ok: false, problems: { form: [{ code: 'unknown_intent' }] } });
    },
  );

  it('answers an intent outside a single form’s enum the same way', () => {
    const matchForm = z.object({ intent: z.enum(['save', 'dismiss']), other: z.string() });
    expect(parseInput(matchForm, { intent: 'delete', other: 'x' })).toEqual({ ok: false, problems: { form: [{ code: 'unknown_intent' }] } });
  });

  it('reports the fields of a known branch as field problems', () => {
    expect(parseInput(forms, { intent: 'invite', email: 'not-an-address' })).toEqual({ ok: false, problems: { email: [{ code: 'email' }] } });
  });
});

describe('the listing form schema', () => {
  const form = {
    intent: 'save', kind: 'offer', title: 'Cảm biến độ mặn giá rẻ', summary: 'Cảm biến đo độ mặn cho ao nuôi tôm.', description: 'Mô tả',
    sectors: 'aquaculture_fisheries', keywords: 'độ mặn, cảm biến', trl: '5', ipStatus: 'utility_solution', transferModes: 'licence_non_exclusive',
    priceMin: '120.000.000', priceMax: '', province: 'ca-mau', language: 'vi', confidentialDetails: '', version: '3',
  };

  it('saves with the fields the API validates, and the version it was read at', () => {
    const result = parseInput(listingFormSchema, form);
    expect(result.ok && result.value).toMatchObject({ intent: 'save', version: 3, trl: 5, priceMin: 120_000_000, sectors: ['aquaculture_fisheries'], keywords: ['độ mặn', 'cảm biến'] });
    // What the page saves passes the API's schema unchanged.
    if (result.ok && result.value.intent === 'save') expect(listingInputSchema.safeParse(result.value).success).toBe(true);
  });

  it('previews without checking the other fields', () => {
    expect(parseInput(listingFormSchema, { intent: 'preview', description: '# Tiêu đề', title: '' })).toEqual({ ok: true, value: { intent: 'preview', description: '# Tiêu đề' } });
  });

  it('applies the rules between fields, as the API does', () => {
    const result = parseInput(listingFormSchema, { ...form, priceMin: '2.000.000', priceMax: '1.000.000' });
    expect(result).toEqual({ ok: false, problems: { priceMax: [{ code: 'below_minimum' }] } });
    const api = parseInput(listingUpdateSchema, { ...AI_OFFER, priceMin: 2_000_000, priceMax: 1_000_000, version: 1 });
    expect(api).toEqual(result);
  });

  it('refuses an unknown or missing intent instead of saving', () => {
    for (const intent of ['publish', undefined]) {
      expect(parseInput(listingFormSchema, { ...form, intent })).toEqual({ ok: false, problems: { form: [{ code: 'unknown_intent' }] } });
    }
  });
});

describe('HTML constraints from the schema', () => {
  it('follow the schema: changing a maximum changes the attribute', () => {
    const withMax = (max: number) => z.object({ title: cleaned(z.string().min(5).max(max)) });
    expect(fieldAttrs(withMax(200), 'title')).toEqual({ required: true, minLength: 5, maxLength: 200 });
    expect(fieldAttrs(withMax(80), 'title')).toEqual({ required: true, minLength: 5, maxLength: 80 });
  });

  it('say what is required and what is not', () => {
    expect(constraintsOf(z.string())).toEqual({});
    expect(constraintsOf(z.string().min(1))).toEqual({ required: true });
    expect(constraintsOf(z.string().max(9).optional())).toEqual({ maxLength: 9 });
    expect(constraintsOf(z.string().email())).toEqual({ required: true });
    expect(constraintsOf(z.enum(['a', 'b']))).toEqual({ required: true });
    expect(constraintsOf(z.enum(['a', 'b']).nullable().default(null))).toEqual({});
    expect(constraintsOf(z.number().int().min(1).max(9))).toEqual({ required: true, min: 1, max: 9 });
    expect(constraintsOf(z.array(z.string()).min(1))).toEqual({});
  });

  it('are the market’s limits for the listing form', () => {
    expect(fieldAttrs(listingFieldsSchema, 'title')).toEqual({ required: true, minLength: 5, maxLength: LISTING_LIMITS.title });
    expect(fieldAttrs(listingFieldsSchema, 'summary')).toEqual({ required: true, minLength: 10, maxLength: LISTING_LIMITS.summary });
    expect(fieldAttrs(listingFieldsSchema, 'description')).toEqual({ maxLength: LISTING_LIMITS.description });
    expect(fieldAttrs(listingFieldsSchema, 'innovation')).toEqual({ maxLength: 2000 });
    expect(fieldAttrs(listingFieldsSchema, 'province')).toEqual({ required: true });
  });

  it('reach through intersections, pipes and union branches of the account forms', () => {
    expect(fieldAttrs(signUpSchema, 'password')).toEqual({ required: true, minLength: 10, maxLength: 200 });
    expect(fieldAttrs(signUpSchema, 'taxCode')).toEqual({ required: true, maxLength: 14 });
    expect(fieldAttrs(signUpSchema, 'registrationDocument')).toEqual({ required: true, minLength: 3, maxLength: 100 });
    expect(fieldAttrs(signUpSchema, 'website')).toEqual({ maxLength: 200 });
    expect(fieldAttrs(organisationProfileSchema, 'organisationName')).toEqual({ required: true, minLength: 2, maxLength: 200 });
    expect(fieldAttrs(inviteSchema, 'email')).toEqual({ required: true, maxLength: 254 });
    expect(fieldAttrs(signInSchema, 'password')).toEqual({ required: true, maxLength: 200 });
    expect(fieldAttrs(newPasswordSchema, 'password')).toEqual({ required: true, minLength: 10, maxLength: 200 });
    expect(fieldAttrs(savedSearchInputSchema, 'name')).toEqual({ required: true, maxLength: 120 });
    expect(fieldAttrs(forms, 'invitationId')).toEqual({});
    expect(() => fieldAttrs(signUpSchema, 'nonsense')).toThrow(/no field "nonsense"/);
  });
});

describe('what the edge parsed, a service parses again to the same value', () => {
  it.each([
    ['sign-up', signUpSchema, { name: ' Lê Hoa ', email: 'Hoa@DN.vn', password: 'mat-khau-dai-du', organisationName: 'Công ty Hoa', organisationType: 'enterprise', taxCode: '0108887771', province: 'ha-noi', website: '', description: '', legalRepresentative: 'Lê Hoa', registrationDocument: '0100000021' }],
    ['organisation profile', organisationProfileSchema, { organisationName: 'Viện', province: 'hue', website: '' }],
    ['listing', listingInputSchema, AI_OFFER],
  ] as const)('%s', (_, schema, input) => {
    const once = (schema as z.ZodTypeAny).parse(input);
    expect((schema as z.ZodTypeAny).parse(once)).toEqual(once);
  });
});
