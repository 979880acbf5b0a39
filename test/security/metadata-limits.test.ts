import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_METADATA_DEPTH, MAX_METADATA_KEYS, metadataShapeProblem } from "../../src/assets/metadata-shape";
import { api, createWorkspace, json, uploadRequest, withKey } from "../support/helpers";
import { RUNS } from "../support/hostile-arbitraries";
import { sourceUrl } from "../support/ingest-helpers";
import { asSignedIn, page } from "../support/ui-helpers";

const nested = (depth: number): unknown => {
  let value: unknown = {};
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
};

describe("metadata depth and key count are bounded", () => {
  it("accepts the deepest allowed metadata and shows it on the asset's page", async () => {
    const { key } = await createWorkspace();
    const response = await uploadRequest(key, { fields: { metadata: JSON.stringify(nested(MAX_METADATA_DEPTH)) } });
    expect(response.status).toBe(201);
    const asset = (await json(response)).data;
    const shown = await page(`/ui/assets/${asset.id}`, asSignedIn(key));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("&quot;a&quot;");
  });

  it.each([
    ["one level too deep", JSON.stringify(nested(MAX_METADATA_DEPTH + 1))],
    ["6,000 levels deep", JSON.stringify(nested(6000))],
    ["6,000 levels of arrays", `{"a":${"[".repeat(6000)}${"]".repeat(6000)}}`],
    [
      "one key too many",
      JSON.stringify(Object.fromEntries(Array.from({ length: MAX_METADATA_KEYS + 1 }, (_, i) => [`k${i}`, 1]))),
    ],
  ])("refuses metadata %s with 400 naming metadata, on the form and import ways in", async (_label, text) => {
    const { key } = await createWorkspace();
    const form = await uploadRequest(key, { fields: { metadata: text } });
    expect(form.status).toBe(400);
    expect((await json(form)).error.details).toEqual({ metadata: expect.any(String) });
    // Written as text: the test's own JSON.stringify would run out of stack on the deep values.
    const body = `{"source_url":${JSON.stringify(sourceUrl("/file/a.png?size=64"))},"metadata":${text}}`;
    const imported = await api(
      "/api/v1/assets/import",
      withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body }),
    );
    expect(imported.status).toBe(400);
    expect((await json(imported)).error.details).toEqual({ metadata: expect.any(String) });
  });

  it("measures any JSON value without recursion and refuses exactly what exceeds a limit", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 24 }), (value) => {
        const problem = metadataShapeProblem(value);
        let deepest = 0;
        let keys = 0;
        const walk = (node: unknown, depth: number) => {
          if (node === null || typeof node !== "object") return;
          deepest = Math.max(deepest, depth);
          if (!Array.isArray(node)) keys += Object.keys(node).length;
          for (const child of Object.values(node)) walk(child, depth + 1);
        };
        walk(value, 1);
        expect(problem === null).toBe(deepest <= MAX_METADATA_DEPTH && keys <= MAX_METADATA_KEYS);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
