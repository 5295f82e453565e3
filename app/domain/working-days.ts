// Deal deadlines are counted in Vietnamese working days: Monday to Friday in Viet Nam's time
// (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), minus the public holidays below, plus any
// Saturday the government swapped into a working day ("làm bù").
//
// The holidays are those of Labour Code 2019, Art. 112 (New Year 1 day, Tết 5 days, Hùng Kings
// 1 day, 30/4, 1/5, National Day 2 days), laid out as the government announced them for the
// public sector, which employers are asked to follow. A holiday on a weekend gives a day off on
// the next working day (Art. 111(3)).
//
// Sources:
// - 2025: MOLISA announcement 6150/TB-BLĐTBXH of 3 Dec 2024 (Tết 25/1–2/2, 5 Tết days + 4 weekend
//   days; 2/5 swapped with Saturday 26/4; National Day 30/8–2/9 with 1/9)
//   https://lawnet.vn/en/vb/Announcement-6150-TB-BLDTBXH-2024-International-Workers-Day-holidays-in-2025-of-officials-9B075.html
//   Hùng Kings on Monday 7/4: https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm
// - 2026: New Year 1/1–4/1, Friday 2/1 swapped with Saturday 10/1 (VPCP 12729/VPCP-KGVX, 25 Dec 2025)
//   https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289
//   Tết 14/2–22/2 and National Day 29/8–2/9 (the Prime Minister's approval, Oct 2025)
//   https://tienphong.vn/thu-tuong-dong-y-nghi-9-ngay-tet-nguyen-dan-binh-ngo-post1786865.tpo
//   Monday 31/8 worked on Saturday 22/8 (Ministry of Home Affairs)
//   https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html
//   Hùng Kings on Sunday 26/4, day off Monday 27/4
//   https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm
// - 2027: no decision found yet. Tết (Saturday 6/2) and Hùng Kings (Friday 16/4) come from the
//   lunar calendar; the five Tết days and the day next to 2/9 are our guess until the government
//   decides, so they are marked provisional.
// Not included: 24/11 "Vietnamese Culture Day". The Politburo (Resolution 80-NQ/TW, Jan 2026) wants
// it a paid holiday and the government asked for Art. 112 to be amended (Resolution 30/NQ-CP), but
// no amended law was found; add it here once it is law.
//
// Outside the years in the data, only weekends and the fixed solar holidays (1/1, 30/4, 1/5, 2/9)
// are known: Tết and Hùng Kings move with the moon and their days off are decided each year.

export type HolidayName = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

export interface Holiday {
  /** Local date in Viet Nam, YYYY-MM-DD. */
  date: string;
  name: HolidayName;
  /** `law`: a holiday day itself; `in_lieu`: given back for a holiday on a weekend; `swapped`: a weekday off traded for a working Saturday. */
  kind: 'law' | 'in_lieu' | 'swapped';
  /** Not yet decided by the government: our best reading of the law. */
  provisional?: true;
}

const law = (date: string, name: HolidayName): Holiday => ({ date, name, kind: 'law' });
const guess = (date: string, name: HolidayName): Holiday => ({ date, name, kind: 'law', provisional: true });

export const HOLIDAYS: readonly Holiday[] = [
  law('2025-01-01', 'new_year'),
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => law(d, 'tet')),
  law('2025-04-07', 'hung_kings'),
  law('2025-04-30', 'reunification'),
  law('2025-05-01', 'labour_day'),
  { date: '2025-05-02', name: 'labour_day', kind: 'swapped' },
  law('2025-09-01', 'national_day'),
  law('2025-09-02', 'national_day'),

  law('2026-01-01', 'new_year'),
  { date: '2026-01-02', name: 'new_year', kind: 'swapped' },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => law(d, 'tet')),
  law('2026-04-26', 'hung_kings'),
  { date: '2026-04-27', name: 'hung_kings', kind: 'in_lieu' },
  law('2026-04-30', 'reunification'),
  law('2026-05-01', 'labour_day'),
  { date: '2026-08-31', name: 'national_day', kind: 'swapped' },
  law('2026-09-01', 'national_day'),
  law('2026-09-02', 'national_day'),

  law('2027-01-01', 'new_year'),
  ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((d) => guess(d, 'tet')),
  guess('2027-04-16', 'hung_kings'),
  law('2027-04-30', 'reunification'),
  law('2027-05-01', 'labour_day'),
  { date: '2027-05-03', name: 'labour_day', kind: 'in_lieu' },
  law('2027-09-02', 'national_day'),
  guess('2027-09-03', 'national_day'),
];

/** Saturdays worked to pay for a swapped weekday off. */
export const WORKING_SATURDAYS: readonly string[] = ['2025-04-26', '2026-01-10', '2026-08-22'];

const FIXED_SOLAR: ReadonlyArray<[string, HolidayName]> = [
  ['01-01', 'new_year'],
  ['04-30', 'reunification'],
  ['05-01', 'labour_day'],
  ['09-02', 'national_day'],
];

const DAY = 86_400_000;
const VIETNAM_OFFSET = 7 * 3_600_000;
const daysOff = new Set(HOLIDAYS.map((h) => h.date));
const workingSaturdays = new Set(WORKING_SATURDAYS);
const yearsInData = new Set(HOLIDAYS.map((h) => Number(h.date.slice(0, 4))));

/** The holidays of a year; beyond the data, the fixed solar ones only, marked provisional. */
export function holidaysIn(year: number): Holiday[] {
  if (yearsInData.has(year)) return HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
  return FIXED_SOLAR.map(([monthDay, name]) => guess(`${year}-${monthDay}`, name));
}

// Days are numbered from 1970-01-01 in Viet Nam's time, so that day arithmetic is integer arithmetic.
function localDay(moment: Date): number {
  const ms = moment.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return Math.floor((ms + VIETNAM_OFFSET) / DAY);
}

function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function isWorkingLocalDay(day: number): boolean {
  const date = isoDate(day);
  if (workingSaturdays.has(date)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday === 0 || weekday === 6) return false;
  if (yearsInData.has(Number(date.slice(0, 4)))) return !daysOff.has(date);
  return !FIXED_SOLAR.some(([monthDay]) => date.endsWith(monthDay));
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count of working days must be a whole number ≥ 0, got ${n}`);
}

export function isWorkingDay(date: Date): boolean {
  return isWorkingLocalDay(localDay(date));
}

/** The end (23:59:59.999 in Viet Nam) of the n-th working day after the start's day; the start's day does not count. */
export function addWorkingDays(start: Date, n: number): Date {
  checkCount(n);
  let day = localDay(start);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorkingLocalDay(day)) counted += 1;
  }
  return new Date((day + 1) * DAY - VIETNAM_OFFSET - 1);
}

/** The moment n working days before the deadline, at the same time of day in Viet Nam. */
export function workingDaysBefore(deadline: Date, n: number): Date {
  checkCount(n);
  const deadlineDay = localDay(deadline);
  let day = deadlineDay;
  for (let counted = 0; counted < n; ) {
    day -= 1;
    if (isWorkingLocalDay(day)) counted += 1;
  }
  return new Date(deadline.getTime() - (deadlineDay - day) * DAY);
}

/** The same day in Viet Nam at `hour` o'clock there: a reminder sent in the morning, not at midnight. */
export function atVietnamHour(moment: Date, hour: number): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`An hour is a whole number from 0 to 23, got ${hour}`);
  return new Date(localDay(moment) * DAY - VIETNAM_OFFSET + hour * 3_600_000);
}

/** Whole working days after today up to the deadline's day: 0 on the last day and once it has passed. */
export function workingDaysLeft(now: Date, deadline: Date): number {
  if (now.getTime() >= deadline.getTime()) return 0;
  const last = localDay(deadline);
  let left = 0;
  for (let day = localDay(now) + 1; day <= last; day += 1) if (isWorkingLocalDay(day)) left += 1;
  return left;
}
