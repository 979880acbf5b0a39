import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentDisposition } from "../../src/storage/content-disposition";
import { ADMIN_TOKEN, api, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { deepJson, hostileQuery, hostileString, RUNS, statusTally } from "../support/hostile-arbitraries";

describe("hostile input never produces a 5xx", () => {
  it("listing accepts or refuses any query string", async () => {
    const { key } = await createWorkspace();
    const tally = statusTally();
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (query) => {
        const response = await api(`/api/v1/assets?${query}`, withKey(key));
        tally.record(response.status, [200, 400]);
        if (response.status === 400)
          expect(Object.keys((await json(response)).error.details).length).toBeGreaterThan(0);
        else await response.arrayBuffer();
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(200);
  });

  it("asset routes accept or refuse any path parameter and signing query", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const tally = statusTally();
    await fc.assert(
      fc.asyncProperty(hostileString, hostileQuery, async (id, query) => {
        const path = `/api/v1/assets/${encodeURIComponent(id)}`;
        const reads = await Promise.all([
          api(path, withKey(key)),
          api(`${path}/signed-url?${query}`, withKey(key)),
          api(`/api/v1/assets/${asset.id}/signed-url?${query}`, withKey(key)),
        ]);
        for (const response of reads) {
          tally.record(response.status, [200, 400, 404]);
          await response.arrayBuffer();
        }
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(200);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
  });

  it("uploads store safe names and keys or refuse with a 4xx", async () => {
    const { key, workspaceId } = await createWorkspace();
    const field = fc.option(hostileString, { nil: undefined });
    const tally = statusTally();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: fc.option(fc.oneof(fc.constantFrom("image", "audio", "video"), hostileString), { nil: undefined }),
          provider: field,
          execution_id: field,
          agent_id: field,
          file_name: field,
          metadata: fc.option(fc.oneof(hostileString, deepJson, fc.json({ maxDepth: 6 })), { nil: undefined }),
        }),
        fc.constantFrom("image/png", "text/html", "", "image/png; charset=<script>", "audio/wav"),
        async (fields, contentType) => {
          const form = new FormData();
          form.append("file", new File([new Uint8Array([1, 2, 3])], "upload.png", { type: contentType }));
          for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
          const response = await api("/api/v1/assets", withKey(key, { method: "POST", body: form }));
          tally.record(response.status, [201, 400, 413, 415]);
          const body = await json(response);
          if (response.status !== 201) return;
          // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
          expect(body.data.file_name).not.toMatch(/[\u0000-\u001f\u007f/\\]/);
          expect(body.data.storage_key).toMatch(new RegExp(`^${workspaceId}/${body.data.id}/[A-Za-z0-9._-]+$`));
        },
      ),
      { numRuns: RUNS },
    );
    tally.expectBoth(201);
  });

  it("key administration accepts or refuses any JSON body", async () => {
    const tally = statusTally();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 4 }), hostileString, deepJson), async (body) => {
        const response = await api("/api/v1/admin/api-keys", {
          method: "POST",
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
          body,
        });
        tally.record(response.status, [201, 400]);
        await response.arrayBuffer();
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(201);
  });
});

describe("Content-Disposition from any file name", () => {
  it("is one printable ASCII header value that round-trips the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (fileName) => {
        const header = contentDisposition("attachment", fileName);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%._~-]*)?$/);
        const extended = /filename\*=UTF-8''(.*)$/.exec(header)?.[1];
        const quoted = /filename="([^"]*)"/.exec(header)?.[1];
        expect(extended !== undefined ? decodeURIComponent(extended) : quoted).toBe(fileName.toWellFormed());
      }),
      { numRuns: 1000 },
    );
  });
});
