// The HTML constraints of a field, read from the schema that validates it, so that a form's
// `required` and `maxLength` cannot drift from the rule the server applies. Pure and small
// enough for the browser: forms spread the result onto their inputs.
import { z } from 'zod';

export interface FieldConstraints {
  required?: true;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

/** `fieldAttrs(organisationInputSchema, 'organisationName')` → `{ required: true, minLength: 2, maxLength: 200 }`. */
export function fieldAttrs(schema: z.ZodTypeAny, name: string): FieldConstraints {
  const field = fieldOf(schema, name);
  if (!field) throw new Error(`The schema has no field "${name}"`);
  return constraintsOf(field);
}

/** The constraints of one value's schema; optional, nullable and defaulted values are not required. */
export function constraintsOf(schema: z.ZodTypeAny): FieldConstraints {
  let required = true;
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      required = false;
      s = s.unwrap();
    } else if (s instanceof z.ZodDefault) {
      required = false;
      s = s._def.innerType;
    } else if (s instanceof z.ZodEffects) s = s.innerType();
    else if (s instanceof z.ZodPipeline) s = s._def.in;
    else if (s instanceof z.ZodBranded) s = s.unwrap();
    else if (s instanceof z.ZodCatch) s = s._def.innerType;
    else break;
  }
  const out: FieldConstraints = {};
  if (s instanceof z.ZodString) {
    let min = 0;
    for (const check of s._def.checks) {
      if (check.kind === 'min' || check.kind === 'length') min = Math.max(min, check.value);
      if (check.kind === 'max' || check.kind === 'length') out.maxLength = Math.min(out.maxLength ?? Infinity, check.value);
      // An empty string is not an email address or a URL: such a field must be filled in.
      if (check.kind === 'email' || check.kind === 'url') min = Math.max(min, 1);
    }
    if (min > 1) out.minLength = min;
    return required && min >= 1 ? { required: true, ...out } : out;
  }
  if (s instanceof z.ZodNumber) {
    for (const check of s._def.checks) {
      if (check.kind === 'min') out.min = check.inclusive ? check.value : check.value + 1;
      if (check.kind === 'max') out.max = check.inclusive ? check.value : check.value - 1;
    }
    return required ? { required: true, ...out } : out;
  }
  // A choice or a fixed value must be there; arrays (checkbox groups) and booleans carry no HTML constraint.
  if (s instanceof z.ZodEnum || s instanceof z.ZodNativeEnum || s instanceof z.ZodLiteral) return required ? { required: true } : {};
  return {};
}

/** A field's schema inside an object, whatever wraps it (refinements, intersections, union branches). */
function fieldOf(schema: z.ZodTypeAny, name: string): z.ZodTypeAny | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodTypeAny>)[name];
  if (schema instanceof z.ZodEffects) return fieldOf(schema.innerType(), name);
  if (schema instanceof z.ZodIntersection) return fieldOf(schema._def.left, name) ?? fieldOf(schema._def.right, name);
  if (schema instanceof z.ZodDiscriminatedUnion) {
    for (const option of schema.options as z.ZodTypeAny[]) {
      const field = fieldOf(option, name);
      if (field) return field;
    }
  }
  return undefined;
}
