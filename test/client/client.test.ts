import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { FetchLike } from "../../src/client";
import { encodeCursor } from "../../src/db/list-cursor";
import { clientFor, failure, recording, unreachableStorage } from "../support/client-helpers";
import { createWorkspace, newestFirst, PNG_BYTES, uploadAsset } from "../support/helpers";
import { putToStorage, sourceUrl } from "../support/ingest-helpers";
import { sourceBytes } from "../support/source-bytes";
import { expectDownload, signedLifetime, stretched } from "../support/url-helpers";

describe("the typed client against the running Worker", () => {
  it("uploads straight to storage with createUpload and completeUpload, and imports from a URL", async () => {
    const { key } = await createWorkspace();
    const { assets } = clientFor(key);
    const { asset, upload } = await assets.createUpload({
      file_name: "direct.png",
      content_type: "image/png",
      file_size: PNG_BYTES.byteLength,
    });
    expect(asset.status).toBe("pending");
    if (upload.strategy !== "single") throw new Error(`expected a single PUT, got ${upload.strategy}`);
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    const ready = await assets.completeUpload(asset.id);
    expect(ready).toMatchObject({ id: asset.id, status: "ready", file_size: PNG_BYTES.byteLength });
    await expectDownload((await assets.getSignedUrl(asset.id)).url);

    const imported = await assets.import({ source_url: sourceUrl("/file/pixel.png?size=3000"), provider: "fal" });
    expect(imported).toMatchObject({ status: "ready", provider: "fal", file_name: "pixel.png", file_size: 3000 });
    await expectDownload((await assets.getSignedUrl(imported.id)).url, sourceBytes(3000));
  });

  it("uploads, reads, signs, lists and deletes", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { assets } = clientFor(key);
    const file = new File([PNG_BYTES], "dawn.png", { type: "image/png" });
    const asset = await assets.upload({ file, provider: "fal", metadata: { prompt: "dawn", seed: 3 } });
    expect(asset).toMatchObject({
      workspace_id: workspaceId,
      file_name: "dawn.png",
      metadata: { prompt: "dawn", seed: 3 },
    });

    const named = await assets.upload({ file: new Blob([PNG_BYTES], { type: "image/png" }), file_name: "blob.png" });
    expect(named.file_name).toBe("blob.png");

    expect(await assets.get(asset.id)).toEqual(asset);
    const signed = await assets.getSignedUrl(asset.id, { expires_in: 120 });
    expect(signed.expires_in).toBe(120);
    expect(signedLifetime(signed.url)).toBe(stretched(120));
    await expectDownload(signed.url);

    const [first, second] = await assets.getSignedUrls([asset.id, "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"]);
    expect(first && "url" in first).toBe(true);
    expect(second).toEqual({
      id: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT",
      error: { code: "not_found", message: "Asset not found." },
    });

    const page = await assets.list({ provider: "fal", include: "signed_url" });
    expect(page.meta.total).toBe(1);
    await expectDownload(page.data[0]?.signed_url ?? "");

    expect(await assets.delete(asset.id)).toBe("deleted");
    const gone = await failure(assets.get(asset.id));
    expect(gone).toMatchObject({ status: 404, code: "not_found", message: "Asset not found.", attempts: 1 });
  });

  it("iterates over every page with cursors", async () => {
    const { key } = await createWorkspace();
    const created = [];
    for (let index = 0; index < 5; index++) created.push(await uploadAsset(key));
    const { sent, fetch } = recording();
    const seen: string[] = [];
    for await (const asset of clientFor(key, { fetch }).assets.listAll({ limit: 2 })) seen.push(asset.id);
    expect(seen).toEqual(newestFirst(created));
    expect(sent).toHaveLength(3);
    const fourth = created.find((asset) => asset.id === seen[3]);
    expect(new URL(sent[2]?.url ?? "").searchParams.get("cursor")).toBe(
      encodeCursor({ createdAt: fourth?.created_at ?? "", id: fourth?.id ?? "" }),
    );
  });

  it("throws typed errors with status, code and details", async () => {
    const { key } = await createWorkspace();
    const invalid = await failure(clientFor(key).assets.list({ limit: 500 }));
    expect(invalid).toMatchObject({ name: "AssetServiceError", status: 400, code: "invalid_request" });
    expect(invalid.details).toHaveProperty("limit");
    const unauthorized = await failure(clientFor("ak_wrong").assets.get("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"));
    expect(unauthorized).toMatchObject({ status: 401, code: "unauthorized" });
  });
});

describe("the client bundle", () => {
  it("imports nothing from outside src/client, with the explicit .js extensions Node and browsers need", () => {
    const sources = import.meta.glob("../../src/client/*.ts", { query: "?raw", import: "default", eager: true });
    expect(Object.keys(sources).length).toBeGreaterThan(3);
    for (const [file, source] of Object.entries(sources)) {
      // Type-only imports vanish from the build, but its declarations keep them: they must resolve too.
      const imports = [...source.matchAll(/^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+"([^"]+)"/gm)].map(
        (match) => match[1],
      );
      for (const specifier of imports) expect(`${file}: ${specifier}`).toMatch(/: \.\/[a-z-]+\.js$/);
    }
  });

  it("tells a confirmed delete from one whose file is still owed, and deletes in bulk", async () => {
    const { key } = await createWorkspace();
    const [kept, owed, bulk] = await Promise.all([1, 2, 3].map(() => uploadAsset(key, { fields: { agent_id: "c" } })));
    const storageDown = createApp();
    const viaStorageDown: FetchLike = (input, init) =>
      Promise.resolve(storageDown.fetch(new Request(input, init), unreachableStorage, createExecutionContext()));
    expect(await clientFor(key, { fetch: viaStorageDown, retry: { retries: 0 } }).assets.delete(owed.id)).toBe(
      "deleting",
    );
    const { assets } = clientFor(key);
    expect(await failure(assets.get(owed.id))).toMatchObject({ status: 404 });
    expect(await assets.delete(kept.id)).toBe("deleted");
    expect(await assets.deleteMany({ agent_id: "c" })).toEqual({ deleted: 1, pending_storage: 1 });
    expect(await failure(assets.get(bulk.id))).toMatchObject({ status: 404 });
  });
});
