import { MeView, type RegistrationBody, type RegistrationConfirmBody } from '@glocal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** Always answered 202 "check your e-mail", whether or not the address already has an account. */
export function useRegister() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: RegistrationBody) => apiSend('POST', '/api/v1/auth/register', { locale, body }),
  });
}

/** Opening the e-mailed link creates the account and signs it in. */
export function useConfirmRegistration() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: RegistrationConfirmBody) =>
      apiSend('POST', '/api/v1/auth/register/confirm', { locale, body, schema: MeView }),
  });
}
