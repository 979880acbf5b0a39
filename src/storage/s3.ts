import { AwsClient } from "aws4fetch";
import type { Config } from "../config";
import { ApiError } from "../errors";
import { contentDisposition } from "./content-disposition";
import { QuerySigner, type SignedRequest } from "./query-signer";

export interface ObjectHead {
  size: number;
  contentType: string | null;
}

export interface PresignOptions {
  expiresIn: number;
  disposition?: "inline" | "attachment";
  fileName?: string;
  /** Sent as `response-content-type`, so storage answers with this type whatever the object carries. */
  contentType?: string;
  /** Signing time; tests pass a fixed one so URLs are exact. */
  now?: Date;
}

export class Storage {
  readonly client: AwsClient;
  private readonly signer: QuerySigner;
  // The endpoint is parsed once, not for every URL.
  private readonly host: string;
  private readonly origin: string;
  private readonly bucketPath: string;

  constructor(private readonly config: Config) {
    const credentials = {
      accessKeyId: config.STORAGE_ACCESS_KEY_ID,
      secretAccessKey: config.STORAGE_SECRET_KEY,
      region: config.STORAGE_REGION,
    };
    // aws4fetch retries 5xx and 429 ten times by default; two quick retries absorb a blip
    // without letting one request outlast STORAGE_TIMEOUT_MS.
    this.client = new AwsClient({ ...credentials, service: "s3", retries: 2, initRetryMs: 100 });
    this.signer = new QuerySigner(credentials);
    const endpoint = new URL(config.STORAGE_ENDPOINT);
    const base = endpoint.pathname.replace(/\/+$/, "");
    const pathStyle = config.STORAGE_FORCE_PATH_STYLE;
    this.host = pathStyle ? endpoint.host : `${config.STORAGE_BUCKET}.${endpoint.host}`;
    this.origin = `${endpoint.protocol}//${this.host}`;
    this.bucketPath = pathStyle ? `${base}/${config.STORAGE_BUCKET}` : base;
  }

  /** `{endpoint}/{bucket}/{key}` path style, or `{scheme}://{bucket}.{host}/{key}` virtual-host style. */
  objectUrl(key: string): string {
    return this.origin + this.objectPath(key);
  }

  private objectPath(key: string): string {
    const path = key.split("/").map(encodeURIComponent).join("/");
    if (this.config.STORAGE_FORCE_PATH_STYLE && !path) return this.bucketPath;
    return `${this.bucketPath}/${path}`;
  }

  publicUrl(key: string): string | null {
    return this.config.STORAGE_PUBLIC_URL ? `${this.config.STORAGE_PUBLIC_URL}/${key}` : null;
  }

  async put(key: string, body: ArrayBuffer | Uint8Array | Blob, contentType: string) {
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
    const query: Record<string, string> = {};
    if (options.disposition) {
      query["response-content-disposition"] = contentDisposition(options.disposition, options.fileName ?? "file");
    }
    if (options.contentType) query["response-content-type"] = options.contentType;
    return this.presign(key, query, { method: "GET" }, options);
  }

  /** A presigned request on an object: `query` and the request's headers are part of the signature. */
  presign(
    key: string,
    query: Record<string, string>,
    request: SignedRequest,
    options: { expiresIn: number; now?: Date },
  ): Promise<string> {
    const target = { origin: this.origin, host: this.host, path: this.objectPath(key) };
    const params = { ...query, "X-Amz-Expires": String(options.expiresIn) };
    return this.signer.presign(target, params, amzDate(options.now ?? new Date()), request);
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

// One client per isolate and configuration, so the signing keys are derived once a day.
let cached: { config: Config; storage: Storage } | undefined;

export function storageFor(config: Config): Storage {
  if (cached?.config !== config) cached = { config, storage: new Storage(config) };
  return cached.storage;
}
