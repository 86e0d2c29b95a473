import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** Treats an empty variable as unset, so `FOO=` in a shell or a compose file means "default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * A tile server's URL template as Leaflet reads it: http(s), with `{z}`, `{x}` and `{y}` (and
 * optionally `{s}` subdomains, `{r}` retina suffix); the rest must make a valid URL.
 */
const TileUrlTemplate = z.string().refine(
  (template) => {
    if (!/^https?:\/\//i.test(template) || !['{z}', '{x}', '{y}'].every((part) => template.includes(part))) return false;
    const sample = template.replaceAll('{s}', 'a').replaceAll('{r}', '').replaceAll(/\{(z|x|y)\}/g, '0');
    if (/[{}\s]/.test(sample)) return false;
    return URL.canParse(sample);
  },
  'must be an http:// or https:// URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png',
);

const EnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string().min(1)),
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
  ),
  DATA_DIR: optional(z.string().min(1)),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  ENCRYPTION_KEY: optional(
    z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes encoded in base64 (44 characters)'),
  ),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  MAIL_FROM: optional(
    z.string().regex(/^([^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'must be an address, or "Name <address>"'),
  ),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  LOG_PRETTY: optional(booleanFlag),
  SEED_DEMO: optional(booleanFlag),
  BODY_LIMIT_BYTES: optional(z.coerce.number().int().min(1024)),
  DOCUMENT_MAX_BYTES: optional(z.coerce.number().int().min(1024)),
  WEB_DIST_DIR: optional(z.string().min(1)),
  INTAKE_RATE_LIMIT_PER_HOUR: optional(z.coerce.number().int().min(1)),
  CASE_REMINDERS_EVERY_MINUTES: optional(z.coerce.number().int().min(0).max(1440)),
  DIRECTORY_STALE_NOTICE_EVERY_MINUTES: optional(z.coerce.number().int().min(0).max(10080)),
  MAP_TILE_URL: optional(TileUrlTemplate),
  MAP_TILE_ATTRIBUTION: optional(z.string().trim().min(1).max(300)),
  REMITTANCE_ALERTS_EVERY_MINUTES: optional(z.coerce.number().int().min(0).max(10080)),
});

export type Config = Readonly<{
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  /** Demo values are generated when unset; production must set both (documented in the README). */
  sessionSecret: string | undefined;
  encryptionKey: string | undefined;
  smtpUrl: string | undefined;
  /** The From of every e-mail: `Name <address>` or a bare address. */
  mailFrom: string;
  publicUrl: string;
  logLevel: string;
  logPretty: boolean;
  seedDemo: boolean;
  bodyLimitBytes: number;
  /** The largest case document (PDF or image) accepted, in bytes. */
  documentMaxBytes: number;
  webDistDir: string | undefined;
  /** Public intake submissions accepted per client address per hour. */
  intakeRateLimitPerHour: number;
  /** How often the server e-mails reminders of tasks due; 0 turns the in-process job off. */
  caseRemindersEveryMinutes: number;
  /** How often the server e-mails reviewers the directory services gone stale; 0 (the default) turns the in-process job off. */
  directoryStaleNoticeEveryMinutes: number;
  /** The tile server the directory's maps draw, as a URL template; null keeps the offline Natural Earth base layer. */
  mapTileUrl: string | null;
  /** The tile server's credit, shown in the map's corner (plain text; tile servers require one). */
  mapTileAttribution: string | null;
  /** How often the server re-checks followed remittance corridors and alerts followers whose cheapest option changed (a price past 180 days drops); 0 turns it off. */
  remittanceAlertsEveryMinutes: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The only place that reads the environment: parse once, fail listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  const port = vars.PORT ?? 3000;
  const dataDir = vars.DATA_DIR ?? path.resolve('data');
  return Object.freeze({
    port,
    host: vars.HOST ?? '0.0.0.0',
    database: vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL }
      : { kind: 'pglite', dataDir: dataDir === 'memory://' ? dataDir : path.join(dataDir, 'pglite') },
    dataDir,
    sessionSecret: vars.SESSION_SECRET,
    encryptionKey: vars.ENCRYPTION_KEY,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM ?? 'Glocal <no-reply@glocal.invalid>',
    publicUrl: vars.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: vars.LOG_LEVEL ?? 'info',
    logPretty: vars.LOG_PRETTY ?? false,
    seedDemo: vars.SEED_DEMO ?? true,
    bodyLimitBytes: vars.BODY_LIMIT_BYTES ?? 1024 * 1024,
    documentMaxBytes: vars.DOCUMENT_MAX_BYTES ?? 10 * 1024 * 1024,
    webDistDir: vars.WEB_DIST_DIR,
    intakeRateLimitPerHour: vars.INTAKE_RATE_LIMIT_PER_HOUR ?? 20,
    caseRemindersEveryMinutes: vars.CASE_REMINDERS_EVERY_MINUTES ?? 60,
    directoryStaleNoticeEveryMinutes: vars.DIRECTORY_STALE_NOTICE_EVERY_MINUTES ?? 1440,
    mapTileUrl: vars.MAP_TILE_URL ?? null,
    mapTileAttribution: vars.MAP_TILE_ATTRIBUTION ?? null,
    remittanceAlertsEveryMinutes: vars.REMITTANCE_ALERTS_EVERY_MINUTES ?? 1440,
  } satisfies Config);
}
