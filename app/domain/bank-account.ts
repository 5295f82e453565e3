// The bank account a seller organisation is paid into by transfer (VietQR names it by the bank's
// BIN and the account number). Banks come from the shipped list, by code; an account number is
// what Vietnamese banks issue: digits, sometimes letters, at most 19, no spaces.
import { z } from 'zod';
import { bankByCode } from './banks.js';
import { cleaned } from './text.js';

export const ACCOUNT_NUMBER_PATTERN = /^[0-9A-Za-z]{1,19}$/;
export const HOLDER_NAME_MAX = 100;

export const bankAccountSchema = z.object({
  bankCode: z
    .string()
    .trim()
    .min(1, 'unknown_bank')
    .refine((code) => bankByCode(code) !== undefined, 'unknown_bank'),
  accountNumber: z.string().trim().min(1).max(19, 'bank_account_number').regex(ACCOUNT_NUMBER_PATTERN, 'bank_account_number'),
  holderName: cleaned(z.string().min(1).max(HOLDER_NAME_MAX)),
});

export type BankAccountInput = z.output<typeof bankAccountSchema>;
