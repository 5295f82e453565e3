import nodemailer from 'nodemailer';
import type { SendEmail } from '../services/mail.server.js';

export function smtpSender(smtp: { url: string; from: string }): SendEmail {
  const transport = nodemailer.createTransport(smtp.url);
  return async (email) => {
    await transport.sendMail({ from: smtp.from, to: email.to, subject: email.subject, text: email.text });
  };
}

/**
 * Without SMTP, each email is "delivered" to the server's own log, which only the operator
 * reads: the links in it (password reset, invitations) stay with the operator.
 */
export function logSender(log: (message: string) => void): SendEmail {
  return async (email) => {
    log(`Email (no SMTP_URL set, so printed here) to ${email.to}: ${email.subject}\n${email.text}\n--- end of email ---`);
  };
}
