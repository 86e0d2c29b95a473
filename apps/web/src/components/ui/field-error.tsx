import type { ProblemFieldError } from '@glocal/contracts';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { fieldProblemKind, type FieldProblemKind } from '../../lib/field-errors';

const MESSAGES: Record<FieldProblemKind, MessageDescriptor> = {
  required: { id: 'field_errors.required' },
  too_small: { id: 'field_errors.too_small' },
  too_big: { id: 'field_errors.too_big' },
  invalid_format: { id: 'field_errors.invalid_format' },
  invalid_value: { id: 'field_errors.invalid_value' },
  unknown_territory: { id: 'field_errors.unknown_territory' },
  invalid: { id: 'field_errors.invalid' },
};

/** The words for a field error: a form may pass its own for a rule only it knows (`message`). */
export function useFieldErrorText() {
  const { formatMessage } = useIntl();
  return (fieldError: ProblemFieldError, message?: MessageDescriptor) =>
    formatMessage(message ?? MESSAGES[fieldProblemKind(fieldError)]);
}

interface FieldErrorProps {
  id: string;
  error: ProblemFieldError | undefined;
  /** Wording for this field's own rule, used instead of the generic one. */
  message?: MessageDescriptor | undefined;
}

/** The error shown right under a field, referenced by the field's `aria-describedby`. */
export function FieldError({ id, error, message }: FieldErrorProps) {
  const text = useFieldErrorText();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {text(error, message)}
    </p>
  );
}
