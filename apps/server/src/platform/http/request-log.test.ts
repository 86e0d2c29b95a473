import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './request-log.js';

describe('request log', () => {
  it('masks e-mailed tokens in logged URLs and keeps the rest', () => {
    expect(withoutSecrets('/invitations/accept?token=abc_DEF-123')).toBe('/invitations/accept?token=[redacted]');
    expect(withoutSecrets('/api/v1/invitations/lookup?lang=fr&token=abc#x')).toBe('/api/v1/invitations/lookup?lang=fr&token=[redacted]#x');
    expect(withoutSecrets('/api/v1/territories?level=country')).toBe('/api/v1/territories?level=country');
  });
});
