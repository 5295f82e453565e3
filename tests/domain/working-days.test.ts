import { describe, expect, it } from 'vitest';
import {
  HOLIDAYS,
  WORKING_SATURDAYS,
  addWorkingDays,
  atVietnamHour,
  holidaysIn,
  isWorkingDay,
  workingDaysBefore,
  workingDaysLeft,
} from '../../app/domain/working-days.js';

// Expected dates are written out by hand from a calendar. Viet Nam is UTC+7, so a local day
// ends at 16:59:59.999Z and a local 10:00 is 03:00Z.
const at = (iso: string) => new Date(iso);
const endOf = (localDate: string) => new Date(`${localDate}T16:59:59.999Z`);

describe('Working days in Viet Nam: deadline arithmetic over weekends and holidays', () => {
  it('counts a plain week, the start day not counting', () => {
    // Monday 9 March 2026, 10:00 in Hà Nội.
    expect(addWorkingDays(at('2026-03-09T03:00:00Z'), 1)).toEqual(endOf('2026-03-10'));
    expect(addWorkingDays(at('2026-03-09T03:00:00Z'), 3)).toEqual(endOf('2026-03-12'));
  });

  it('skips a weekend', () => {
    // Thursday 12 March 2026 + 3: Friday 13, Monday 16, Tuesday 17.
    expect(addWorkingDays(at('2026-03-12T03:00:00Z'), 3)).toEqual(endOf('2026-03-17'));
  });

  it('gives the default 10 working days from a Monday: two weeks later', () => {
    expect(addWorkingDays(at('2026-03-09T03:00:00Z'), 10)).toEqual(endOf('2026-03-23'));
  });

  it('jumps the whole Tết 2026 break when interest comes the Friday before', () => {
    // Friday 13 Feb 2026, 15:00; the break runs Saturday 14 to Sunday 22 Feb.
    const friday = at('2026-02-13T08:00:00Z');
    expect(addWorkingDays(friday, 1)).toEqual(endOf('2026-02-23'));
    // 23, 24, 25, 26, 27 Feb, 2, 3, 4, 5, 6 March.
    expect(addWorkingDays(friday, 10)).toEqual(endOf('2026-03-06'));
  });

  it('skips Hùng Kings in lieu (27/4) and 30/4–1/5 in 2026', () => {
    // Friday 24 April 2026: Monday 27 is off in lieu of Sunday 26; Tuesday 28 and Wednesday 29
    // count; Thursday 30 April, Friday 1 May and the weekend are off; then Monday 4 May.
    const friday = at('2026-04-24T03:00:00Z');
    expect(addWorkingDays(friday, 1)).toEqual(endOf('2026-04-28'));
    expect(addWorkingDays(friday, 3)).toEqual(endOf('2026-05-04'));
    // 28, 29 Apr, 4, 5, 6, 7, 8, 11, 12, 13 May.
    expect(addWorkingDays(friday, 10)).toEqual(endOf('2026-05-13'));
  });

  it('skips the National Day break 2026 and counts the swapped working Saturday', () => {
    // Thursday 27 Aug: Friday 28 counts; 29 Aug–2 Sep are off (Monday 31 swapped); then 3 and 4 Sep.
    expect(addWorkingDays(at('2026-08-27T03:00:00Z'), 3)).toEqual(endOf('2026-09-04'));
    // Saturday 22 August 2026 is worked in exchange for Monday 31 August.
    expect(addWorkingDays(at('2026-08-21T03:00:00Z'), 1)).toEqual(endOf('2026-08-22'));
    expect(isWorkingDay(at('2026-08-22T03:00:00Z'))).toBe(true);
    expect(isWorkingDay(at('2026-08-31T03:00:00Z'))).toBe(false);
  });

  it('knows the other swaps of 2025 and 2026', () => {
    expect(isWorkingDay(at('2025-04-26T03:00:00Z'))).toBe(true); // Saturday worked
    expect(isWorkingDay(at('2025-05-02T03:00:00Z'))).toBe(false); // the Friday it paid for
    expect(isWorkingDay(at('2026-01-10T03:00:00Z'))).toBe(true); // Saturday worked
    expect(isWorkingDay(at('2026-01-02T03:00:00Z'))).toBe(false); // the Friday it paid for
    expect(isWorkingDay(at('2025-01-31T03:00:00Z'))).toBe(false); // Tết 2025
  });

  it('starts counting from a Sunday or a holiday as from any other day', () => {
    // Sunday 15 March 2026 + 1 = Monday 16.
    expect(addWorkingDays(at('2026-03-15T03:00:00Z'), 1)).toEqual(endOf('2026-03-16'));
    // Thursday 30 April 2026 + 1: Friday 1 May is off, then the weekend: Monday 4 May.
    expect(addWorkingDays(at('2026-04-30T03:00:00Z'), 1)).toEqual(endOf('2026-05-04'));
  });

  it('reads the day in Viet Nam: 16:59Z is still the day before, 17:00Z the next', () => {
    // 23:59:59 on Thursday 12 March local, then 00:00 on Friday 13.
    expect(addWorkingDays(at('2026-03-12T16:59:59Z'), 1)).toEqual(endOf('2026-03-13'));
    expect(addWorkingDays(at('2026-03-12T17:00:00Z'), 1)).toEqual(endOf('2026-03-16'));
    // Friday 23:59 is a working day; Saturday 00:00 is not.
    expect(isWorkingDay(at('2026-03-13T16:59:00Z'))).toBe(true);
    expect(isWorkingDay(at('2026-03-13T17:00:00Z'))).toBe(false);
    // Sunday 23:59 in UTC is already Monday 06:59 in Viet Nam.
    expect(isWorkingDay(at('2026-03-15T23:59:00Z'))).toBe(true);
  });

  it('finds the moment of the reminder, 3 working days before the deadline', () => {
    // Deadline at the end of Friday 6 March 2026: Thursday 5, Wednesday 4, Tuesday 3.
    expect(workingDaysBefore(endOf('2026-03-06'), 3)).toEqual(endOf('2026-03-03'));
    // Back across Tết: end of Wednesday 25 Feb → Tuesday 24, Monday 23, then Friday 13 Feb.
    expect(workingDaysBefore(endOf('2026-02-25'), 3)).toEqual(endOf('2026-02-13'));
    // The time of day is kept: 10:00 Friday 6 March → 10:00 Tuesday 3 March.
    expect(workingDaysBefore(at('2026-03-06T03:00:00Z'), 3)).toEqual(at('2026-03-03T03:00:00Z'));
  });

  it('sends the reminder at 8 in the morning in Viet Nam, not at midnight', () => {
    // The end of Tuesday 3 March (16:59Z) → 08:00 that Tuesday in Viet Nam, 01:00Z.
    expect(atVietnamHour(endOf('2026-03-03'), 8)).toEqual(at('2026-03-03T01:00:00Z'));
    // 23:30 on Monday 2 March in Viet Nam is 16:30Z: still Monday there.
    expect(atVietnamHour(at('2026-03-02T16:30:00Z'), 8)).toEqual(at('2026-03-02T01:00:00Z'));
    expect(() => atVietnamHour(at('2026-03-02T16:30:00Z'), 24)).toThrow(RangeError);
  });

  it('counts the working days left', () => {
    const deadline = endOf('2026-03-23');
    expect(workingDaysLeft(at('2026-03-09T03:00:00Z'), deadline)).toBe(10);
    expect(workingDaysLeft(at('2026-03-20T03:00:00Z'), deadline)).toBe(1);
    expect(workingDaysLeft(at('2026-03-23T02:00:00Z'), deadline)).toBe(0); // the last day
    expect(workingDaysLeft(at('2026-03-24T02:00:00Z'), deadline)).toBe(0); // past
    // From Friday 13 Feb to the end of Tuesday 24 Feb: only Monday 23 and Tuesday 24.
    expect(workingDaysLeft(at('2026-02-13T08:00:00Z'), endOf('2026-02-24'))).toBe(2);
    // The reminder moment leaves exactly 3.
    expect(workingDaysLeft(endOf('2026-03-03'), endOf('2026-03-06'))).toBe(3);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(at('2026-03-09T03:00:00Z'), -1)).toThrow(RangeError);
    expect(() => workingDaysBefore(at('2026-03-09T03:00:00Z'), 1.5)).toThrow(RangeError);
  });

  it('falls back to weekends and the fixed solar holidays beyond the data', () => {
    expect(isWorkingDay(at('2030-01-01T03:00:00Z'))).toBe(false); // Tuesday, New Year
    expect(isWorkingDay(at('2030-04-30T03:00:00Z'))).toBe(false); // Tuesday
    expect(isWorkingDay(at('2030-05-01T03:00:00Z'))).toBe(false); // Wednesday
    expect(isWorkingDay(at('2030-09-02T03:00:00Z'))).toBe(false); // Monday
    expect(isWorkingDay(at('2030-03-05T03:00:00Z'))).toBe(true); // an ordinary Tuesday
    expect(holidaysIn(2030).map((h) => h.date)).toEqual(['2030-01-01', '2030-04-30', '2030-05-01', '2030-09-02']);
    expect(holidaysIn(2030).every((h) => h.provisional)).toBe(true);
  });
});

describe('The holiday data', () => {
  const names = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour_day', 'national_day'];

  it('holds real dates, each filed under its own year, for 2025 to 2027', () => {
    for (const holiday of HOLIDAYS) {
      expect(holiday.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const parsed = new Date(`${holiday.date}T00:00:00Z`);
      expect(parsed.toISOString().slice(0, 10)).toBe(holiday.date); // no 30 February
      expect([0, 1, 2, 3, 4, 5, 6]).toContain(parsed.getUTCDay());
      expect(names).toContain(holiday.name);
      expect(holidaysIn(parsed.getUTCFullYear())).toContainEqual(holiday);
    }
    for (const year of [2025, 2026, 2027]) {
      expect(holidaysIn(year).filter((h) => h.name === 'tet')).toHaveLength(5);
    }
    expect(new Set(HOLIDAYS.map((h) => h.date)).size).toBe(HOLIDAYS.length);
  });

  it('lists only Saturdays as swapped working days', () => {
    for (const date of WORKING_SATURDAYS) expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(6);
  });

  it('keeps the Tết 2026 break at least 5 days: nine days off, 14 to 22 February', () => {
    const days = ['14', '15', '16', '17', '18', '19', '20', '21', '22'];
    for (const d of days) expect(isWorkingDay(at(`2026-02-${d}T03:00:00Z`))).toBe(false);
    expect(isWorkingDay(at('2026-02-13T03:00:00Z'))).toBe(true);
    expect(isWorkingDay(at('2026-02-23T03:00:00Z'))).toBe(true);
  });

  it('marks 2027 Tết as provisional until the government decides', () => {
    expect(holidaysIn(2027).filter((h) => h.name === 'tet').every((h) => h.provisional)).toBe(true);
    expect(holidaysIn(2026).some((h) => h.provisional)).toBe(false);
  });
});
