import { LoginResponse, MeView, type LoginBody, type LoginMfaBody } from '@glocal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** First step: e-mail and password. Answers the person, or the challenge of the second step. */
export function useSignIn() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: LoginBody) => apiSend('POST', '/api/v1/auth/login', { locale, body, schema: LoginResponse }),
  });
}

/** Second step: a code from the authenticator app (or a recovery code) for the challenge. */
export function useCompleteSignIn() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: LoginMfaBody) => apiSend('POST', '/api/v1/auth/login/mfa', { locale, body, schema: MeView }),
  });
}
