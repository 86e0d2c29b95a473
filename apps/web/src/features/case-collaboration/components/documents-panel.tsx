import { DOCUMENT_KINDS, type DocumentKind } from '@glocal/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { ApiProblem } from '../../../lib/api-problem';
import { useDocuments, useUploadDocument, type DocumentsBase } from '../api/collaboration';
import { DOCUMENT_KIND_MESSAGES } from '../utils/collaboration-messages';
import { PanelFrame } from './panel-frame';

interface DocumentsPanelProps {
  /** `/api/v1/cases/<id>` for staff, `/api/v1/me/requests/<id>` for the person. */
  base: DocumentsBase;
  canUpload: boolean;
  /** The kinds offered when uploading (the person sends fewer kinds than a coach). */
  kinds?: readonly DocumentKind[];
  embedded?: boolean;
  /** Called after each upload: a business or financing plan is linked to the project at once. */
  onUploaded?: () => void;
}

/** The case's documents: upload (with progress, the error next to the file field), list, download. */
export function DocumentsPanel({ base, canUpload, kinds = DOCUMENT_KINDS, embedded = false, onUploaded }: DocumentsPanelProps) {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const documents = useDocuments(base);
  const upload = useUploadDocument(base);
  const [kind, setKind] = useState<DocumentKind>(kinds[0] ?? 'other');
  const [progress, setProgress] = useState<number | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [done, setDone] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const fileError = missingFile ? 'document.file_missing' : upload.error instanceof ApiProblem ? upload.error.code : upload.error ? 'internal_error' : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      upload.reset();
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    setMissingFile(false);
    setProgress(0);
    upload.mutate(
      { file, kind, onProgress: setProgress },
      {
        onSuccess: () => {
          setDone(true);
          onUploaded?.();
          if (fileInput.current) fileInput.current.value = '';
        },
        onError: () => fileInput.current?.focus(),
        onSettled: () => setProgress(null),
      },
    );
  }

  return (
    <PanelFrame title={formatMessage({ id: 'case_collaboration.documents.title' })} embedded={embedded}>
      {canUpload && (
        <form className="stacked-form" noValidate onSubmit={submit}>
          <div className="form-row">
            <div className="form-field">
              <label htmlFor={`${id}-kind`}>{formatMessage({ id: 'case_collaboration.documents.kind' })}</label>
              <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
                {kinds.map((option) => (
                  <option key={option} value={option}>
                    {formatMessage(DOCUMENT_KIND_MESSAGES[option])}
                  </option>
                ))}
              </select>
            </div>
            <div className={fileError ? 'form-field form-field--invalid' : 'form-field'}>
              <label htmlFor={`${id}-file`}>{formatMessage({ id: 'case_collaboration.documents.file' })}</label>
              <p id={`${id}-hint`} className="form-field__hint">
                {formatMessage({ id: 'case_collaboration.documents.hint' })}
              </p>
              <input
                ref={fileInput}
                id={`${id}-file`}
                type="file"
                accept="application/pdf,image/png,image/jpeg,image/webp"
                aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
                aria-invalid={fileError ? true : undefined}
              />
              {fileError && (
                <p id={`${id}-error`} className="field-error">
                  {formatMessage({ id: `errors.${fileError}` })}
                </p>
              )}
            </div>
          </div>
          {progress !== null && (
            <progress max={1} value={progress} aria-label={formatMessage({ id: 'case_collaboration.documents.progress' })}>
              {formatNumber(progress, { style: 'percent' })}
            </progress>
          )}
          {done && (
            <p className="notice notice--success" role="status">
              {formatMessage({ id: 'case_collaboration.documents.uploaded' })}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button" disabled={upload.isPending}>
              {formatMessage({ id: 'case_collaboration.documents.upload' })}
            </button>
          </div>
        </form>
      )}
      {documents.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : documents.isError ? (
        <ProblemMessage error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.items.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'case_collaboration.documents.none' })}</p>
      ) : (
        <ul className="result-list">
          {documents.data.items.map((document) => (
            <li key={document.id} className="result-list__item">
              <a className="result-list__title" href={`${base}/documents/${document.id}/content`} download={document.fileName}>
                {document.fileName}
              </a>
              <p className="result-list__details">
                {formatMessage(
                  { id: 'case_collaboration.documents.details' },
                  {
                    kind: formatMessage(DOCUMENT_KIND_MESSAGES[document.kind]),
                    size: formatNumber(document.sizeBytes / 1024, { maximumFractionDigits: 0 }),
                    date: formatDate(document.createdAt, { dateStyle: 'medium' }),
                    by: formatMessage(document.uploadedByPerson ? { id: 'case_collaboration.documents.by_person' } : { id: 'case_collaboration.documents.by_staff' }),
                  },
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </PanelFrame>
  );
}
