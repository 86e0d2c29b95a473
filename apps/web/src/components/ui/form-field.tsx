import type { ProblemFieldError } from '@glocal/contracts';
import { useId, type ReactNode } from 'react';
import type { MessageDescriptor } from 'react-intl';
import { FieldError } from './field-error';

/** What a form control needs to be named, described and flagged by its field. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormFieldProps {
  label: string;
  hint?: string | undefined;
  error?: ProblemFieldError | undefined;
  /** This field's own wording for its error, instead of the generic one. */
  errorMessage?: MessageDescriptor | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, its control, an optional hint and the error next to it, all wired for screen readers. */
export function FormField({ label, hint, error, errorMessage, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-field form-field--invalid' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      <FieldError id={errorId} error={error} message={errorMessage} />
    </div>
  );
}
