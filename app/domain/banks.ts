// The banks in Viet Nam a seller may be paid at, with the NAPAS BIN that a VietQR code names the
// bank by. Shipped as data: a remote bank list would make showing a payment depend on someone
// else's service. The key is the bank code, not the BIN: a bank renamed or taken over keeps its
// BIN (OceanBank is now MBV, DongA Bank is Vikki, LienVietPostBank is LPBank), so a BIN may come
// to stand for a new name while stored accounts keep their code.
//
// Codes, BINs and Vietnamese names follow the bank list of VietQR.io, documented at
// https://www.vietqr.io/api-bank (GET https://api.vietqr.io/v2/banks; its example gives
// ABB 970425, ACB 970416, BIDV 970418), read from copies of its answer kept in public
// repositories. Every BIN was checked against a second list,
// https://github.com/xuannghia/vietnam-qr-pay/blob/master/src/constants/banks.ts, and the big
// banks against https://www.qrpayhub.com/en/vietqr/faq (VCB 970436, BIDV 970418, VBA 970405)
// and https://pub.dev/documentation/vietqr_gen/latest/vietqr_generator/Bank.html (ACB 970416,
// Agribank 970405, MBBank 970422, Sacombank 970403). Left out: e-wallets and finance companies
// (BINs 971xxx, 977777), which are not banks a contract pays into. VietQR.io writes three codes
// with spaces (`IBK - HN`, `IBK - HCM`, `NHB HN`); here they are `IBKHN`, `IBKHCM`, `NHBHN`.
// English names are the banks' own where known.

export interface Bank {
  code: string;
  /** NAPAS BIN: 6 digits, mostly 9704xx; digital and foreign banks have others. */
  bin: string;
  shortName: string;
  vi: string;
  en?: string;
  /** The name people may still know the bank by. */
  formerly?: string;
}

export const BANKS: readonly Bank[] = [
  { code: 'ABB', bin: '970425', shortName: 'ABBANK', vi: 'Ngân hàng TMCP An Bình', en: 'An Binh Commercial Joint Stock Bank' },
  { code: 'ACB', bin: '970416', shortName: 'ACB', vi: 'Ngân hàng TMCP Á Châu', en: 'Asia Commercial Joint Stock Bank' },
  { code: 'BAB', bin: '970409', shortName: 'BacABank', vi: 'Ngân hàng TMCP Bắc Á', en: 'Bac A Commercial Joint Stock Bank' },
  { code: 'BIDV', bin: '970418', shortName: 'BIDV', vi: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', en: 'Joint Stock Commercial Bank for Investment and Development of Vietnam' },
  { code: 'BVB', bin: '970438', shortName: 'BaoViet Bank', vi: 'Ngân hàng TMCP Bảo Việt', en: 'Bao Viet Joint Stock Commercial Bank' },
  { code: 'CAKE', bin: '546034', shortName: 'CAKE by VPBank', vi: 'Ngân hàng số CAKE by VPBank – Ngân hàng TMCP Việt Nam Thịnh Vượng', en: 'CAKE digital bank by VPBank – Vietnam Prosperity Joint Stock Commercial Bank' },
  { code: 'CBB', bin: '970444', shortName: 'CBBank', vi: 'Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam' },
  { code: 'CIMB', bin: '422589', shortName: 'CIMB', vi: 'Ngân hàng TNHH MTV CIMB Việt Nam', en: 'CIMB Bank (Vietnam) Limited' },
  { code: 'CITIBANK', bin: '533948', shortName: 'Citibank', vi: 'Ngân hàng Citibank, N.A. – Chi nhánh Hà Nội', en: 'Citibank, N.A. – Hanoi Branch' },
  { code: 'COOPBANK', bin: '970446', shortName: 'Co-opBank', vi: 'Ngân hàng Hợp tác xã Việt Nam', en: 'Co-operative Bank of Vietnam' },
  { code: 'DBS', bin: '796500', shortName: 'DBS Bank', vi: 'DBS Bank Ltd – Chi nhánh Thành phố Hồ Chí Minh', en: 'DBS Bank Ltd – Ho Chi Minh City Branch' },
  { code: 'EIB', bin: '970431', shortName: 'Eximbank', vi: 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam', en: 'Vietnam Export Import Commercial Joint Stock Bank' },
  { code: 'GPB', bin: '970408', shortName: 'GPBank', vi: 'Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu', en: 'Global Petro Sole Member Limited Commercial Bank' },
  { code: 'HDB', bin: '970437', shortName: 'HDBank', vi: 'Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City Development Joint Stock Commercial Bank' },
  { code: 'HLBVN', bin: '970442', shortName: 'Hong Leong Bank', vi: 'Ngân hàng TNHH MTV Hong Leong Việt Nam', en: 'Hong Leong Bank Vietnam Limited' },
  { code: 'HSBC', bin: '458761', shortName: 'HSBC', vi: 'Ngân hàng TNHH MTV HSBC (Việt Nam)', en: 'HSBC Bank (Vietnam) Ltd.' },
  { code: 'IBKHCM', bin: '970456', shortName: 'IBK TP. HCM', vi: 'Ngân hàng Công nghiệp Hàn Quốc – Chi nhánh TP. Hồ Chí Minh', en: 'Industrial Bank of Korea – Ho Chi Minh City Branch' },
  { code: 'IBKHN', bin: '970455', shortName: 'IBK Hà Nội', vi: 'Ngân hàng Công nghiệp Hàn Quốc – Chi nhánh Hà Nội', en: 'Industrial Bank of Korea – Hanoi Branch' },
  { code: 'ICB', bin: '970415', shortName: 'VietinBank', vi: 'Ngân hàng TMCP Công thương Việt Nam', en: 'Vietnam Joint Stock Commercial Bank for Industry and Trade' },
  { code: 'IVB', bin: '970434', shortName: 'Indovina Bank', vi: 'Ngân hàng TNHH Indovina', en: 'Indovina Bank Limited' },
  { code: 'KBank', bin: '668888', shortName: 'KBank', vi: 'Ngân hàng Đại chúng TNHH Kasikornbank – Chi nhánh TP. Hồ Chí Minh', en: 'Kasikornbank Public Company Limited – Ho Chi Minh City Branch' },
  { code: 'KBHCM', bin: '970463', shortName: 'Kookmin TP. HCM', vi: 'Ngân hàng Kookmin – Chi nhánh TP. Hồ Chí Minh', en: 'Kookmin Bank – Ho Chi Minh City Branch' },
  { code: 'KBHN', bin: '970462', shortName: 'Kookmin Hà Nội', vi: 'Ngân hàng Kookmin – Chi nhánh Hà Nội', en: 'Kookmin Bank – Hanoi Branch' },
  { code: 'KEBHANAHCM', bin: '970466', shortName: 'KEB Hana TP. HCM', vi: 'Ngân hàng KEB Hana – Chi nhánh TP. Hồ Chí Minh', en: 'KEB Hana Bank – Ho Chi Minh City Branch' },
  { code: 'KEBHANAHN', bin: '970467', shortName: 'KEB Hana Hà Nội', vi: 'Ngân hàng KEB Hana – Chi nhánh Hà Nội', en: 'KEB Hana Bank – Hanoi Branch' },
  { code: 'KLB', bin: '970452', shortName: 'KienlongBank', vi: 'Ngân hàng TMCP Kiên Long', en: 'Kien Long Commercial Joint Stock Bank' },
  { code: 'LPB', bin: '970449', shortName: 'LPBank', vi: 'Ngân hàng TMCP Lộc Phát Việt Nam', en: 'Loc Phat Vietnam Joint Stock Commercial Bank', formerly: 'LienVietPostBank' },
  { code: 'MB', bin: '970422', shortName: 'MB', vi: 'Ngân hàng TMCP Quân đội', en: 'Military Commercial Joint Stock Bank' },
  { code: 'MBV', bin: '970414', shortName: 'MBV', vi: 'Ngân hàng TNHH MTV Việt Nam Hiện Đại', formerly: 'OceanBank' },
  { code: 'MSB', bin: '970426', shortName: 'MSB', vi: 'Ngân hàng TMCP Hàng Hải Việt Nam', en: 'Vietnam Maritime Commercial Joint Stock Bank' },
  { code: 'NAB', bin: '970428', shortName: 'Nam A Bank', vi: 'Ngân hàng TMCP Nam Á', en: 'Nam A Commercial Joint Stock Bank' },
  { code: 'NCB', bin: '970419', shortName: 'NCB', vi: 'Ngân hàng TMCP Quốc Dân', en: 'National Citizen Commercial Joint Stock Bank' },
  { code: 'NHBHN', bin: '801011', shortName: 'Nonghyup Hà Nội', vi: 'Ngân hàng Nonghyup – Chi nhánh Hà Nội', en: 'NongHyup Bank – Hanoi Branch' },
  { code: 'OCB', bin: '970448', shortName: 'OCB', vi: 'Ngân hàng TMCP Phương Đông', en: 'Orient Commercial Joint Stock Bank' },
  { code: 'PBVN', bin: '970439', shortName: 'Public Bank', vi: 'Ngân hàng TNHH MTV Public Việt Nam', en: 'Public Bank Vietnam Limited' },
  { code: 'PGB', bin: '970430', shortName: 'PGBank', vi: 'Ngân hàng TMCP Thịnh vượng và Phát triển', en: 'Prosperity and Growth Commercial Joint Stock Bank', formerly: 'Ngân hàng TMCP Xăng dầu Petrolimex' },
  { code: 'PVCB', bin: '970412', shortName: 'PVcomBank', vi: 'Ngân hàng TMCP Đại Chúng Việt Nam', en: 'Vietnam Public Joint Stock Commercial Bank' },
  { code: 'SCB', bin: '970429', shortName: 'SCB', vi: 'Ngân hàng TMCP Sài Gòn', en: 'Saigon Commercial Joint Stock Bank' },
  { code: 'SCVN', bin: '970410', shortName: 'Standard Chartered', vi: 'Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam', en: 'Standard Chartered Bank (Vietnam) Limited' },
  { code: 'SEAB', bin: '970440', shortName: 'SeABank', vi: 'Ngân hàng TMCP Đông Nam Á', en: 'Southeast Asia Commercial Joint Stock Bank' },
  { code: 'SGICB', bin: '970400', shortName: 'SaigonBank', vi: 'Ngân hàng TMCP Sài Gòn Công Thương', en: 'Saigon Bank for Industry and Trade' },
  { code: 'SHB', bin: '970443', shortName: 'SHB', vi: 'Ngân hàng TMCP Sài Gòn – Hà Nội', en: 'Saigon – Hanoi Commercial Joint Stock Bank' },
  { code: 'SHBVN', bin: '970424', shortName: 'Shinhan Bank', vi: 'Ngân hàng TNHH MTV Shinhan Việt Nam', en: 'Shinhan Bank Vietnam Limited' },
  { code: 'STB', bin: '970403', shortName: 'Sacombank', vi: 'Ngân hàng TMCP Sài Gòn Thương Tín', en: 'Saigon Thuong Tin Commercial Joint Stock Bank' },
  { code: 'TCB', bin: '970407', shortName: 'Techcombank', vi: 'Ngân hàng TMCP Kỹ thương Việt Nam', en: 'Vietnam Technological and Commercial Joint Stock Bank' },
  { code: 'TIMO', bin: '963388', shortName: 'Timo', vi: 'Ngân hàng số Timo by Bản Việt Bank', en: 'Timo digital bank by Ban Viet Bank' },
  { code: 'TPB', bin: '970423', shortName: 'TPBank', vi: 'Ngân hàng TMCP Tiên Phong', en: 'Tien Phong Commercial Joint Stock Bank' },
  { code: 'Ubank', bin: '546035', shortName: 'Ubank by VPBank', vi: 'Ngân hàng số Ubank by VPBank – Ngân hàng TMCP Việt Nam Thịnh Vượng', en: 'Ubank digital bank by VPBank – Vietnam Prosperity Joint Stock Commercial Bank' },
  { code: 'UOB', bin: '970458', shortName: 'UOB', vi: 'Ngân hàng TNHH MTV United Overseas Bank (Việt Nam)', en: 'United Overseas Bank (Vietnam) Limited' },
  { code: 'VAB', bin: '970427', shortName: 'VietABank', vi: 'Ngân hàng TMCP Việt Á', en: 'Viet A Commercial Joint Stock Bank' },
  { code: 'VBA', bin: '970405', shortName: 'Agribank', vi: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', en: 'Vietnam Bank for Agriculture and Rural Development' },
  { code: 'VCB', bin: '970436', shortName: 'Vietcombank', vi: 'Ngân hàng TMCP Ngoại thương Việt Nam', en: 'Joint Stock Commercial Bank for Foreign Trade of Vietnam' },
  { code: 'VCCB', bin: '970454', shortName: 'BVBank', vi: 'Ngân hàng TMCP Bản Việt', en: 'Viet Capital Commercial Joint Stock Bank', formerly: 'Viet Capital Bank' },
  { code: 'VIB', bin: '970441', shortName: 'VIB', vi: 'Ngân hàng TMCP Quốc tế Việt Nam', en: 'Vietnam International Commercial Joint Stock Bank' },
  { code: 'VIETBANK', bin: '970433', shortName: 'VietBank', vi: 'Ngân hàng TMCP Việt Nam Thương Tín', en: 'Vietnam Thuong Tin Commercial Joint Stock Bank' },
  { code: 'Vikki', bin: '970406', shortName: 'Vikki Bank', vi: 'Ngân hàng TNHH MTV Số Vikki', formerly: 'DongA Bank' },
  { code: 'VPB', bin: '970432', shortName: 'VPBank', vi: 'Ngân hàng TMCP Việt Nam Thịnh Vượng', en: 'Vietnam Prosperity Joint Stock Commercial Bank' },
  { code: 'VRB', bin: '970421', shortName: 'VRB', vi: 'Ngân hàng Liên doanh Việt – Nga', en: 'Vietnam – Russia Joint Venture Bank' },
  { code: 'WVN', bin: '970457', shortName: 'Woori Bank', vi: 'Ngân hàng TNHH MTV Woori Việt Nam', en: 'Woori Bank Vietnam Limited' },
];

const byCode = new Map(BANKS.map((bank) => [bank.code, bank]));

/** The bank with exactly this code (`VCB`, `ICB`, `KBank`), or undefined. */
export function bankByCode(code: string): Bank | undefined {
  return byCode.get(code);
}

/** The bank's full name in the reader's language; a bank without an English name keeps its Vietnamese one. */
export function bankName(bank: Bank, lang: 'vi' | 'en'): string {
  return lang === 'en' ? (bank.en ?? bank.vi) : bank.vi;
}

/** The banks in the order a select box lists them: by the short name people know, as Vietnamese sorts. */
export const BANKS_FOR_SELECT: readonly Bank[] = [...BANKS].sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi', { sensitivity: 'base' }) || a.code.localeCompare(b.code));
