// The 34 provincial-level units of Viet Nam after the 2025 merger
// (Resolution 202/2025/QH15, in force from 12 June 2025): 6 centrally-run cities, 28 provinces.

export const PROVINCES = [
  { code: 'ha-noi', vi: 'Hà Nội', en: 'Hanoi' },
  { code: 'ho-chi-minh', vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City' },
  { code: 'hai-phong', vi: 'Hải Phòng', en: 'Hai Phong' },
  { code: 'da-nang', vi: 'Đà Nẵng', en: 'Da Nang' },
  { code: 'can-tho', vi: 'Cần Thơ', en: 'Can Tho' },
  { code: 'hue', vi: 'Huế', en: 'Hue' },
  { code: 'cao-bang', vi: 'Cao Bằng', en: 'Cao Bang' },
  { code: 'dien-bien', vi: 'Điện Biên', en: 'Dien Bien' },
  { code: 'lai-chau', vi: 'Lai Châu', en: 'Lai Chau' },
  { code: 'son-la', vi: 'Sơn La', en: 'Son La' },
  { code: 'lang-son', vi: 'Lạng Sơn', en: 'Lang Son' },
  { code: 'quang-ninh', vi: 'Quảng Ninh', en: 'Quang Ninh' },
  { code: 'thanh-hoa', vi: 'Thanh Hóa', en: 'Thanh Hoa' },
  { code: 'nghe-an', vi: 'Nghệ An', en: 'Nghe An' },
  { code: 'ha-tinh', vi: 'Hà Tĩnh', en: 'Ha Tinh' },
  { code: 'tuyen-quang', vi: 'Tuyên Quang', en: 'Tuyen Quang' },
  { code: 'lao-cai', vi: 'Lào Cai', en: 'Lao Cai' },
  { code: 'thai-nguyen', vi: 'Thái Nguyên', en: 'Thai Nguyen' },
  { code: 'phu-tho', vi: 'Phú Thọ', en: 'Phu Tho' },
  { code: 'bac-ninh', vi: 'Bắc Ninh', en: 'Bac Ninh' },
  { code: 'hung-yen', vi: 'Hưng Yên', en: 'Hung Yen' },
  { code: 'ninh-binh', vi: 'Ninh Bình', en: 'Ninh Binh' },
  { code: 'quang-tri', vi: 'Quảng Trị', en: 'Quang Tri' },
  { code: 'quang-ngai', vi: 'Quảng Ngãi', en: 'Quang Ngai' },
  { code: 'gia-lai', vi: 'Gia Lai', en: 'Gia Lai' },
  { code: 'khanh-hoa', vi: 'Khánh Hòa', en: 'Khanh Hoa' },
  { code: 'lam-dong', vi: 'Lâm Đồng', en: 'Lam Dong' },
  { code: 'dak-lak', vi: 'Đắk Lắk', en: 'Dak Lak' },
  { code: 'dong-nai', vi: 'Đồng Nai', en: 'Dong Nai' },
  { code: 'tay-ninh', vi: 'Tây Ninh', en: 'Tay Ninh' },
  { code: 'vinh-long', vi: 'Vĩnh Long', en: 'Vinh Long' },
  { code: 'dong-thap', vi: 'Đồng Tháp', en: 'Dong Thap' },
  { code: 'ca-mau', vi: 'Cà Mau', en: 'Ca Mau' },
  { code: 'an-giang', vi: 'An Giang', en: 'An Giang' },
] as const;

export type ProvinceCode = (typeof PROVINCES)[number]['code'];
export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as unknown as readonly [
  ProvinceCode,
  ...ProvinceCode[],
];

/** A province's name; a draft's province not chosen yet reads as a dash. */
export function provinceName(code: string | null, lang: 'vi' | 'en'): string {
  if (code === null) return '—';
  const p = PROVINCES.find((x) => x.code === code);
  return p ? p[lang] : code;
}
