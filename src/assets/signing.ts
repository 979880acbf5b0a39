import { type Config, MAX_SIGNED_URL_SECONDS } from "../config";
import type { AssetRow } from "../db/schema";
import type { Storage } from "../storage/s3";
import { downloadHeaders } from "./download-headers";
import { assertSignable } from "./status";

export type Disposition = "inline" | "attachment";

export interface SignRequest {
  /** Seconds the URL must stay valid; SIGNED_URL_TTL when omitted. */
  expiresIn?: number;
  disposition?: Disposition;
  /** The request time, in milliseconds since the epoch. */
  now: number;
}

export interface SignedUrl {
  url: string;
  /** The URL is valid at least until then: the request's second plus `expires_in`. */
  expires_at: string;
  expires_in: number;
}

export interface SigningWindow {
  /** X-Amz-Date: the request time rounded down to the window. */
  signedAt: Date;
  /** X-Amz-Expires: the lifetime asked for plus the window (at most a tenth of it). */
  lifetime: number;
  expiresIn: number;
  expiresAt: Date;
  /** Seconds during which signing again would give the byte-identical URL. */
  reusableFor: number;
}

/**
 * Cache-friendly signing. Every request in the same window signs at the window's start for the lifetime
 * plus the window, so repeated requests get the byte-identical URL (browsers and CDNs keep their cached
 * copy) while each URL stays valid for at least the lifetime asked for, counted from its own request.
 * Windows are aligned to the epoch, so every isolate everywhere agrees on them. The window is at most a
 * tenth of the lifetime, so a URL never lives more than 10% longer than asked (`expires_in=1`: no window).
 */
export function signingWindow(config: Config, expiresIn: number, now: number): SigningWindow {
  const requestSecond = Math.floor(now / 1000);
  // The stretch must stay under storage's seven-day limit; very long lifetimes get a shorter window.
  const window = Math.max(
    0,
    Math.min(config.SIGNED_URL_WINDOW, Math.floor(expiresIn / 10), MAX_SIGNED_URL_SECONDS - expiresIn),
  );
  const start = window > 0 ? requestSecond - (requestSecond % window) : requestSecond;
  return {
    signedAt: new Date(start * 1000),
    lifetime: expiresIn + window,
    expiresIn,
    expiresAt: new Date((requestSecond + expiresIn) * 1000),
    reusableFor: window > 0 ? Math.floor(((start + window) * 1000 - now) / 1000) : 0,
  };
}

/**
 * Caches may keep a signing answer only while a fresh request would return the same URL, so a cached
 * URL is never closer to its expiry than a new one, and never outlives it.
 */
export function signingCacheControl(config: Config, expiresIn: number | undefined, now: number): string {
  if (config.SIGNED_URL_WINDOW === 0) return "no-store";
  const { reusableFor } = signingWindow(config, expiresIn ?? config.SIGNED_URL_TTL, now);
  return `private, max-age=${reusableFor}`;
}

/** The one place every signed download URL comes from: single, batch, listing and RPC. */
export async function signAsset(
  storage: Storage,
  config: Config,
  row: AssetRow,
  request: SignRequest,
): Promise<SignedUrl> {
  assertSignable(row);
  const window = signingWindow(config, request.expiresIn ?? config.SIGNED_URL_TTL, request.now);
  const headers = downloadHeaders(row.contentType, request.disposition);
  const url = await storage.presignGet(row.storageKey, {
    expiresIn: window.lifetime,
    disposition: headers.disposition,
    contentType: headers.contentType,
    fileName: row.fileName,
    now: window.signedAt,
  });
  return { url, expires_at: window.expiresAt.toISOString(), expires_in: window.expiresIn };
}
