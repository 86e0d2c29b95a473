import { useIntl } from 'react-intl';
import { useCaseServiceReferrals } from '../api/case-referrals';
import { OUTCOME_MESSAGES } from './directory-messages';

/**
 * A case's service referrals as entries of its history: when the case was referred to each service,
 * and when whether the person got it was recorded.
 */
export function useServiceReferralHistory(caseId: string, enabled: boolean): { key: string; at: string; text: string }[] {
  const { formatMessage, formatDate } = useIntl();
  const referrals = useCaseServiceReferrals(caseId, enabled);
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (referrals.data?.items ?? []).flatMap((referral) => {
    const service = formatMessage({ id: 'directory.case_referrals.choice' }, { service: referral.serviceName, organisation: referral.organizationName });
    const referred = { key: `${referral.id}:referred`, at: referral.referredAt, text: formatMessage({ id: 'directory.case_referrals.history.referred' }, { service, when: when(referral.referredAt) }) };
    if (referral.outcome === 'pending' || !referral.outcomeAt) return [referred];
    const outcome = formatMessage(OUTCOME_MESSAGES[referral.outcome]);
    return [
      referred,
      { key: `${referral.id}:outcome`, at: referral.outcomeAt, text: formatMessage({ id: 'directory.case_referrals.history.outcome' }, { service: referral.serviceName, outcome, when: when(referral.outcomeAt) }) },
    ];
  });
}
