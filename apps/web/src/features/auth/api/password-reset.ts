import type { PasswordResetConfirmBody, PasswordResetRequestBody } from '@glocal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** Always answered 202: whether an account has this address is not told. */
export function useRequestPasswordReset() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: PasswordResetRequestBody) => apiSend('POST', '/api/v1/auth/password-reset', { locale, body }),
  });
}

/** Sets the new password with the e-mailed token; the server signs the account out everywhere. */
export function useConfirmPasswordReset() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: PasswordResetConfirmBody) => apiSend('POST', '/api/v1/auth/password-reset/confirm', { locale, body }),
  });
}
