import KSUID from "ksuid";

const KSUID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function newId(now = Date.now()): string {
  return KSUID.randomSync(now).string;
}

export function isKsuid(value: string): boolean {
  return KSUID_PATTERN.test(value) && value <= "aWgEPTl1tmebfsQzFP4bxwgy80V";
}
