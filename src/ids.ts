import KSUID from "ksuid";

const KSUID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function newId(now = Date.now()): string {
  return KSUID.randomSync(now).string;
}

export function isKsuid(value: string): boolean {
  return KSUID_PATTERN.test(value) && value <= "aWgEPTl1tmebfsQzFP4bxwgy80V";
}

/** When a KSUID was made, to the second; null for anything that is not one. */
export function idCreatedAt(id: string): Date | null {
  if (!isKsuid(id)) return null;
  return KSUID.parse(id).date;
}
