import { describe, expect, it } from "vitest";
import { MAX_PROMPT_BYTES } from "../../src/contract/fields";
import { createWorkspace, json, uploadRequest } from "../support/helpers";
import { importFrom, pngUpload, postJson, sourceUrl } from "../support/ingest-helpers";

// MAX_METADATA_BYTES as vitest.config.ts leaves it: the default.
const MAX_CONFIG_BYTES = 65_536;
const tooLongModel = "m".repeat(201);
// Multi-byte characters: the prompt limit counts bytes of UTF-8, not characters.
const tooLongPrompt = "é".repeat(MAX_PROMPT_BYTES / 2 + 1);
const tooBigConfig = { blob: "x".repeat(MAX_CONFIG_BYTES) };

const ways = {
  "direct upload": (key: string, fields: Record<string, unknown>) =>
    postJson(key, "/api/v1/assets/uploads", pngUpload(fields)),
  import: (key: string, fields: Record<string, unknown>) =>
    importFrom(key, { source_url: sourceUrl("/file/render.png?size=512"), ...fields }),
  "form upload": (key: string, fields: Record<string, unknown>) =>
    uploadRequest(key, {
      fields: Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          typeof value === "string" ? value : JSON.stringify(value),
        ]),
      ),
    }),
};

describe.each(Object.entries(ways))("model, prompt and config through the %s", (_way, send) => {
  it("stores them as given", async () => {
    const { key } = await createWorkspace();
    const fields = { model: "flux-pro", prompt: "é".repeat(MAX_PROMPT_BYTES / 2), config: { seed: 3, lora: ["a"] } };
    const response = await send(key, fields);
    expect(response.status).toBe(201);
    const { data } = await json(response);
    // A direct upload answers the pending asset with its upload instructions.
    expect(data.asset ?? data).toMatchObject(fields);
  });

  it.each([
    ["a model over 200 characters", { model: tooLongModel }, "model", 400],
    ["a prompt over 32 KiB of UTF-8", { prompt: tooLongPrompt }, "prompt", 400],
    ["a config that is not an object", { config: [1, 2] }, "config", 400],
    ["a config over MAX_METADATA_BYTES", { config: tooBigConfig }, "config", 413],
  ])("refuses %s, naming the field", async (_label, fields, field, status) => {
    const { key } = await createWorkspace();
    const response = await send(key, fields);
    expect(response.status).toBe(status);
    expect((await json(response)).error.details).toHaveProperty([field]);
  });
});

describe("config in the form", () => {
  it("must be JSON", async () => {
    const { key } = await createWorkspace();
    const response = await uploadRequest(key, { fields: { config: "{seed: 1" } });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toEqual({ config: "must be valid JSON" });
  });
});
