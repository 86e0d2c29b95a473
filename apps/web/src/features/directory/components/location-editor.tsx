import '../directory.css';
import { LocationCreateBody, LocationUpdateBody, type Locale, type LocationView, type ProblemFieldError, type ServiceDetailView } from '@glocal/contracts';
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { textDirection } from '../../../lib/i18n';
import { useRemoveLocation, useSaveLocation } from '../api/directory';

const LocationMapPicker = lazy(async () => ({ default: (await import('./location-map-picker')).LocationMapPicker }));

/** What a place's form holds, as typed. */
export interface LocationDraft {
  name: string;
  address1: string;
  address2: string;
  postalCode: string;
  city: string;
  stateProvince: string;
  country: string;
  latitude: string;
  longitude: string;
}

const ADDRESS_FIELDS = ['address1', 'address2', 'postalCode', 'city', 'stateProvince', 'country'] as const;

export function locationDraftOf(location: LocationView | null): LocationDraft {
  const address = location?.postalAddress;
  return {
    name: location?.name ?? '',
    address1: address?.address1 ?? '',
    address2: address?.address2 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    stateProvince: address?.stateProvince ?? '',
    country: address?.country ?? '',
    latitude: location?.latitude?.toString() ?? '',
    longitude: location?.longitude?.toString() ?? '',
  };
}

const orNull = (typed: string) => (typed.trim() === '' ? null : typed.trim());
/** A coordinate as typed: empty is none; a decimal comma is read as a point; anything else is not a number (NaN, refused by the schema). */
const coordinate = (typed: string) => (typed.trim() === '' ? null : /^[+-]?\d+([.,]\d+)?$/.test(typed.trim()) ? Number(typed.trim().replace(',', '.')) : Number.NaN);

type Checked = { ok: true; body: LocationCreateBody } | { ok: false; errors: Map<string, ProblemFieldError> };

/**
 * A new place (`original` null) or the changes to one, in the API's shape, checked with the
 * contract's schema (coordinates in range, both or neither; street, city and country together).
 * `null`: nothing changed.
 */
export function locationBody(original: LocationView | null, draft: LocationDraft, locale: Locale): Checked | null {
  const body: Record<string, unknown> = { locale };
  const name = orNull(draft.name);
  if (name !== (original?.name ?? null)) body.name = name;
  const before = locationDraftOf(original);
  if (ADDRESS_FIELDS.some((field) => draft[field].trim() !== before[field].trim())) {
    const typed = ADDRESS_FIELDS.some((field) => draft[field].trim() !== '');
    if (typed || original?.postalAddress) {
      body.address = typed
        ? { address1: draft.address1, address2: orNull(draft.address2), city: draft.city, stateProvince: draft.stateProvince, postalCode: draft.postalCode, country: draft.country }
        : null;
    }
  }
  const latitude = coordinate(draft.latitude);
  const longitude = coordinate(draft.longitude);
  if (!Object.is(latitude, original?.latitude ?? null) || !Object.is(longitude, original?.longitude ?? null)) {
    body.latitude = latitude;
    body.longitude = longitude;
  }
  if (Object.keys(body).length === 1) return null;
  const parsed = (original ? LocationUpdateBody : LocationCreateBody).safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

interface LocationsEditorProps {
  service: ServiceDetailView;
  /** The language the places' names are written in (the edit page's). */
  textLocale: Locale;
}

/** Where a service is offered: each place's address and point, and a new place. */
export function LocationsEditor({ service, textLocale }: LocationsEditorProps) {
  const { formatMessage } = useIntl();
  const [adding, setAdding] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);
  const headingId = useId();
  return (
    <section className="service-locations" aria-labelledby={headingId}>
      <h2 id={headingId}>{formatMessage({ id: 'directory.locations.title' })}</h2>
      <p className="form-field__hint">{formatMessage({ id: 'directory.locations.hint' })}</p>
      <div aria-live="polite">
        {removed !== null && (
          <p className="notice notice--success" role="status">
            {formatMessage({ id: 'directory.locations.removed' }, { name: removed })}
          </p>
        )}
      </div>
      {service.locations.length === 0 && !adding && <p>{formatMessage({ id: 'directory.locations.none' })}</p>}
      {service.locations.map((location) => (
        <LocationForm key={`${location.id}-${textLocale}`} serviceId={service.id} location={location} textLocale={textLocale} onRemoved={setRemoved} />
      ))}
      {adding ? (
        <LocationForm key={`new-${textLocale}`} serviceId={service.id} location={null} textLocale={textLocale} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          {formatMessage({ id: 'directory.locations.add' })}
        </button>
      )}
    </section>
  );
}

interface LocationFormProps {
  serviceId: string;
  /** The place to change, or null for a new one. */
  location: LocationView | null;
  textLocale: Locale;
  /** A new place was added, or its form cancelled. */
  onDone?: () => void;
  /** The place was removed (its name, as shown). */
  onRemoved?: (name: string) => void;
}

function LocationForm({ serviceId, location, textLocale, onDone, onRemoved }: LocationFormProps) {
  const { formatMessage } = useIntl();
  const [original, setOriginal] = useState(location);
  const [draft, setDraft] = useState<LocationDraft>(() => locationDraftOf(location));
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const [picking, setPicking] = useState(false);
  const save = useSaveLocation(serviceId, original?.id ?? null);
  const remove = useRemoveLocation(original?.id ?? '');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const title = original ? (original.name ?? original.address ?? formatMessage({ id: 'directory.locations.unnamed' })) : formatMessage({ id: 'directory.locations.new' });
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(save.error);
  const set = (field: keyof LocationDraft, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const legendId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setOutcome(null);
    const checked = locationBody(original, draft, textLocale);
    if (checked === null) {
      save.reset();
      setClientErrors(new Map());
      setOutcome('unchanged');
      return;
    }
    if (!checked.ok) {
      save.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(new Map());
    save.mutate(checked.body, {
      onSuccess: (saved) => {
        if (!original) {
          onDone?.();
          return;
        }
        setOriginal(saved);
        setDraft(locationDraftOf(saved));
        setOutcome('saved');
      },
    });
  }

  const input = (field: keyof LocationDraft, label: string, options: { hint?: string; maxLength: number; autoComplete?: string; errorId?: string }) => (
    <FormField label={label} hint={options.hint} error={errors.get(options.errorId ?? `/address/${field}`)}>
      {(control) => <input {...control} maxLength={options.maxLength} autoComplete={options.autoComplete} value={draft[field]} onChange={(event) => set(field, event.target.value)} />}
    </FormField>
  );
  const longitudeError = errors.get('/longitude');
  const latitude = coordinate(draft.latitude);
  const longitude = coordinate(draft.longitude);
  const validPoint = (value: number | null, limit: number) => (value !== null && Number.isFinite(value) && Math.abs(value) <= limit ? value : null);

  return (
    <form className="stacked-form fieldset" noValidate onSubmit={onSubmit} aria-labelledby={legendId}>
      <h3 id={legendId}>{title}</h3>
      <FormProblem error={save.error ?? remove.error} fieldErrorCount={errors.size} />
      {outcome && (
        <p className="notice notice--success" role="status">
          {formatMessage(outcome === 'saved' ? { id: 'directory.locations.saved' } : { id: 'directory.locations.unchanged' })}
        </p>
      )}
      <FormField label={formatMessage({ id: 'directory.locations.name' })} error={errors.get('/name')}>
        {(control) => <input {...control} lang={textLocale} dir={textDirection(textLocale)} maxLength={200} value={draft.name} onChange={(event) => set('name', event.target.value)} />}
      </FormField>
      <fieldset className="fieldset fieldset--nested">
        <legend>{formatMessage({ id: 'directory.locations.address' })}</legend>
        <p className="form-field__hint">{formatMessage({ id: 'directory.locations.address_hint' })}</p>
        {input('address1', formatMessage({ id: 'directory.locations.address1' }), { maxLength: 200, autoComplete: 'address-line1' })}
        {input('address2', formatMessage({ id: 'directory.locations.address2' }), { maxLength: 200, autoComplete: 'address-line2' })}
        {input('postalCode', formatMessage({ id: 'directory.locations.postal_code' }), { maxLength: 20, autoComplete: 'postal-code' })}
        {input('city', formatMessage({ id: 'directory.locations.city' }), { maxLength: 100, autoComplete: 'address-level2' })}
        {input('stateProvince', formatMessage({ id: 'directory.locations.state_province' }), { maxLength: 100, autoComplete: 'address-level1' })}
        {input('country', formatMessage({ id: 'directory.locations.country' }), { maxLength: 2, autoComplete: 'country', hint: formatMessage({ id: 'directory.locations.country_hint' }) })}
      </fieldset>
      <fieldset className="fieldset fieldset--nested">
        <legend>{formatMessage({ id: 'directory.locations.coordinates' })}</legend>
        <div className="service-locations__coordinates">
          <FormField
            label={formatMessage({ id: 'directory.locations.latitude' })}
            hint={formatMessage({ id: 'directory.locations.latitude_hint' })}
            error={errors.get('/latitude')}
            errorMessage={{ id: 'directory.locations.latitude_invalid' }}
          >
            {(control) => <input {...control} inputMode="decimal" dir="ltr" value={draft.latitude} onChange={(event) => set('latitude', event.target.value)} />}
          </FormField>
          <FormField
            label={formatMessage({ id: 'directory.locations.longitude' })}
            hint={formatMessage({ id: 'directory.locations.longitude_hint' })}
            error={longitudeError}
            errorMessage={longitudeError?.code === 'custom' ? { id: 'directory.locations.coordinates_incomplete' } : { id: 'directory.locations.longitude_invalid' }}
          >
            {(control) => <input {...control} inputMode="decimal" dir="ltr" value={draft.longitude} onChange={(event) => set('longitude', event.target.value)} />}
          </FormField>
        </div>
        <button type="button" className="button button--secondary" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {formatMessage(picking ? { id: 'directory.locations.pick_hide' } : { id: 'directory.locations.pick' })}
        </button>
        {picking && (
          <>
            <p className="form-field__hint">{formatMessage({ id: 'directory.locations.pick_hint' })}</p>
            <Suspense fallback={<LoadingMessage>{formatMessage({ id: 'directory.map.loading' })}</LoadingMessage>}>
              <LocationMapPicker
                latitude={validPoint(latitude, 90) !== null && validPoint(longitude, 180) !== null ? latitude : null}
                longitude={validPoint(latitude, 90) !== null && validPoint(longitude, 180) !== null ? longitude : null}
                onPick={(lat, lon) => setDraft((current) => ({ ...current, latitude: String(lat), longitude: String(lon) }))}
              />
            </Suspense>
          </>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={save.isPending}>
          {formatMessage(original ? { id: 'directory.locations.save' } : { id: 'directory.locations.create' })}
        </button>
        {!original && (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {formatMessage({ id: 'directory.locations.cancel' })}
          </button>
        )}
        {original &&
          (confirmRemove ? (
            <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => onRemoved?.(title) })}>
              {formatMessage({ id: 'directory.locations.remove_confirm' }, { name: title })}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmRemove(true)}>
              {formatMessage({ id: 'directory.locations.remove' })}
            </button>
          ))}
      </div>
    </form>
  );
}
