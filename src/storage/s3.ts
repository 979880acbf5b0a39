import { AwsClient } from "aws4fetch";
import type { Config } from "../config";
import { ApiError } from "../errors";
import { contentDisposition } from "./content-disposition";

export interface ObjectHead {
  size: number;
  contentType: string | null;
}

export interface PresignOptions {
  expiresIn: number;
  disposition?: "inline" | "attachment";
  fileName?: string;
  /** Signing time; tests pass a fixed one so URLs are exact. */
  now?: Date;
}

export class Storage {
  readonly client: AwsClient;

  constructor(private readonly config: Config) {
    this.client = new AwsClient({
      accessKeyId: config.STORAGE_ACCESS_KEY_ID,
      secretAccessKey: config.STORAGE_SECRET_KEY,
      region: config.STORAGE_REGION,
      service: "s3",
      // aws4fetch retries 5xx and 429 ten times by default; two quick retries absorb a blip
      // without letting one request outlast STORAGE_TIMEOUT_MS.
      retries: 2,
      initRetryMs: 100,
    });
  }

  /** `{endpoint}/{bucket}/{key}` path style, or `{scheme}://{bucket}.{host}/{key}` virtual-host style. */
  objectUrl(key: string): string {
    const endpoint = new URL(this.config.STORAGE_ENDPOINT);
    const base = endpoint.pathname.replace(/\/+$/, "");
    const path = key.split("/").map(encodeURIComponent).join("/");
    if (this.config.STORAGE_FORCE_PATH_STYLE) {
      return `${endpoint.origin}${base}/${this.config.STORAGE_BUCKET}${path ? `/${path}` : ""}`;
    }
    return `${endpoint.protocol}//${this.config.STORAGE_BUCKET}.${endpoint.host}${base}/${path}`;
  }

  publicUrl(key: string): string | null {
    return this.config.STORAGE_PUBLIC_URL ? `${this.config.STORAGE_PUBLIC_URL}/${key}` : null;
  }

  async put(key: string, body: ArrayBuffer | Blob, contentType: string) {
    const response = await this.send(this.objectUrl(key), {
      method: "PUT",
      body,
      headers: { "Content-Type": contentType },
    });
    await expectOk(response, "store the file");
  }

  async head(key: string): Promise<ObjectHead | null> {
    const response = await this.send(this.objectUrl(key), { method: "HEAD" });
    if (response.status === 404) return null;
    await expectOk(response, "read the file");
    return {
      size: Number(response.headers.get("Content-Length") ?? 0),
      contentType: response.headers.get("Content-Type"),
    };
  }

  /** S3 deletes are idempotent: a missing object is not an error. */
  async delete(key: string) {
    const response = await this.send(this.objectUrl(key), { method: "DELETE" });
    if (response.status === 404) return;
    await expectOk(response, "delete the file");
  }

  /** Checks that the bucket answers with these credentials. */
  async ping() {
    const response = await this.send(this.objectUrl(""), { method: "HEAD" });
    await expectOk(response, "reach the bucket");
  }

  async presignGet(key: string, options: PresignOptions): Promise<string> {
    const url = new URL(this.objectUrl(key));
    // aws4fetch would default to 86400 s; the lifetime must always be the one asked for.
    url.searchParams.set("X-Amz-Expires", String(options.expiresIn));
    if (options.disposition) {
      url.searchParams.set(
        "response-content-disposition",
        contentDisposition(options.disposition, options.fileName ?? "file"),
      );
    }
    const signed = await this.client.sign(url.toString(), {
      method: "GET",
      aws: { signQuery: true, datetime: amzDate(options.now ?? new Date()) },
    });
    return signed.url;
  }

  /** Signs and sends one request; streamed bodies pass a signal that lasts as long as their source. */
  async send(
    url: string,
    init: RequestInit,
    signal = AbortSignal.timeout(this.config.STORAGE_TIMEOUT_MS),
  ): Promise<Response> {
    try {
      return await this.client.fetch(url, { ...init, signal });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError("storage_unavailable", "Storage is unreachable.", { reason });
    }
  }
}

export async function expectOk(response: Response, action: string) {
  if (response.ok) return;
  const body = await response.text().catch(() => "");
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  throw new ApiError("storage_unavailable", `Storage could not ${action}.`, {
    status: response.status,
    ...(code ? { storage_code: code } : {}),
  });
}

export function amzDate(date: Date): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, "");
}

// One client per isolate and configuration, so aws4fetch's signing-key cache is reused.
let cached: { config: Config; storage: Storage } | undefined;

export function storageFor(config: Config): Storage {
  if (cached?.config !== config) cached = { config, storage: new Storage(config) };
  return cached.storage;
}
