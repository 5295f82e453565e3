// Vietnamese tax code (mã số thuế, MST): 10 digits, or 10 digits + "-" + 3 for a branch.
// The 10th digit checks the first nine with the weights below.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function isValidTaxCode(value: string): boolean {
  const m = /^(\d{10})(-\d{3})?$/.exec(value.trim());
  if (!m) return false;
  const digits = m[1]!.split('').map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const check = 10 - (sum % 11);
  return check < 10 && check === digits[9];
}
