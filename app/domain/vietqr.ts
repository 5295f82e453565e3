// A VietQR code is how a buyer pays a milestone by bank transfer: their banking app reads the
// seller's bank, account, amount and transfer reference from it instead of from typing. The text
// inside is an EMVCo merchant-presented payload in the NAPAS profile; any banking app in Viet Nam
// refuses one that is off by a byte, so this builds it strictly and refuses doubtful input.
import { bankByCode } from './banks.js';

/** Where a seller receives money: the bank (by its code in `banks.ts`), the account and its holder. */
export interface BankAccount {
  bankCode: string;
  accountNumber: string;
  holderName: string;
}

export interface VietQrRequest {
  /** The receiving bank's NAPAS BIN (6 digits). */
  bin: string;
  accountNumber: string;
  /** Whole đồng; without it the code is static and the payer types the amount. */
  amount?: number;
  /** What the payer's bank writes on the transfer (printable ASCII, at most 25 characters); empty is none. */
  purpose?: string;
}

export type VietQrField = 'bank' | 'bin' | 'accountNumber' | 'amount' | 'purpose' | 'dealId' | 'milestone';

/** A payload was asked for with input no bank would accept; a form checking the same rules never gets here. */
export class VietQrInputError extends Error {
  constructor(
    readonly field: VietQrField,
    message: string,
  ) {
    super(message);
    this.name = 'VietQrInputError';
  }
}

/** NAPAS's application identifier, the service "transfer to an account" and Viet Nam's currency and country. */
const NAPAS_GUID = 'A000000727';
const TO_ACCOUNT = 'QRIBFTTA';
const VND = '704';
const VIET_NAM = 'VN';

export const PURPOSE_MAX = 25;
/** The EMVCo amount field holds 13 characters; whole đồng have no decimal point. */
const AMOUNT_MAX = 9_999_999_999_999;
const BIN = /^\d{6}$/;
const ACCOUNT_NUMBER = /^[0-9A-Za-z]{1,19}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** One EMVCo data object: two-digit id, two-digit length, value. */
function field(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) of ASCII text, as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The text of a VietQR code for a transfer to an account; throws `VietQrInputError` on doubtful input. */
export function vietQrPayload(request: VietQrRequest): string {
  const { bin, accountNumber, amount, purpose } = request;
  if (!BIN.test(bin)) throw new VietQrInputError('bin', `A bank BIN is 6 digits, not ${JSON.stringify(bin)}`);
  if (!ACCOUNT_NUMBER.test(accountNumber)) {
    throw new VietQrInputError('accountNumber', `An account number is 1 to 19 letters or digits, not ${JSON.stringify(accountNumber)}`);
  }
  if (amount !== undefined && !(Number.isSafeInteger(amount) && amount > 0 && amount <= AMOUNT_MAX)) {
    throw new VietQrInputError('amount', `An amount is a whole number of đồng from 1 to ${AMOUNT_MAX}, not ${amount}`);
  }
  if (purpose !== undefined && !(PRINTABLE_ASCII.test(purpose) && purpose.length <= PURPOSE_MAX)) {
    throw new VietQrInputError('purpose', `A transfer purpose is at most ${PURPOSE_MAX} printable ASCII characters (see asciiPurpose), not ${JSON.stringify(purpose)}`);
  }

  const beneficiary = field('00', bin) + field('01', accountNumber);
  const merchantAccount = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', TO_ACCOUNT);
  const body = [
    field('00', '01'),
    field('01', amount === undefined ? '11' : '12'),
    field('38', merchantAccount),
    field('53', VND),
    amount === undefined ? '' : field('54', String(amount)),
    field('58', VIET_NAM),
    purpose ? field('62', field('08', purpose)) : '',
    '6304',
  ].join('');
  return body + crc16(body);
}

/** The payload for a seller's account as the platform stores it (bank by code, not by BIN). */
export function vietQrForAccount(account: BankAccount, transfer: { amount?: number; purpose?: string } = {}): string {
  const bank = bankByCode(account.bankCode);
  if (!bank) throw new VietQrInputError('bank', `No bank has the code ${JSON.stringify(account.bankCode)}`);
  return vietQrPayload({ bin: bank.bin, accountNumber: account.accountNumber, ...transfer });
}

/**
 * Free text made fit for a transfer purpose: Vietnamese letters lose their marks (đ becomes d,
 * as does the look-alike Icelandic ð sometimes typed in its place), anything else outside
 * printable ASCII (line breaks, symbols, emoji) becomes a space, runs of space become one, and
 * the result is cut to 25 characters. Banks carry the purpose as plain ASCII and would garble
 * the rest.
 */
export function asciiPurpose(text: string): string {
  return text
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, PURPOSE_MAX)
    .trimEnd();
}

const DEAL_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** Milestones of a term sheet are numbered from 1; three digits leave room without passing 25 characters. */
const MILESTONE_MAX = 999;

/**
 * The reference a buyer writes on the transfer for one milestone of a deal, and by which the
 * seller recognises it on a bank statement: `OTX 3F2A9C0B1D4E M2`. The deal part is the first 12
 * hex digits of the deal's UUID, all random in a version-4 UUID (`gen_random_uuid()`): with 48
 * bits, the chance that any two of a hundred thousand deals share a reference is about 2 in
 * 100,000, where 6 digits would more likely than not repeat within five thousand deals.
 * Upper-case letters, digits and spaces only, 21 characters at most, so every bank carries it
 * unchanged.
 */
export function transferReference(payment: { dealId: string; milestone: number }): string {
  if (!DEAL_ID.test(payment.dealId)) throw new VietQrInputError('dealId', `A deal id is a UUID, not ${JSON.stringify(payment.dealId)}`);
  if (!(Number.isInteger(payment.milestone) && payment.milestone >= 1 && payment.milestone <= MILESTONE_MAX)) {
    throw new VietQrInputError('milestone', `A milestone is numbered from 1 to ${MILESTONE_MAX}, not ${payment.milestone}`);
  }
  const deal = payment.dealId.replace(/-/g, '').slice(0, 12).toUpperCase();
  return `OTX ${deal} M${payment.milestone}`;
}
