import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { api, bucketKeys, createWorkspace, json, withKey } from "../support/helpers";
import { expectOnlyHeldKeys, importFrom, sourceUrl } from "../support/ingest-helpers";

const LIMIT = Number(env.MAX_UPLOAD_BYTES);

describe("POST /api/v1/assets/import refusals and failures", () => {
  it.each([404, 500])("answers 502 with the source's status %i and stores nothing", async (status) => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl(`/status/${status}`) });
    expect(response.status).toBe(502);
    expect((await json(response)).error).toMatchObject({
      code: "bad_gateway",
      details: { source_status: status, source_url: sourceUrl(`/status/${status}`) },
    });
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it.each(["/file/empty.png?size=0", "/chunked/empty.png?size=0"])(
    "answers 400 for an empty source %s, as for every empty file",
    async (path) => {
      const { key, workspaceId } = await createWorkspace();
      const response = await importFrom(key, { source_url: sourceUrl(path) });
      expect(response.status).toBe(400);
      expect((await json(response)).error.details).toEqual({ source_url: "has no bytes; a file needs at least one" });
      expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
    },
  );

  it("answers 502 when the source cannot be reached", async () => {
    const { key } = await createWorkspace();
    const response = await importFrom(key, { source_url: "http://127.0.0.1:9/file.png" });
    expect(response.status).toBe(502);
    expect((await json(response)).error.details).toHaveProperty("source_url");
  });

  it("answers 413 for a source declaring more than MAX_UPLOAD_BYTES, before storing anything", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl(`/file/big.png?size=${LIMIT + 1}`) });
    expect(response.status).toBe(413);
    expect((await json(response)).error).toMatchObject({
      code: "payload_too_large",
      details: { source_url: expect.any(String) },
    });
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
    expect((await json(await api("/api/v1/assets", withKey(key)))).meta.total).toBe(0);
  });

  it("stops a source without Content-Length at MAX_UPLOAD_BYTES, cleans up and answers 413", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl(`/chunked/big.png?size=${LIMIT * 2}`) });
    expect(response.status).toBe(413);
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
    expect((await json(await api("/api/v1/assets", withKey(key)))).meta.total).toBe(0);
    // Parts were already stored: the upload was aborted and storage confirmed it. The key stays
    // watched only in case a write still in flight lands late.
    await expectOnlyHeldKeys(workspaceId);
  });

  it("gives up on a slow source after IMPORT_TIMEOUT_MS with 504", async () => {
    const { key, workspaceId } = await createWorkspace();
    const started = Date.now();
    const response = await importFrom(key, { source_url: sourceUrl("/slow/clip.mp4") });
    expect(response.status).toBe(504);
    expect((await json(response)).error.code).toBe("gateway_timeout");
    expect(Date.now() - started).toBeLessThan(Number(env.IMPORT_TIMEOUT_MS) + 3000);
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it("answers 415 for a source that is not an allowed media type, storing nothing", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl("/file/notes.txt?size=100&type=text/plain") });
    expect(response.status).toBe(415);
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it.each([
    [{ source_url: "not a url" }, "source_url"],
    [{ source_url: "ftp://example.com/a.png" }, "source_url"],
    [{ source_url: sourceUrl("/file/a.png"), type: "sculpture" }, "type"],
  ])("answers 400 for %j", async (body, field) => {
    const { key } = await createWorkspace();
    const response = await importFrom(key, body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty(field);
  });

  it("only fetches https sources unless ALLOW_HTTP_IMPORTS is on", async () => {
    const { key } = await createWorkspace();
    const request = new Request("http://assets.test/api/v1/assets/import", {
      method: "POST",
      headers: { "X-API-Key": key, "Content-Type": "application/json" },
      body: JSON.stringify({ source_url: sourceUrl("/file/a.png") }),
    });
    const response = await worker.fetch(request, { ...env, ALLOW_HTTP_IMPORTS: "false" }, createExecutionContext());
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toEqual({ source_url: "must be an https URL" });
  });
});
