interface SubmitButtonProps {
  pending: boolean;
  label: string;
  pendingLabel: string;
}

/**
 * A form's submit button. While the request runs it says so and stays focusable (aria-disabled,
 * not disabled, which would drop keyboard focus); forms ignore a second submit meanwhile.
 */
export function SubmitButton({ pending, label, pendingLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button" aria-disabled={pending || undefined}>
      {pending ? pendingLabel : label}
    </button>
  );
}
