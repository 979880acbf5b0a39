import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { bucketKeys, createWorkspace, json } from "../support/helpers";
import { importFrom, sourceUrl } from "../support/ingest-helpers";

// The test source listens on 127.0.0.1, which vitest.config.ts lists in IMPORT_ALLOWED_HOSTS; every
// other spelling of that address, and every other inward host, must still be refused.
const port = new URL(env.TEST_SOURCE_URL).port;
const FILE = "/file/a.png?size=64";

const inwardSources: [string, string][] = [
  ["decimal IPv4", `http://2130706433:${port}${FILE}`],
  ["octal IPv4", `http://0177.0.0.1:${port}${FILE}`],
  ["hex IPv4", `http://0x7f.0.0.1:${port}${FILE}`],
  ["hex IPv4 as one number", `http://0x7f000001:${port}${FILE}`],
  ["dotted-partial IPv4", `http://127.1:${port}${FILE}`],
  ["percent-encoded IPv4", `http://127.0.0.%31:${port}${FILE}`],
  ["0.0.0.0", `http://0.0.0.0:${port}${FILE}`],
  ["link-local metadata address", "http://169.254.169.254/latest/meta-data/"],
  ["private IPv4", "http://10.0.0.1/a.png"],
  ["IPv6 loopback", `http://[::1]:${port}${FILE}`],
  ["IPv4-mapped IPv6", `http://[::ffff:127.0.0.1]:${port}${FILE}`],
  ["IPv4-mapped IPv6 in hex", `http://[::ffff:7f00:1]:${port}${FILE}`],
  ["localhost", `http://localhost:${port}${FILE}`],
  ["localhost with a trailing dot, upper case", `http://LOCALHOST.:${port}${FILE}`],
  ["a .localhost name", `http://api.localhost:${port}${FILE}`],
  ["a .local name", "http://printer.local/a.png"],
  ["an .internal name", "http://metadata.google.internal/computeMetadata/v1/"],
  ["a single-label name", "http://intranet/a.png"],
  ["userinfo", "https://user:secret@example.com/a.png"],
  ["userinfo hiding the real host", `http://example.com@127.0.0.1:${port}${FILE}`],
  ["an allowed host with userinfo", `http://user@127.0.0.1:${port}${FILE}`],
];

describe("imports cannot be aimed inward", () => {
  it.each(inwardSources)("refuses a %s source with 400 naming source_url, storing nothing", async (_form, url) => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: url });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({
      code: "invalid_request",
      details: { source_url: expect.any(String) },
    });
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it.each(inwardSources)("refuses a redirect to a %s with 502, storing nothing", async (_form, url) => {
    const { key, workspaceId } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl(`/redirect?to=${encodeURIComponent(url)}`) });
    expect(response.status).toBe(502);
    const { error } = await json(response);
    expect(error.details.source_url).toMatch(/^redirected to a URL that /);
    // The refused target is not echoed back.
    expect(JSON.stringify(error)).not.toContain(url);
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it("answers a redirect to an unparsable URL with 502", async () => {
    const { key } = await createWorkspace();
    const response = await importFrom(key, {
      source_url: sourceUrl(`/redirect?to=${encodeURIComponent("http://[::1")}`),
    });
    expect(response.status).toBe(502);
    expect((await json(response)).error.details).toEqual({ source_url: "redirected to an invalid URL" });
  });

  it("follows at most 5 redirects itself", async () => {
    const { key } = await createWorkspace();
    let url = sourceUrl(FILE);
    for (let hop = 0; hop < 6; hop++) url = sourceUrl(`/redirect?to=${encodeURIComponent(url)}`);
    const tooMany = await importFrom(key, { source_url: url });
    expect(tooMany.status).toBe(502);
    expect((await json(tooMany)).error.message).toMatch(/redirected too many times/);
    const five = await importFrom(key, { source_url: new URL(url).searchParams.get("to") });
    expect(five.status).toBe(201);
  });

  it("answers a closed port, a connection reset and an unknown name alike", async () => {
    const { key } = await createWorkspace();
    const faults = env.TEST_FAULT_ENDPOINTS;
    const answers = await Promise.all(
      [`${faults.down}/a.png`, `${faults.reset}/a.png`, "http://no-such-host.invalid/a.png"].map(async (url) => {
        const response = await importFrom(key, { source_url: url });
        return { status: response.status, body: await json(response) };
      }),
    );
    expect(answers[0]).toEqual({
      status: 502,
      body: {
        error: {
          code: "bad_gateway",
          message: "The source could not be read.",
          details: { source_url: "could not be fetched" },
        },
      },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe("an import's content type is the source's, strictly", () => {
  it("refuses a source whose Content-Type is a list, naming source_url", async () => {
    const { key, workspaceId } = await createWorkspace();
    const type = encodeURIComponent("image/png, text/html");
    const response = await importFrom(key, { source_url: sourceUrl(`/file/a.png?size=64&type=${type}`) });
    expect(response.status).toBe(415);
    expect((await json(response)).error.details).toEqual({ source_url: expect.any(String) });
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
  });

  it("refuses a declared type that disagrees with the source's, and stores the source's when it agrees", async () => {
    const { key } = await createWorkspace();
    const source = sourceUrl("/file/a.png?size=64&type=image/png");
    const disagree = await importFrom(key, { source_url: source, content_type: "image/gif" });
    expect(disagree.status).toBe(415);
    expect((await json(disagree)).error.details).toEqual({ content_type: expect.stringContaining("image/png") });
    const agree = await importFrom(key, { source_url: source, content_type: "IMAGE/PNG" });
    expect(agree.status).toBe(201);
    expect((await json(agree)).data.content_type).toBe("image/png");
  });

  it.each(["image/png\r\nX-Injected: 1", "image/png\n", "image/png\u0000"])(
    "answers a declared content_type %j with 400 at once, without fetching",
    async (contentType) => {
      const { key } = await createWorkspace();
      const started = Date.now();
      const response = await importFrom(key, { source_url: sourceUrl("/slow/clip.mp4"), content_type: contentType });
      expect(response.status).toBe(400);
      expect((await json(response)).error.details).toEqual({ content_type: "must not contain control characters" });
      expect(Date.now() - started).toBeLessThan(Number(env.IMPORT_TIMEOUT_MS));
    },
  );

  it("answers a file_name with control characters with 400", async () => {
    const { key } = await createWorkspace();
    const response = await importFrom(key, { source_url: sourceUrl(FILE), file_name: "a\r\n.png" });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toEqual({ file_name: "must not contain control characters" });
  });
});
