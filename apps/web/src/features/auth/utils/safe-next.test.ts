import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeNext('/account?tab=tokens#two-factor')).toBe('/account?tab=tokens#two-factor');
  });

  it('sends anything else home, so sign-in cannot redirect to another site', () => {
    for (const next of [null, '', 'account', 'https://evil.test/', '//evil.test', '/\\evil.test']) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
