const SIZE_UNITS = ["KB", "MB", "GB", "TB"];

/** Decimal units, as file managers show them: 1 KB = 1000 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${SIZE_UNITS[unit]}`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
];

/** "just now", "5 minutes ago", "yesterday"; past a month, the date itself. */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  let amount = (date.getTime() - now) / 1000;
  if (Math.abs(amount) < 10) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return absolute.format(date);
}

/** "2026-11-29 04:30:00 UTC": unambiguous for people in any time zone. */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}
