import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it: the envelope and the raw bytes. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A running in-process SMTP server that keeps what it receives. */
export interface SmtpSink {
  /** smtp://127.0.0.1:port, for REFERAT_SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /**
   * Addresses the server refuses at RCPT TO, with the SMTP code to answer (451: try later,
   * 550: no such mailbox); change it between steps.
   */
  refusals: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Starts a real SMTP server on a free local port (no TLS, no sign-in), so that tests send
 * through nodemailer exactly as production does and read what arrives.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refusals.get(address.address.toLowerCase());
      if (code === undefined) return callback();
      const error = Object.assign(
        new Error(code >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try again later'),
        { responseCode: code },
      );
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
