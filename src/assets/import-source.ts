import type { Config } from "../config";
import { ApiError } from "../errors";

const MAX_REDIRECTS = 5;

export interface ImportSource {
  response: Response;
  body: ReadableStream<Uint8Array>;
  /** Where the bytes finally came from, after redirects. */
  url: URL;
  /** Declared by the source; null when it streams without a Content-Length. */
  length: number | null;
}

function assertScheme(config: Config, url: URL) {
  const allowed = url.protocol === "https:" || (url.protocol === "http:" && config.ALLOW_HTTP_IMPORTS);
  if (!allowed) {
    throw new ApiError("invalid_request", "Imports are only fetched over https.", {
      source_url: config.ALLOW_HTTP_IMPORTS ? "must be an http or https URL" : "must be an https URL",
    });
  }
}

/** Turns a failure while talking to the source into 502, or 504 once the import deadline passed. */
export function sourceFailure(error: unknown, deadline: AbortSignal): ApiError {
  if (error instanceof ApiError) return error;
  if (deadline.aborted) {
    return new ApiError("gateway_timeout", "The source was too slow: the import ran out of time.", {
      source_url: "did not finish sending within the import time limit",
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError("bad_gateway", "The source could not be read.", { source_url: reason });
}

/**
 * Requests the source, following redirects by hand so each hop must pass the scheme rule too.
 * Only a 2xx answer with a body is returned; anything else becomes a 502 naming its status.
 */
export async function openSource(config: Config, sourceUrl: string, deadline: AbortSignal): Promise<ImportSource> {
  let url = new URL(sourceUrl);
  for (let hop = 0; ; hop++) {
    assertScheme(config, url);
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", signal: deadline });
    } catch (error) {
      throw sourceFailure(error, deadline);
    }
    const location = response.headers.get("Location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) {
        throw new ApiError("bad_gateway", "The source redirected too many times.", { source_url: url.toString() });
      }
      url = new URL(location, url);
      continue;
    }
    const body = response.body;
    if (!response.ok || !body) {
      await body?.cancel();
      throw new ApiError("bad_gateway", `The source answered ${response.status}.`, {
        source_status: response.status,
        source_url: url.toString(),
      });
    }
    const declared = response.headers.get("Content-Length");
    // fetch decodes compressed bodies, so a Content-Length then counts bytes we never see.
    const encoded = (response.headers.get("Content-Encoding") ?? "identity") !== "identity";
    const length = declared !== null && /^\d+$/.test(declared) && !encoded ? Number(declared) : null;
    return { response, body, url, length };
  }
}

/** The file name a source suggests: its Content-Disposition, else the last segment of its URL. */
export function sourceFileName(source: ImportSource): string {
  const disposition = source.response.headers.get("Content-Disposition") ?? "";
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  const segment = source.url.pathname.split("/").filter(Boolean).pop();
  for (const candidate of [extended, plain, segment]) {
    if (!candidate) continue;
    try {
      return decodeURIComponent(candidate);
    } catch {
      return candidate;
    }
  }
  return "file";
}
