import { useCallback, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';

/**
 * After "load more", moves focus to the first entry that arrived, so keyboard and screen-reader
 * users carry on from there instead of starting over. `itemRef(index)` goes on each entry's link
 * or row; call `beforeLoad()` just before asking for the next page.
 */
export function useLoadMoreFocus<T extends HTMLElement>(count: number) {
  const elements = useRef<(T | null)[]>([]);
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    if (focusIndex.current === null || count <= focusIndex.current) return;
    elements.current[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [count]);

  const itemRef = useCallback(
    (index: number) => (element: T | null) => {
      elements.current[index] = element;
    },
    [],
  );
  const beforeLoad = useCallback(() => {
    focusIndex.current = count;
  }, [count]);
  return { itemRef, beforeLoad };
}

interface LoadMoreButtonProps {
  loading: boolean;
  onLoadMore: () => void;
}

/** Stays enabled (and focused) while the next page loads: a disabled button would drop the focus. */
export function LoadMoreButton({ loading, onLoadMore }: LoadMoreButtonProps) {
  const { formatMessage } = useIntl();
  return (
    <button
      type="button"
      className="button button--secondary load-more"
      aria-disabled={loading}
      onClick={() => {
        if (!loading) onLoadMore();
      }}
    >
      {formatMessage(loading ? { id: 'list.loading_more' } : { id: 'list.load_more' })}
    </button>
  );
}
