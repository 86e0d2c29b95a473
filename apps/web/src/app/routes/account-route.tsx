import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { AccountProfile } from '../../features/auth/components/account-profile';
import { ApiTokensSettings } from '../../features/auth/components/api-tokens-settings';
import { InterfaceLanguage } from '../../features/auth/components/interface-language';
import { SignOutEverywhere } from '../../features/auth/components/sign-out-everywhere';
import { TWO_FACTOR_SECTION_ID, TwoFactorSettings } from '../../features/auth/components/two-factor-settings';
import { useSession } from '../../lib/session';

/** The signed-in person's own account (behind RequireSignIn in the router). */
export function AccountRoute() {
  const { formatMessage } = useIntl();
  const { me, can } = useSession();
  const { hash } = useLocation();

  // Sent here to set up two-step sign-in (`/account#two-factor`): go straight to that section.
  useEffect(() => {
    if (hash !== `#${TWO_FACTOR_SECTION_ID}`) return;
    // Focusing scrolls the section into view too.
    document.getElementById(TWO_FACTOR_SECTION_ID)?.focus();
  }, [hash]);

  if (!me) return null;
  return (
    <>
      <PageHeading>{formatMessage({ id: 'account.title' })}</PageHeading>
      <AccountProfile me={me} />
      <TwoFactorSettings me={me} />
      <InterfaceLanguage accountLocale={me.locale} />
      <SignOutEverywhere />
      {can('api_tokens:manage') && <ApiTokensSettings me={me} />}
    </>
  );
}
