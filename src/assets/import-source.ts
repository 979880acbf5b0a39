import type { Config } from "../config";
import { ApiError } from "../errors";
import { assertImportSource, assertRedirectTarget } from "./source-host";

const MAX_REDIRECTS = 5;

export interface ImportSource {
  response: Response;
  body: ReadableStream<Uint8Array>;
  /** Where the bytes finally came from, after redirects. */
  url: URL;
  /** Declared by the source; null when it streams without a Content-Length. */
  length: number | null;
}

/**
 * Turns a failure while talking to the source into 502, or 504 once the import deadline passed.
 * A refused connection, a reset, a DNS failure and a port that speaks something else all get the
 * same answer, so imports cannot be used to map which hosts and ports exist.
 */
export function sourceFailure(error: unknown, deadline: AbortSignal): ApiError {
  if (error instanceof ApiError) return error;
  if (deadline.aborted) {
    return new ApiError("gateway_timeout", "The source was too slow: the import ran out of time.", {
      source_url: "did not finish sending within the import time limit",
    });
  }
  return new ApiError("bad_gateway", "The source could not be read.", { source_url: "could not be fetched" });
}

/**
 * Requests the source, following redirects by hand (at most 5) so each hop must pass the same host
 * rules as the first (source-host.ts).
 * Only a 2xx answer with a body is returned; anything else becomes a 502 naming its status.
 */
export async function openSource(config: Config, sourceUrl: string, deadline: AbortSignal): Promise<ImportSource> {
  let url = assertImportSource(config, sourceUrl);
  for (let hop = 0; ; hop++) {
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
      url = assertRedirectTarget(config, location, url);
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
