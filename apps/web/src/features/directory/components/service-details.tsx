import '../directory.css';
import type { ServiceDetailView } from '@glocal/contracts';
import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useService } from '../api/directory';
import { TARGET_GROUP_MESSAGES, weekdayNames } from '../utils/directory-messages';
import { ServiceReview } from './service-review';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="service-page__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** One service, laid out for a phone: what, for whom, how to apply, documents, hours, languages, cost, where, contact, last verified. */
export function ServiceDetails({ serviceId }: { serviceId: string }) {
  const { formatMessage } = useIntl();
  const service = useService(serviceId);
  if (service.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.service.loading' })}</LoadingMessage>;
  if (service.isError) return <ProblemMessage error={service.error} onRetry={() => void service.refetch()} />;
  return <ServiceBody service={service.data} />;
}

function ServiceBody({ service }: { service: ServiceDetailView }) {
  const { formatMessage, formatNumber, formatDate, locale } = useIntl();
  const languageNames = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }), [locale]);
  const money = (amount: string, currency: string | null) =>
    currency ? formatNumber(Number(amount), { style: 'currency', currency, maximumFractionDigits: 2 }) : amount;
  const { profile } = service;
  const languages = [...new Set([...service.languages.flatMap((language) => (language.code ? [language.code] : [])), ...profile.staffLanguages])];
  const forWhom = [
    ...(profile.diasporaEligible ? [formatMessage({ id: 'directory.service.diaspora_eligible' })] : []),
    ...(profile.returneeEligible ? [formatMessage({ id: 'directory.service.returnee_eligible' })] : []),
    ...profile.targetGroups.map((group) => formatMessage(TARGET_GROUP_MESSAGES[group])),
  ];
  const id = (name: string) => `service-${name}`;

  return (
    <article className="service-page">
      <PageHeading>{service.name}</PageHeading>
      <p className="lead">{service.organizationName}</p>
      {service.alert && <p className="notice notice--warning" role="note">{service.alert}</p>}
      <p className={service.stale ? 'notice notice--warning' : 'service-page__verified'}>
        {service.lastVerified
          ? formatMessage(service.stale ? { id: 'directory.service.stale' } : { id: 'directory.service.verified' }, { date: formatDate(new Date(`${service.lastVerified}T12:00:00Z`), { dateStyle: 'long' }) })
          : formatMessage({ id: 'directory.service.never_verified' })}
      </p>
      {service.terms.length > 0 && (
        <ul className="tag-list" aria-label={formatMessage({ id: 'directory.results.terms' })}>
          {service.terms.map((term) => (
            <li key={term.id} className="tag">
              {term.name}
            </li>
          ))}
        </ul>
      )}

      <Section id={id('what')} title={formatMessage({ id: 'directory.service.what' })}>
        <p>{service.description ?? formatMessage({ id: 'directory.service.none' })}</p>
      </Section>

      <Section id={id('who')} title={formatMessage({ id: 'directory.service.who' })}>
        {service.eligibility && <p>{service.eligibility}</p>}
        {forWhom.length > 0 && (
          <ul>
            {forWhom.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {!service.eligibility && forWhom.length === 0 && <p>{formatMessage({ id: 'directory.service.everyone' })}</p>}
      </Section>

      {(profile.loanMin || profile.loanMax) && (
        <Section id={id('loan')} title={formatMessage({ id: 'directory.service.loan' })}>
          <dl className="definition-list">
            <dt>{formatMessage({ id: 'directory.service.loan_range' })}</dt>
            <dd>{formatMessage({ id: 'directory.service.range' }, { min: money(profile.loanMin ?? '0', profile.loanCurrency), max: money(profile.loanMax ?? profile.loanMin ?? '0', profile.loanCurrency) })}</dd>
            {(profile.interestMin || profile.interestMax) && (
              <>
                <dt>{formatMessage({ id: 'directory.service.interest' })}</dt>
                <dd>
                  {formatMessage(
                    { id: 'directory.service.range' },
                    { min: formatNumber(Number(profile.interestMin ?? profile.interestMax) / 100, { style: 'percent', maximumFractionDigits: 2 }), max: formatNumber(Number(profile.interestMax ?? profile.interestMin) / 100, { style: 'percent', maximumFractionDigits: 2 }) },
                  )}
                </dd>
              </>
            )}
            {profile.collateralRequired !== null && (
              <>
                <dt>{formatMessage({ id: 'directory.service.collateral' })}</dt>
                <dd>{formatMessage(profile.collateralRequired ? { id: 'directory.service.collateral_yes' } : { id: 'directory.service.collateral_no' })}</dd>
              </>
            )}
          </dl>
        </Section>
      )}

      <Section id={id('apply')} title={formatMessage({ id: 'directory.service.apply' })}>
        <p>{service.applicationProcess ?? formatMessage({ id: 'directory.service.contact_them' })}</p>
      </Section>

      <Section id={id('documents')} title={formatMessage({ id: 'directory.service.documents' })}>
        {service.requiredDocuments.length > 0 ? (
          <ul>
            {service.requiredDocuments.map((document) => (
              <li key={document.id}>{document.document}</li>
            ))}
          </ul>
        ) : (
          <p>{formatMessage({ id: 'directory.service.no_documents' })}</p>
        )}
      </Section>

      <Section id={id('hours')} title={formatMessage({ id: 'directory.service.hours' })}>
        {service.schedules.length > 0 ? (
          <ul>
            {service.schedules.map((schedule, index) => (
              <li key={index}>
                {schedule.byday ? `${weekdayNames(schedule.byday, locale)} ` : ''}
                {schedule.opensAt && schedule.closesAt ? formatMessage({ id: 'directory.service.hours_range' }, { opens: schedule.opensAt, closes: schedule.closesAt }) : ''}
                {schedule.description ? ` ${schedule.description}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{formatMessage({ id: 'directory.service.contact_them' })}</p>
        )}
      </Section>

      <Section id={id('languages')} title={formatMessage({ id: 'directory.service.languages' })}>
        <p>{languages.length > 0 ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(languages.map((code) => languageNames.of(code) ?? code)) : formatMessage({ id: 'directory.service.none' })}</p>
      </Section>

      <Section id={id('cost')} title={formatMessage({ id: 'directory.service.cost' })}>
        {service.costs.length > 0 ? (
          <ul>
            {service.costs.map((cost) => (
              <li key={cost.id}>
                {cost.amount !== null && Number(cost.amount) === 0
                  ? formatMessage({ id: 'directory.service.free' })
                  : `${cost.amount !== null ? money(cost.amount, cost.currency) : ''}${cost.option ? ` · ${cost.option}` : ''}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{service.feesDescription ?? formatMessage({ id: 'directory.service.contact_them' })}</p>
        )}
      </Section>

      <Section id={id('where')} title={formatMessage({ id: 'directory.service.where' })}>
        {service.locations.length > 0 ? (
          <ul>
            {service.locations.map((location) => (
              <li key={location.id}>
                {location.name && <strong>{location.name}</strong>} {location.address}
                {location.transportation && <span> · {location.transportation}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{formatMessage({ id: 'directory.service.none' })}</p>
        )}
      </Section>

      <Section id={id('contact')} title={formatMessage({ id: 'directory.service.contact' })}>
        {service.contacts.length > 0 ? (
          <ul className="link-list">
            {service.contacts.map((contact) => (
              <li key={`${contact.kind}:${contact.value}`}>
                <a href={contact.kind === 'phone' ? `tel:${contact.value.replace(/\s/g, '')}` : contact.kind === 'email' ? `mailto:${contact.value}` : contact.value} rel={contact.kind === 'website' ? 'noopener noreferrer' : undefined}>
                  {contact.value}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{formatMessage({ id: 'directory.service.none' })}</p>
        )}
      </Section>
      <ServiceReview serviceId={service.id} canEdit={service.canEdit} />
    </article>
  );
}
