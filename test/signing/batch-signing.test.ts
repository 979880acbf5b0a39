import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signAssetBatch } from "../../src/assets/reads";
import { createServices } from "../../src/services";
import { api, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { expectDownload, signedLifetime, stretched, WINDOW } from "../support/url-helpers";

const UNKNOWN_ID = "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT";

function signMany(key: string, body: unknown) {
  return api(
    "/api/v1/assets/signed-urls",
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

describe("POST /api/v1/assets/signed-urls", () => {
  it("answers in input order, repeats included, with per-id errors for ids it cannot sign", async () => {
    const owner = await createWorkspace("owner");
    const other = await createWorkspace("other");
    const [first, second] = [await uploadAsset(owner.key), await uploadAsset(owner.key)];
    const foreign = await uploadAsset(other.key);

    // "../etc" is not a KSUID: it names no asset, so it is not found like any unknown id.
    const ids = [second.id, UNKNOWN_ID, first.id, foreign.id, second.id, "../etc"];
    const response = await signMany(owner.key, { ids });
    expect(response.status).toBe(200);
    const { data } = await json(response);
    expect(data.map((item: { id: string }) => item.id)).toEqual(ids);
    const notFound = { code: "not_found", message: "Asset not found." };
    expect(data[1]).toEqual({ id: UNKNOWN_ID, error: notFound });
    expect(data[3]).toEqual({ id: foreign.id, error: notFound });
    expect(data[5]).toEqual({ id: "../etc", error: notFound });
    for (const index of [0, 2, 4]) {
      expect(Object.keys(data[index]).sort()).toEqual(["expires_at", "id", "url"]);
      expect(signedLifetime(data[index].url)).toBe(3600 + WINDOW);
      await expectDownload(data[index].url);
    }
    expect(new URL(data[2].url).pathname).toContain(first.storage_key);
    expect(data[4].url).toBe(data[0].url);
    expect(response.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+$/);
  });

  it("applies expires_in and disposition to every URL", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fileName: "cover art.png" });
    const { data } = await json(await signMany(key, { ids: [asset.id], expires_in: 90, disposition: "attachment" }));
    const url = new URL(data[0].url);
    expect(signedLifetime(data[0].url)).toBe(stretched(90));
    expect(url.searchParams.get("response-content-disposition")).toBe('attachment; filename="cover art.png"');
    const download = await fetch(url);
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="cover art.png"');
    await download.arrayBuffer();
    const requestSecond = Math.floor(Date.parse(data[0].expires_at) / 1000) - 90;
    expect(Math.abs(requestSecond * 1000 - Date.now())).toBeLessThan(10_000);
  });

  it.each([
    ["no ids", { ids: [] }, "ids"],
    ["more than 100 ids", { ids: Array.from({ length: 101 }, () => UNKNOWN_ID) }, "ids"],
    ["a missing ids field", {}, "ids"],
    ["expires_in as text", { ids: [UNKNOWN_ID], expires_in: "60" }, "expires_in"],
    ["expires_in over seven days", { ids: [UNKNOWN_ID], expires_in: 604_801 }, "expires_in"],
    ["an unknown disposition", { ids: [UNKNOWN_ID], disposition: "download" }, "disposition"],
  ])("answers 400 for %s", async (_label, body, field) => {
    const { key } = await createWorkspace();
    const response = await signMany(key, body);
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toHaveProperty([field]);
  });

  it("accepts exactly 100 ids", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const ids = Array.from({ length: 100 }, (_, index) => (index % 2 ? asset.id : UNKNOWN_ID));
    const { data } = await json(await signMany(key, { ids }));
    expect(data).toHaveLength(100);
    expect(data.filter((item: { url?: string }) => item.url)).toHaveLength(50);
  });

  it("signs 100 distinct ids in one query, beyond D1's 100 bound parameters", async () => {
    const { key } = await createWorkspace();
    const stored = await Promise.all(Array.from({ length: 5 }, () => uploadAsset(key)));
    const unknown = Array.from({ length: 95 }, (_, index) => `2VbYbZ3CxyN0Qx5Cq3Zp${String(index).padStart(7, "0")}`);
    const ids = [...unknown, ...stored.map((asset) => asset.id)];
    const response = await signMany(key, { ids });
    expect(response.status).toBe(200);
    const { data } = await json(response);
    expect(data.map((item: { id: string }) => item.id)).toEqual(ids);
    expect(data.filter((item: { url?: string }) => item.url).map((item: { id: string }) => item.id)).toEqual(
      stored.map((asset) => asset.id),
    );
  });

  it("is not taken for an asset id by other methods", async () => {
    const { key } = await createWorkspace();
    const response = await api("/api/v1/assets/signed-urls", withKey(key));
    expect(response.status).toBe(405);
    expect((await json(response)).error.code).toBe("method_not_allowed");
  });

  it("requires an API key", async () => {
    const response = await api("/api/v1/assets/signed-urls", { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });

  it("reads the database once however many ids", async () => {
    const { key, workspaceId } = await createWorkspace();
    const assets = [await uploadAsset(key), await uploadAsset(key), await uploadAsset(key)];
    let queries = 0;
    // The real local D1, counting the statements it is asked to prepare.
    const counting = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") {
          return (sql: string) => {
            queries++;
            return target.prepare(sql);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const ids = [...assets.map((asset) => asset.id), UNKNOWN_ID, ...assets.map((asset) => asset.id)];
    const items = await signAssetBatch(createServices(env, counting), workspaceId, { ids, now: Date.now() });
    expect(queries).toBe(1);
    expect(items.map((item) => ("url" in item ? "signed" : item.error.code))).toEqual([
      "signed",
      "signed",
      "signed",
      "not_found",
      "signed",
      "signed",
      "signed",
    ]);
  });
});
