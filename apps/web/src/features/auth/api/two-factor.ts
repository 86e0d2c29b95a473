import { MfaRecoveryCodesView, MfaSetupView, type MfaConfirmBody, type MfaDisableBody } from '@glocal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** A new secret for the authenticator app; two-factor sign-in is on only once a code confirms it. */
export function useStartTwoFactorSetup() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/v1/auth/mfa/setup', { locale, schema: MfaSetupView }),
  });
}

/** Turns two-factor sign-in on; answers the recovery codes, shown this once. */
export function useConfirmTwoFactor() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: MfaConfirmBody) =>
      apiSend('POST', '/api/v1/auth/mfa/confirm', { locale, body, schema: MfaRecoveryCodesView }),
  });
}

export function useDisableTwoFactor() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: MfaDisableBody) => apiSend('POST', '/api/v1/auth/mfa/disable', { locale, body }),
  });
}
