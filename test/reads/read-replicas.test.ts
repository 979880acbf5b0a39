import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, createWorkspace, json, uploadRequest, withKey } from "../support/helpers";

const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

describe("D1 sessions and bookmarks", () => {
  it("returns the session bookmark on writes, and reads its own writes when it is sent back", async () => {
    const { key } = await createWorkspace();
    const upload = await uploadRequest(key);
    expect(upload.status).toBe(201);
    const written = upload.headers.get("x-d1-bookmark") ?? "";
    expect(written).toMatch(BOOKMARK);
    const asset = (await json(upload)).data;

    const read = await api(`/api/v1/assets/${asset.id}`, withKey(key, { headers: { "x-d1-bookmark": written } }));
    expect(read.status).toBe(200);
    expect((await json(read)).data).toEqual(asset);
    // Bookmarks sort by position in the database: the read's session is at least where the write left off.
    expect((read.headers.get("x-d1-bookmark") ?? "") >= written).toBe(true);

    const removal = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(removal.status).toBe(204);
    const removed = removal.headers.get("x-d1-bookmark") ?? "";
    expect(removed > written).toBe(true);
    const gone = await api(`/api/v1/assets/${asset.id}`, withKey(key, { headers: { "x-d1-bookmark": removed } }));
    expect(gone.status).toBe(404);
  });

  it("returns a bookmark when an API key is created, so the key can be used at once anywhere", async () => {
    const response = await api("/api/v1/admin/api-keys", {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "edge" }),
    });
    expect(response.status).toBe(201);
    const bookmark = response.headers.get("x-d1-bookmark") ?? "";
    expect(bookmark).toMatch(BOOKMARK);
    const { data } = await json(response);
    const use = await api("/api/v1/assets", withKey(data.key, { headers: { "x-d1-bookmark": bookmark } }));
    expect(use.status).toBe(200);
  });

  it("accepts the session constraints by name", async () => {
    const { key } = await createWorkspace();
    for (const constraint of ["first-primary", "first-unconstrained"]) {
      const response = await api("/api/v1/assets", withKey(key, { headers: { "x-d1-bookmark": constraint } }));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-d1-bookmark")).toMatch(BOOKMARK);
    }
  });

  it("answers 400 naming the header for a malformed bookmark", async () => {
    const { key } = await createWorkspace();
    const response = await api("/api/v1/assets", withKey(key, { headers: { "x-d1-bookmark": "yesterday" } }));
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toHaveProperty(["x-d1-bookmark"]);
  });
});
