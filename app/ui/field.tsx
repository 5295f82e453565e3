import type { ReactNode } from 'react';
import type { Problem } from '../domain/problem.js';
import { problemsText } from '../i18n/problems.js';
import { useLang, useT } from './use-t.js';

interface FieldProps {
  name: string;
  label: string;
  errors?: Problem[];
  hint?: ReactNode;
  children?: ReactNode;
}

/** A labelled field with its errors announced and tied to the input (aria-describedby). */
export function Field({ name, label, errors, hint, children }: FieldProps) {
  const id = `field-${name}`;
  const lang = useLang();
  const t = useT();
  return (
    <div className={`form-field${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {problemsText(t, lang, errors)}
        </p>
      ) : null}
    </div>
  );
}

/** Props for the input inside a Field: its id, name and error/hint wiring. */
export function inputProps(name: string, errors?: Problem[], hint = false) {
  const id = `field-${name}`;
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { id, name, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy || undefined };
}

export function FormMessage({ message }: { message: Problem | null | undefined }) {
  const lang = useLang();
  const t = useT();
  return message ? <p className="notice notice-error" role="alert">{problemsText(t, lang, [message])}</p> : null;
}

/** Errors of a group of checkboxes (no single input to tie them to). */
export function GroupErrors({ errors }: { errors?: Problem[] }) {
  const lang = useLang();
  const t = useT();
  return errors?.length ? <p className="field-error" role="alert">{problemsText(t, lang, errors)}</p> : null;
}

/** Reads a kept value back out of a failed submission. */
export function kept(values: Record<string, unknown> | undefined, name: string, fallback = ''): string {
  const v = values?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : fallback;
}
