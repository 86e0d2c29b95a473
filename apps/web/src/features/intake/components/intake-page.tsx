import type { IntakeOptionsView, IntakeReceiptView, ProblemFieldError } from '@glocal/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useLocale } from '../../../lib/i18n';
import { OfflineError, getIntakeOptions, submitIntake } from '../api/intake-api';
import { EMPTY_DRAFT, checkDraft, toIntakeBody, type IntakeDraft } from '../utils/intake-draft';
import { addToOutbox, readOutbox, removeFromOutbox } from '../utils/intake-outbox';
import { IntakeConfirmation } from './intake-confirmation';
import { IntakeForm } from './intake-form';

type Phase =
  | { kind: 'form'; error?: unknown; savedFailed?: boolean }
  | { kind: 'saved' }
  | { kind: 'sending_saved' }
  | { kind: 'done'; receipt: IntakeReceiptView };

const toMap = (errors: ProblemFieldError[]) => {
  const map = new Map<string, ProblemFieldError>();
  for (const error of errors) if (!map.has(error.pointer)) map.set(error.pointer, error);
  return map;
};

/**
 * Loads what the form offers, sends the request, and keeps it on the device when there is no
 * connection: it goes as soon as the browser is online again (or the page is opened again).
 */
export function IntakePage() {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const [options, setOptions] = useState<IntakeOptionsView | { error: unknown } | undefined>();
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [phase, setPhase] = useState<Phase>(() => (readOutbox().length > 0 ? { kind: 'saved' } : { kind: 'form' }));
  const [submitting, setSubmitting] = useState(false);
  const flushing = useRef(false);
  const top = useRef<HTMLDivElement>(null);

  const loadOptions = useCallback(() => {
    setOptions(undefined);
    const controller = new AbortController();
    getIntakeOptions(locale, controller.signal).then(setOptions, (error: unknown) => {
      if (!controller.signal.aborted) setOptions({ error });
    });
    return () => controller.abort();
  }, [locale]);
  useEffect(loadOptions, [loadOptions]);

  /** Sends what was kept on the device, oldest first; stops at the first that cannot go yet. */
  const flushOutbox = useCallback(async () => {
    if (flushing.current || readOutbox().length === 0) return;
    flushing.current = true;
    setPhase({ kind: 'sending_saved' });
    try {
      for (const pending of readOutbox()) {
        try {
          const receipt = await submitIntake(pending.body, pending.body.locale);
          removeFromOutbox(pending.key);
          setPhase({ kind: 'done', receipt });
        } catch (error) {
          if (error instanceof OfflineError) {
            setPhase({ kind: 'saved' });
            return;
          }
          // Refused (a field, the rate limit): give the request back to the person to fix and resend.
          removeFromOutbox(pending.key);
          setDraft(pending.draft);
          setErrors(fieldErrorsOf(error));
          setPhase({ kind: 'form', error, savedFailed: true });
          return;
        }
      }
    } finally {
      flushing.current = false;
    }
  }, []);

  useEffect(() => {
    const onOnline = () => void flushOutbox();
    window.addEventListener('online', onOnline);
    if (navigator.onLine) void flushOutbox();
    return () => window.removeEventListener('online', onOnline);
  }, [flushOutbox]);

  function keepOnDevice(body: ReturnType<typeof toIntakeBody>) {
    addToOutbox({ ...body, submittedOfflineAt: new Date().toISOString() }, draft);
    setPhase({ kind: 'saved' });
  }

  async function submit() {
    if (!options || 'error' in options) return;
    const found = toMap(checkDraft(draft));
    setErrors(found);
    if (found.size > 0) {
      setPhase({ kind: 'form' });
      top.current?.scrollIntoView?.();
      return;
    }
    const body = toIntakeBody(draft, locale, options.policyVersion);
    if (!navigator.onLine) return keepOnDevice(body);
    setSubmitting(true);
    try {
      const receipt = await submitIntake(body, locale);
      setPhase({ kind: 'done', receipt });
      setDraft(EMPTY_DRAFT);
    } catch (error) {
      if (error instanceof OfflineError) return keepOnDevice(body);
      setErrors(fieldErrorsOf(error));
      setPhase({ kind: 'form', error });
      top.current?.scrollIntoView?.();
    } finally {
      setSubmitting(false);
    }
  }

  if (phase.kind === 'done') {
    return (
      <IntakeConfirmation
        receipt={phase.receipt}
        onAnother={() => {
          setDraft(EMPTY_DRAFT);
          setErrors(new Map());
          setPhase({ kind: 'form' });
        }}
      />
    );
  }
  if (phase.kind === 'saved' || phase.kind === 'sending_saved') {
    return (
      <section className="notice" role="status" aria-labelledby="intake-saved-title">
        <h2 id="intake-saved-title">{formatMessage({ id: 'intake.offline.saved_title' })}</h2>
        <p>{formatMessage(phase.kind === 'saved' ? { id: 'intake.offline.saved' } : { id: 'intake.offline.sending' })}</p>
      </section>
    );
  }
  if (!options) return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if ('error' in options) return <ProblemMessage error={options.error} onRetry={loadOptions} />;

  return (
    <div ref={top}>
      <IntakeForm
        options={options}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        submitting={submitting}
        onSubmit={() => void submit()}
        notice={
          <>
            {phase.savedFailed && (
              <p className="notice notice--error" role="alert">
                {formatMessage({ id: 'intake.offline.failed' })}
              </p>
            )}
            <FormProblem error={phase.error} fieldErrorCount={errors.size} />
          </>
        }
      />
    </div>
  );
}
