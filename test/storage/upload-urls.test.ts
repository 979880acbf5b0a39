import { describe, expect, it } from "vitest";
import { createWorkspace, json, objectUrl, PNG_BYTES, s3 } from "../support/helpers";
import { complete, downloadBytes, pngUpload, putToStorage, startUpload } from "../support/ingest-helpers";

/** The PNG with its last byte changed: the same size and type, other content. */
const OTHER_PNG = PNG_BYTES.map((byte, index) => (index === PNG_BYTES.byteLength - 1 ? byte ^ 0xff : byte));

describe("presigned upload URLs cannot outlive their purpose", () => {
  it("refuse a replay once the asset is complete (412 from storage), keeping the stored bytes", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    expect((await complete(key, asset.id)).status).toBe(200);

    const replay = await putToStorage(upload.url, OTHER_PNG, upload.headers);
    expect(replay.status).toBe(412);
    expect(await replay.text()).toContain("<Code>PreconditionFailed</Code>");
    expect(await downloadBytes(key, asset.id)).toEqual(PNG_BYTES);
  });

  it("refuse a body of another size or another content type (403 signature mismatch)", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    const { "Content-Length": _declared, ...sent } = upload.headers;

    const larger = await putToStorage(upload.url, new Uint8Array(5000), sent);
    expect(larger.status).toBe(403);
    expect(await larger.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    const otherType = await putToStorage(upload.url, PNG_BYTES, { ...sent, "Content-Type": "text/html" });
    expect(otherType.status).toBe(403);
    const unconditional = await putToStorage(upload.url, PNG_BYTES, { "Content-Type": "image/png" });
    expect(unconditional.status).toBe(403);
    // Nothing was stored, and the URL still works for the declared file.
    expect((await s3.fetch(objectUrl(asset.storage_key), { method: "HEAD" })).status).toBe(404);
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
  });

  it("still have complete check the stored size, should anything else have written the key", async () => {
    const { key } = await createWorkspace();
    const { asset } = await startUpload(key, pngUpload());
    const written = await s3.fetch(objectUrl(asset.storage_key), {
      method: "PUT",
      body: PNG_BYTES.subarray(0, 10),
      headers: { "Content-Type": "image/png" },
    });
    expect(written.status).toBe(200);
    const response = await complete(key, asset.id);
    expect(response.status).toBe(409);
    expect((await json(response)).error.details).toEqual({
      file_size: `declared ${PNG_BYTES.byteLength} bytes; storage holds 10`,
    });
  });
});
