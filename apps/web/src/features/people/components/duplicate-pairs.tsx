import type { DuplicateMatch, DuplicatePersonView, PersonDuplicateView } from '@glocal/contracts';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { Link } from 'react-router';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { isPairGone, useDismissDuplicate, useDuplicates, useMergeDuplicate } from '../api/duplicates';
import '../people.css';

const MATCH_MESSAGES: Record<DuplicateMatch, MessageDescriptor> = {
  email: { id: 'people.duplicates.match.email' },
  phone: { id: 'people.duplicates.match.phone' },
  birth_date: { id: 'people.duplicates.match.birth_date' },
};

/** What happened to the last pair decided here: said above the list, where the focus goes. */
type Outcome =
  | { kind: 'merged'; kept: DuplicatePersonView; merged: DuplicatePersonView }
  | { kind: 'dismissed'; pair: PersonDuplicateView }
  | { kind: 'gone'; error: unknown };

const fullName = (person: DuplicatePersonView) => [person.givenName, person.familyName].filter(Boolean).join(' ');

/**
 * The possible duplicates of my desks, side by side, to merge (after a confirmation: both
 * histories are kept) or to dismiss as two different people. A decided pair leaves the list.
 */
export function DuplicatePairs() {
  const { formatMessage } = useIntl();
  const list = useDuplicates();
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const pairs = useMemo(() => (list.data?.pages.flatMap((page) => page.items) ?? []).filter((pair) => !decided.has(pair.id)), [list.data, decided]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLHeadingElement>(pairs.length);

  function onDecided(id: string, next: Outcome) {
    setDecided((current) => new Set(current).add(id));
    setOutcome(next);
    // The pair's buttons are gone with it: carry the focus to what happened.
    requestAnimationFrame(() => notice.current?.focus());
  }

  if (list.isPending) return <LoadingMessage>{formatMessage({ id: 'people.duplicates.loading' })}</LoadingMessage>;
  if (list.isError && !list.isFetchNextPageError) return <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <div ref={notice} tabIndex={-1} className="duplicate-outcome">
        {outcome?.kind === 'gone' ? (
          <ProblemMessage error={outcome.error} />
        ) : (
          <p role="status" className={outcome ? 'notice notice--success' : 'visually-hidden'}>
            {outcome?.kind === 'merged'
              ? formatMessage({ id: 'people.duplicates.merged' }, { kept: fullName(outcome.kept), merged: fullName(outcome.merged) })
              : outcome?.kind === 'dismissed'
                ? formatMessage({ id: 'people.duplicates.dismissed' }, { person: fullName(outcome.pair.person), other: fullName(outcome.pair.duplicateOf) })
                : null}
          </p>
        )}
      </div>
      <p className="result-count">
        {pairs.length === 0
          ? formatMessage({ id: 'people.duplicates.empty' })
          : formatMessage(list.hasNextPage ? { id: 'people.duplicates.count_more' } : { id: 'people.duplicates.count' }, { count: pairs.length })}
      </p>
      {pairs.length > 0 && (
        <ul className="duplicate-pairs" role="list">
          {pairs.map((pair, index) => (
            <DuplicatePair key={pair.id} pair={pair} headingRef={itemRef(index)} onDecided={(next) => onDecided(pair.id, next)} />
          ))}
        </ul>
      )}
      {list.isFetchNextPageError && <ProblemMessage error={list.error} />}
      {list.hasNextPage && (
        <LoadMoreButton
          loading={list.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void list.fetchNextPage();
          }}
        />
      )}
    </>
  );
}

interface DuplicatePairProps {
  pair: PersonDuplicateView;
  headingRef: (element: HTMLHeadingElement | null) => void;
  onDecided: (outcome: Outcome) => void;
}

function DuplicatePair({ pair, headingRef, onDecided }: DuplicatePairProps) {
  const { formatMessage, formatList } = useIntl();
  const headingId = useId();
  const merge = useMergeDuplicate();
  const dismiss = useDismissDuplicate();
  const [confirming, setConfirming] = useState(false);
  const busy = merge.isPending || dismiss.isPending;
  const failed = merge.error ?? dismiss.error;
  const onError = (error: unknown) => {
    if (isPairGone(error)) onDecided({ kind: 'gone', error });
  };

  return (
    <li className="duplicate-pair" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {formatMessage({ id: 'people.duplicates.pair_title' }, { person: fullName(pair.person), other: fullName(pair.duplicateOf) })}
      </h2>
      <p>
        {formatMessage(
          { id: 'people.duplicates.matched_on' },
          { keys: formatList(pair.matchedOn.map((key) => formatMessage(MATCH_MESSAGES[key])), { type: 'conjunction' }) },
        )}
      </p>
      <div className="duplicate-pair__people">
        <PersonRecord person={pair.person} role="later" matchedOn={pair.matchedOn} />
        <PersonRecord person={pair.duplicateOf} role="earlier" matchedOn={pair.matchedOn} />
      </div>
      {failed != null && !isPairGone(failed) ? <ProblemMessage error={failed} /> : null}
      {confirming ? (
        <MergeConfirmation
          pair={pair}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={(keepPersonId) =>
            merge.mutate(
              { id: pair.id, keepPersonId },
              {
                onSuccess: () => {
                  const kept = keepPersonId === pair.person.id ? pair.person : pair.duplicateOf;
                  onDecided({ kind: 'merged', kept, merged: kept === pair.person ? pair.duplicateOf : pair.person });
                },
                onError,
              },
            )
          }
        />
      ) : (
        <div className="inline-actions">
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && setConfirming(true)}>
            {formatMessage({ id: 'people.duplicates.merge' })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy || undefined}
            onClick={() => !busy && dismiss.mutate({ id: pair.id }, { onSuccess: () => onDecided({ kind: 'dismissed', pair }), onError })}
          >
            {formatMessage({ id: 'people.duplicates.dismiss' })}
          </button>
        </div>
      )}
    </li>
  );
}

/** One of the two records, as the desk sees it: what matched is marked, each case links to the case list. */
function PersonRecord({ person, role, matchedOn }: { person: DuplicatePersonView; role: 'later' | 'earlier'; matchedOn: DuplicateMatch[] }) {
  const { formatMessage, formatDate } = useIntl();
  const headingId = useId();
  const value = (text: string | null, key?: DuplicateMatch) =>
    text === null ? (
      <span className="muted">{formatMessage({ id: 'people.duplicates.not_given' })}</span>
    ) : (
      <>
        <span dir="ltr">{text}</span>
        {key && matchedOn.includes(key) && <strong className="duplicate-pair__match">{formatMessage({ id: 'people.duplicates.same' })}</strong>}
      </>
    );
  return (
    <section className="card duplicate-pair__person" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {formatMessage(role === 'later' ? { id: 'people.duplicates.later' } : { id: 'people.duplicates.earlier' })}
      </h3>
      <dl className="details-list">
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.name' })}</dt>
          <dd>{fullName(person)}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.phone' })}</dt>
          <dd>{value(person.phone, 'phone')}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.email' })}</dt>
          <dd>{value(person.email, 'email')}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.birth_date' })}</dt>
          <dd>{value(person.birthDate, 'birth_date')}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.recorded_on' })}</dt>
          <dd>{formatDate(person.createdAt, { dateStyle: 'medium' })}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'people.duplicates.cases' })}</dt>
          <dd>
            {person.caseReferences.length === 0 ? (
              <span className="muted">{formatMessage({ id: 'people.duplicates.no_case' })}</span>
            ) : (
              <ul className="inline-list">
                {person.caseReferences.map((reference) => (
                  <li key={reference}>
                    <Link to={`/cases?${new URLSearchParams({ q: reference, status: 'all' }).toString()}`} dir="ltr">
                      {reference}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

interface MergeConfirmationProps {
  pair: PersonDuplicateView;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (keepPersonId: string) => void;
}

/** The confirmation step: which record is kept, and what merging does (nothing is deleted). */
function MergeConfirmation({ pair, busy, onCancel, onConfirm }: MergeConfirmationProps) {
  const { formatMessage, formatDate } = useIntl();
  // The earlier record by default, as the server does.
  const [keep, setKeep] = useState(pair.duplicateOf.id);
  const kept = keep === pair.person.id ? pair.person : pair.duplicateOf;
  const moved = kept === pair.person ? pair.duplicateOf : pair.person;
  const form = useRef<HTMLFormElement>(null);
  // Opened from the "merge" button, which is gone now: the keyboard carries on at the choice.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const recorded = (person: DuplicatePersonView) => formatDate(person.createdAt, { dateStyle: 'medium' });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onConfirm(keep);
  }

  return (
    <form className="stacked-form duplicate-pair__confirm" noValidate onSubmit={submit} ref={form}>
      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'people.duplicates.keep' })}</legend>
        <div className="radio-group">
          {[pair.duplicateOf, pair.person].map((person) => (
            <label key={person.id} className="radio">
              <input type="radio" name={`keep-${pair.id}`} value={person.id} checked={keep === person.id} onChange={() => setKeep(person.id)} />
              {formatMessage(
                { id: 'people.duplicates.keep_option' },
                { name: fullName(person), date: recorded(person) },
              )}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="notice notice--warning">
        {formatMessage(
          { id: 'people.duplicates.merge_explained' },
          { kept: fullName(kept), keptDate: recorded(kept), merged: fullName(moved), mergedDate: recorded(moved) },
        )}
      </p>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {formatMessage(busy ? { id: 'people.duplicates.merging' } : { id: 'people.duplicates.confirm_merge' })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {formatMessage({ id: 'people.duplicates.cancel' })}
        </button>
      </div>
    </form>
  );
}
