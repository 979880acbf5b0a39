import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, uploadRequest, withKey } from "../support/helpers";
import { hostileString, RUNS, statusTally } from "../support/hostile-arbitraries";
import { owedDeletionsUnder } from "../support/ingest-helpers";

const CONTROL = ["\r\n", "\n", "\r", "\u0000", "\u0007", "\u007f", "\u0085"];
const withControl = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => `${a}${c}${b}`);

function directUpload(key: string, body: Record<string, unknown>) {
  return api(
    "/api/v1/assets/uploads",
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

describe("header material with control characters is a 400 naming the field, on every way in", () => {
  it("direct uploads: content_type and file_name, leaving no row behind", async () => {
    const { key, workspaceId } = await createWorkspace();
    await fc.assert(
      fc.asyncProperty(withControl, fc.constantFrom("content_type", "file_name"), async (bad, field) => {
        const body = { file_name: "a.png", content_type: "image/png", file_size: 10, [field]: bad };
        const response = await directUpload(key, body);
        expect(response.status).toBe(400);
        expect((await json(response)).error.details).toEqual({ [field]: "must not contain control characters" });
      }),
      { numRuns: RUNS },
    );
    expect((await json(await api("/api/v1/assets", withKey(key)))).meta.total).toBe(0);
    expect(await owedDeletionsUnder(workspaceId)).toEqual([]);
  });

  it("form uploads: the file_name field", async () => {
    const { key } = await createWorkspace();
    await fc.assert(
      fc.asyncProperty(withControl, async (bad) => {
        const response = await uploadRequest(key, { fields: { file_name: bad } });
        expect(response.status).toBe(400);
        expect((await json(response)).error.details).toEqual({ file_name: "must not contain control characters" });
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it("any content type a client declares is stored strictly or refused with 400 or 415, never 5xx", async () => {
    const { key } = await createWorkspace();
    const tally = statusTally();
    const declared = fc.oneof(hostileString, withControl, fc.constantFrom("image/png", "IMAGE/WEBP", "video/mp4"));
    await fc.assert(
      fc.asyncProperty(declared, async (contentType) => {
        const response = await directUpload(key, { file_name: "a.bin", content_type: contentType, file_size: 10 });
        tally.record(response.status, [201, 400, 415]);
        const body = await json(response);
        if (response.status === 201) {
          expect(body.data.asset.content_type).toMatch(/^(audio|image|video)\/[a-z0-9][a-z0-9!#$&^_.+-]*$/);
          expect(body.data.asset.content_type).toBe(contentType.trim().toLowerCase());
        }
      }),
      { numRuns: RUNS },
    );
    tally.expectBoth(201);
  });
});

describe("file names lose invisible format characters", () => {
  it.each([
    ["right-to-left override", "invoice\u202Egnp.exe", "invoicegnp.exe"],
    ["zero-width space and joiner", "a\u200Bb\u200Dc.png", "abc.png"],
    ["byte-order mark", "\uFEFFphoto.png", "photo.png"],
    ["line separator", "a\u2028b.png", "ab.png"],
  ])("drops a %s", async (_label, given, stored) => {
    const { key } = await createWorkspace();
    const response = await uploadRequest(key, { fields: { file_name: given } });
    expect(response.status).toBe(201);
    expect((await json(response)).data.file_name).toBe(stored);
  });
});
