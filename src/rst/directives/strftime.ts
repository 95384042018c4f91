/**
 * C `strftime` in the "C" locale, on UTC, for the `date` directive
 * (docutils calls Python's `time.strftime`, which passes the format to C).
 * Unknown conversions are copied through, as glibc does.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

function dayOfYear(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.floor((date.getTime() - start) / 86400000) + 1;
}

/** Week number with weeks starting on `firstDay` (0 Sunday for %U, 1 Monday for %W). */
function weekNumber(date: Date, firstDay: number): number {
  const yday = dayOfYear(date) - 1;
  const wday = (date.getUTCDay() - firstDay + 7) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

/** ISO 8601 week-based year and week (%G, %V). */
function isoWeek(date: Date): [number, number] {
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - day) * 86400000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return [year, week];
}

function conversion(code: string, date: Date): string | undefined {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  switch (code) {
    case 'a': return DAYS[date.getUTCDay()]!.slice(0, 3);
    case 'A': return DAYS[date.getUTCDay()]!;
    case 'b': case 'h': return MONTHS[date.getUTCMonth()]!.slice(0, 3);
    case 'B': return MONTHS[date.getUTCMonth()]!;
    case 'c': return `${conversion('a', date)} ${conversion('b', date)} ${pad(date.getUTCDate(), 2, ' ')} ${conversion('T', date)} ${date.getUTCFullYear()}`;
    case 'C': return pad(Math.floor(date.getUTCFullYear() / 100));
    case 'd': return pad(date.getUTCDate());
    case 'D': case 'x': return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${pad(date.getUTCFullYear() % 100)}`;
    case 'e': return pad(date.getUTCDate(), 2, ' ');
    case 'F': return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case 'G': return String(isoWeek(date)[0]);
    case 'g': return pad(isoWeek(date)[0] % 100);
    case 'H': return pad(hours);
    case 'I': return pad(twelve);
    case 'j': return pad(dayOfYear(date), 3);
    case 'k': return pad(hours, 2, ' ');
    case 'l': return pad(twelve, 2, ' ');
    case 'm': return pad(date.getUTCMonth() + 1);
    case 'M': return pad(date.getUTCMinutes());
    case 'n': return '\n';
    case 'p': return hours < 12 ? 'AM' : 'PM';
    case 'P': return hours < 12 ? 'am' : 'pm';
    case 'r': return `${pad(twelve)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${conversion('p', date)}`;
    case 'R': return `${pad(hours)}:${pad(date.getUTCMinutes())}`;
    case 's': return String(Math.floor(date.getTime() / 1000));
    case 'S': return pad(date.getUTCSeconds());
    case 't': return '\t';
    case 'T': case 'X': return `${pad(hours)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
    case 'u': return String(((date.getUTCDay() + 6) % 7) + 1);
    case 'U': return pad(weekNumber(date, 0));
    case 'V': return pad(isoWeek(date)[1]);
    case 'w': return String(date.getUTCDay());
    case 'W': return pad(weekNumber(date, 1));
    case 'y': return pad(date.getUTCFullYear() % 100);
    case 'Y': return String(date.getUTCFullYear());
    case 'z': return '+0000';
    case 'Z': return 'UTC';
    case '%': return '%';
    default: return undefined;
  }
}

export function strftime(format: string, date: Date): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const code = format[i + 1]!;
    const value = conversion(code, date);
    out += value ?? `%${code}`;
    i++;
  }
  return out;
}
