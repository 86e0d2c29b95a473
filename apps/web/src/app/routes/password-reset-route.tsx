import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { PasswordResetConfirmForm, PasswordResetRequestForm } from '../../features/auth/components/password-reset-forms';

/** `/password-reset` asks for a link by e-mail; the link, `/password-reset?token=…`, sets the new password. */
export function PasswordResetRoute() {
  const { formatMessage } = useIntl();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <>
      <PageHeading>
        {formatMessage(token ? { id: 'auth.password_reset.confirm_title' } : { id: 'auth.password_reset.request_title' })}
      </PageHeading>
      {token ? <PasswordResetConfirmForm token={token} /> : <PasswordResetRequestForm />}
    </>
  );
}
