import nodemailer from 'nodemailer';
import type { SendEmail } from '../services/mail.server.js';

export function smtpSender(smtp: { url: string; from: string }): SendEmail {
  const transport = nodemailer.createTransport(smtp.url);
  return async (email) => {
    await transport.sendMail({ from: smtp.from, to: email.to, subject: email.subject, text: email.text });
  };
}
