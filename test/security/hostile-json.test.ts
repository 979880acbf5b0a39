import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, it } from "vitest";
import { api, createWorkspace, uploadAsset, withKey } from "../support/helpers";
import { deepJson, hostileQuery, hostileString, RUNS, statusTally } from "../support/hostile-arbitraries";
import { pngUpload, startUpload } from "../support/ingest-helpers";

/** JSON bodies with the routes' own field names holding hostile values, plus arbitrary and deep JSON. */
function hostileBody(fields: string[]) {
  const value = fc.oneof(hostileString, fc.integer(), fc.double(), fc.constant(null), fc.array(hostileString));
  return fc.oneof(
    fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] }).map(JSON.stringify),
    fc.json({ maxDepth: 5 }),
    deepJson,
    hostileString,
  );
}

async function send(key: string, path: string, body: string) {
  const response = await api(
    path,
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body }),
  );
  await response.arrayBuffer();
  return response.status;
}

describe("hostile JSON never produces a 5xx", () => {
  it("direct uploads accept or refuse any body", async () => {
    const { key } = await createWorkspace();
    const tally = statusTally();
    const fields = ["file_name", "content_type", "file_size", "type", "provider", "metadata", "expires_at"];
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileBody(fields), fc.constant(JSON.stringify(pngUpload()))), async (body) => {
        tally.record(await send(key, "/api/v1/assets/uploads", body), [201, 400, 413, 415]);
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(201);
  });

  it("imports refuse any body that is not a reachable allowed source", async () => {
    const { key } = await createWorkspace();
    const tally = statusTally();
    // Only local sources: a hostile path on the test file host, never a host outside this machine.
    const localSource = hostileString.map((path) => `${env.TEST_SOURCE_URL}/file/${encodeURIComponent(path)}`);
    const body = fc.oneof(
      hostileBody(["file_name", "content_type", "type", "metadata"]).filter((text) => !text.includes("://")),
      fc.record({ source_url: localSource, type: fc.oneof(fc.constant(undefined), hostileString) }).map(JSON.stringify),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        tally.record(await send(key, "/api/v1/assets/import", text), [201, 400, 413, 415, 502, 504]);
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(201);
  });

  it("batch signing and completion accept or refuse any body", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const pending = (await startUpload(key, pngUpload())).asset;
    const tally = statusTally();
    const ids = fc.array(fc.oneof(fc.constant(asset.id), hostileString), { maxLength: 120 });
    const signing = fc.oneof(hostileBody(["ids", "expires_in", "disposition"]), fc.record({ ids }).map(JSON.stringify));
    await fc.assert(
      fc.asyncProperty(signing, hostileBody(["parts"]), async (signBody, completeBody) => {
        tally.record(await send(key, "/api/v1/assets/signed-urls", signBody), [200, 400]);
        tally.record(await send(key, `/api/v1/assets/${pending.id}/complete`, completeBody), [400, 409]);
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(200);
  });

  it("bulk delete refuses or applies any query, within the caller's workspace", async () => {
    const { key } = await createWorkspace();
    const tally = statusTally();
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (query) => {
        const response = await api(`/api/v1/assets?${query}`, withKey(key, { method: "DELETE" }));
        await response.arrayBuffer();
        tally.record(response.status, [200, 400]);
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(200);
  });
});
