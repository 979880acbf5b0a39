import KSUID from "ksuid";

const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function newId(now = Date.now()): string {
  return KSUID.randomSync(now).string;
}

export function isKsuid(value: string): boolean {
  return KSUID_PATTERN.test(value) && value <= "aWgEPTl1tmebfsQzFP4bxwgy80V";
}

/**
 * The smallest KSUID of the second that contains `date`. KSUIDs sort by creation second,
 * so date filters become id ranges and stay on the same index as the newest-first order.
 */
export function lowestIdAt(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000) - KSUID_EPOCH_SECONDS;
  const clamped = Math.min(Math.max(seconds, 0), 0xffffffff);
  const raw = new Uint8Array(20);
  new DataView(raw.buffer).setUint32(0, clamped);
  return new KSUID(Buffer.from(raw)).string;
}
