import type { Locale, MailDelivery } from '@glocal/contracts';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

/** An e-mail we write: plain text, already translated into the recipient's language. */
export type OutgoingMail = { to: string; subject: string; text: string; locale: Locale };

export type Mailer = {
  /**
   * Sends one e-mail and says how it went; never throws. Call it after the transaction that
   * decided to send has committed (never await SMTP inside one): a failure is logged and leaves
   * that change in place (an invitation can be sent again).
   */
  send(mail: OutgoingMail): Promise<MailDelivery>;
  /**
   * Sends without making the caller wait, for answers that must not reveal, by their timing,
   * whether an e-mail went out (password reset, registration). `close` waits for these.
   */
  sendInBackground(mail: OutgoingMail): void;
  /** Waits for e-mails still being sent, then closes the SMTP connection. */
  close(): Promise<void>;
};

/**
 * E-mail over SMTP (`SMTP_URL`, nodemailer). Without SMTP_URL (the demo), nothing leaves the
 * machine: each e-mail is logged instead, its recipient and subject at `info` and its whole text
 * (links included, which are secrets) at `debug` only: set LOG_LEVEL=debug to follow a link.
 */
export function createMailer({ smtpUrl, from, log }: { smtpUrl: string | undefined; from: string; log: FastifyBaseLogger }): Mailer {
  const transport = smtpUrl
    ? nodemailer.createTransport(
        // Bounded waits: a request that sends an e-mail must not hang on a dead SMTP server.
        { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
        { from },
      )
    : undefined;
  const inFlight = new Set<Promise<MailDelivery>>();

  async function deliver(mail: OutgoingMail): Promise<MailDelivery> {
    if (!transport) {
      log.info({ mail: { to: mail.to, subject: mail.subject } }, 'e-mail logged, not sent (SMTP_URL is not set)');
      log.debug({ mail }, 'e-mail content');
      return 'logged';
    }
    try {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.locale },
      });
      log.info({ mail: { to: mail.to, subject: mail.subject } }, 'e-mail sent');
      return 'sent';
    } catch (error) {
      log.error({ err: error, mail: { to: mail.to, subject: mail.subject } }, 'e-mail could not be sent');
      return 'failed';
    }
  }

  function send(mail: OutgoingMail): Promise<MailDelivery> {
    const sending = deliver(mail);
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
    return sending;
  }

  return {
    send,
    sendInBackground: (mail) => void send(mail),
    async close() {
      await Promise.allSettled([...inFlight]);
      transport?.close();
    },
  };
}
