import { useEffect, useRef, type RefObject } from 'react';
import { focusFirstInvalid } from '../utils/form-errors';

/**
 * After a failed submit (`failure` changes to a new error), moves focus to the first field to fix,
 * else to the message saying what went wrong, whose ref this returns.
 */
export function useFocusOnFailure(form: RefObject<HTMLFormElement | null>, failure: unknown) {
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!failure) return;
    if (!focusFirstInvalid(form.current)) problem.current?.focus();
  }, [failure, form]);
  return problem;
}
