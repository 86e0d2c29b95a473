import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { createMailer, type OutgoingMail } from './mailer.js';

/** A logger whose lines the test can read. */
function recordingLogger(level: 'info' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { log: pino({ level }, stream), lines };
}

const mail = (to: string, text = 'Open http://glocal.test/password-reset?token=SECRET'): OutgoingMail => ({
  to,
  subject: 'Réinitialisez votre mot de passe – إعادة تعيين',
  text,
  locale: 'fr',
});

describe('mailer over SMTP', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(() => smtp.close());

  it('hands the e-mail to the SMTP server, with our From, the subject intact and its language', async () => {
    const { log } = recordingLogger('info');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Glocal Test <no-reply@glocal.test>', log });
    expect(await mailer.send(mail('awa@example.org', 'Bonjour,\n\nUn lien : http://glocal.test/x?token=abc'))).toBe('sent');
    await mailer.close();
    const received = await smtp.waitFor((m) => m.to.includes('awa@example.org'));
    expect(received.from).toBe('no-reply@glocal.test');
    expect(received.headers.from).toBe('Glocal Test <no-reply@glocal.test>');
    expect(received.subject).toBe('Réinitialisez votre mot de passe – إعادة تعيين');
    expect(received.headers['content-language']).toBe('fr');
    expect(received.text).toBe('Bonjour,\n\nUn lien : http://glocal.test/x?token=abc');
  });

  it('when the server refuses the recipient, answers failed and logs it, without throwing', async () => {
    const { log, lines } = recordingLogger('info');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'no-reply@glocal.test', log });
    smtp.reject('gone@example.org');
    expect(await mailer.send(mail('gone@example.org'))).toBe('failed');
    await mailer.close();
    expect(lines.find((line) => line.msg === 'e-mail could not be sent')).toMatchObject({ level: 50, mail: { to: 'gone@example.org' } });
  });

  it('when no SMTP server listens, answers failed', async () => {
    const { log } = recordingLogger('info');
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'no-reply@glocal.test', log });
    expect(await mailer.send(mail('awa@example.org'))).toBe('failed');
    await mailer.close();
  });

  it('close waits for e-mails sent in the background', async () => {
    const { log } = recordingLogger('info');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'no-reply@glocal.test', log });
    mailer.sendInBackground(mail('later@example.org'));
    await mailer.close();
    expect(smtp.messages.some((m) => m.to.includes('later@example.org'))).toBe(true);
  });
});

describe('mailer without SMTP_URL (demo)', () => {
  it('logs who the e-mail was for at info, and its text (the secret link) at debug only', async () => {
    const atInfo = recordingLogger('info');
    expect(await createMailer({ smtpUrl: undefined, from: 'no-reply@glocal.test', log: atInfo.log }).send(mail('awa@example.org'))).toBe('logged');
    expect(atInfo.lines).toHaveLength(1);
    expect(atInfo.lines[0]).toMatchObject({ level: 30, mail: { to: 'awa@example.org' } });
    expect(JSON.stringify(atInfo.lines)).not.toContain('SECRET');

    const atDebug = recordingLogger('debug');
    await createMailer({ smtpUrl: undefined, from: 'no-reply@glocal.test', log: atDebug.log }).send(mail('awa@example.org'));
    expect(atDebug.lines.find((line) => line.level === 20)).toMatchObject({ mail: { text: expect.stringContaining('token=SECRET') } });
  });
});

describe('MAIL_FROM', () => {
  it('defaults to a no-reply address on a reserved domain, and accepts "Name <address>" or an address', () => {
    expect(loadConfig({}).mailFrom).toBe('Glocal <no-reply@glocal.invalid>');
    expect(loadConfig({ MAIL_FROM: 'CAIM Diourbel <caim@example.sn>' }).mailFrom).toBe('CAIM Diourbel <caim@example.sn>');
    expect(loadConfig({ MAIL_FROM: 'caim@example.sn' }).mailFrom).toBe('caim@example.sn');
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
  });
});
