// Input checked against a schema, with the answer as data: the typed value, or field problems.
// One rule for every form and API body: a multi-form route's schema is a discriminated union on
// `intent`, and a missing or unknown intent is the form's problem `unknown_intent`, never a
// field error and never a fall-through to some default action.
import type { z } from 'zod';
import { fieldProblemsOf, problem, type FieldProblems } from './problem.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  // The intent names the form; without a known one no field problem is worth showing (zod stops
  // at an unknown discriminator anyway), and the person needs the page's own buttons.
  if (result.error.issues.some((issue) => issue.code === 'invalid_union_discriminator' || issue.path[0] === 'intent')) {
    return { ok: false, problems: { form: [problem('unknown_intent')] } };
  }
  return { ok: false, problems: fieldProblemsOf(result.error) };
}
