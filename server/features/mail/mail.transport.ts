import type { Transporter } from "nodemailer";
import { CircuitBreaker } from "../../lib/circuit-breaker";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const OUTAGE_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED"]);

/**
 * nodemailer over SMTP_URL with a time budget and a breaker: an SMTP server that hangs or keeps refusing
 * fails jobs fast (the queue retries them later) instead of tying up workers.
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  // nodemailer (~10 MB of RSS) loads with the first mail sent, not at boot (ADR 077).
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }, { from }),
    ));
  // Only an unreachable or silent server trips the breaker: a refused recipient is an answer, not an outage.
  const breaker = new CircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000, isFailure: (err) => OUTAGE_CODES.has((err as { code?: string }).code ?? "") });
  return {
    async send(mail) {
      const smtp = await connect();
      await breaker.execute(() => smtp.sendMail(mail));
    },
    close: () => void transporter?.then((smtp) => smtp.close()),
  };
}
