import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, newestFirst, uploadAsset, withKey } from "../support/helpers";

async function list(key: string, query = "") {
  const response = await api(`/api/v1/assets${query}`, withKey(key));
  return { status: response.status, body: await json(response) };
}

async function seed(key: string) {
  const specs = [
    { fileName: "a.png", contentType: "image/png", fields: { provider: "fal", execution_id: "e1", agent_id: "x" } },
    {
      fileName: "b.mp3",
      contentType: "audio/mpeg",
      fields: { provider: "elevenlabs", execution_id: "e1", agent_id: "y" },
    },
    { fileName: "c.mp4", contentType: "video/mp4", fields: { provider: "fal", execution_id: "e2", agent_id: "x" } },
    { fileName: "d.png", contentType: "image/png", fields: { provider: "openai", execution_id: "e2", agent_id: "y" } },
    {
      fileName: "e.wav",
      contentType: "audio/wav",
      fields: { provider: "elevenlabs", execution_id: "e3", agent_id: "x" },
    },
  ];
  const created = [];
  for (const spec of specs) created.push(await uploadAsset(key, spec));
  return created;
}

describe("GET /api/v1/assets", () => {
  it("lists newest first with page meta", async () => {
    const { key } = await createWorkspace();
    const created = await seed(key);
    const { status, body } = await list(key);
    expect(status).toBe(200);
    expect(body.data.map((asset: { id: string }) => asset.id)).toEqual(newestFirst(created));
    expect(body.meta).toEqual({
      total: 5,
      page: 1,
      limit: 20,
      total_pages: 1,
      next_cursor: null,
      total_exact: true,
    });
  });

  it.each([
    ["?type=image", ["a.png", "d.png"]],
    ["?provider=elevenlabs", ["b.mp3", "e.wav"]],
    ["?execution_id=e2", ["c.mp4", "d.png"]],
    ["?agent_id=x", ["a.png", "c.mp4", "e.wav"]],
    ["?type=audio&agent_id=x", ["e.wav"]],
    ["?provider=nobody", []],
  ])("filters with %s", async (query, names) => {
    const { key } = await createWorkspace();
    await seed(key);
    const { body } = await list(key, query);
    expect(body.data.map((asset: { file_name: string }) => asset.file_name).sort()).toEqual(names);
    expect(body.meta.total).toBe(names.length);
  });

  it("pages by number and by cursor without gaps or repeats", async () => {
    const { key } = await createWorkspace();
    const created = await seed(key);
    const order = newestFirst(created);

    const second = await list(key, "?page=2&limit=2");
    expect(second.body.data.map((asset: { id: string }) => asset.id)).toEqual(order.slice(2, 4));
    expect(second.body.meta).toMatchObject({ total: 5, page: 2, limit: 2, total_pages: 3 });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const { body } = await list(key, query);
      seen.push(...body.data.map((asset: { id: string }) => asset.id));
      cursor = body.meta.next_cursor;
    } while (cursor);
    expect(seen).toEqual(order);
  });

  it("filters by creation time", async () => {
    const { key } = await createWorkspace();
    const [first] = await seed(key);
    const after = await list(key, `?created_after=${encodeURIComponent(first.created_at)}`);
    expect(after.body.meta.total).toBe(5);
    const before = await list(key, `?created_before=${encodeURIComponent(first.created_at)}`);
    expect(before.body.meta.total).toBe(0);
    const future = await list(key, `?created_after=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future.body.data).toEqual([]);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?type=document", "type"],
    ["?cursor=not-a-cursor", "cursor"],
    ["?created_after=yesterday", "created_after"],
    ["?page=2&cursor=2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", "cursor"],
  ])("answers 400 for %s naming %s", async (query, field) => {
    const { key } = await createWorkspace();
    const { status, body } = await list(key, query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details).toHaveProperty(field);
  });
});

describe("GET /api/v1/assets/{id}", () => {
  it("returns one asset, and 404 not_found alike for an unknown id and for one that is not a KSUID", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const found = await api(`/api/v1/assets/${asset.id}`, withKey(key));
    expect(found.status).toBe(200);
    expect((await json(found)).data).toEqual(asset);

    const missing = await api("/api/v1/assets/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", withKey(key));
    expect(missing.status).toBe(404);
    const notFound = await json(missing);
    expect(notFound.error.code).toBe("not_found");

    for (const id of ["does-not-exist", "..%2F..%2Fsecrets", asset.id.toLowerCase().slice(1), `${asset.id}x`]) {
      const malformed = await api(`/api/v1/assets/${id}`, withKey(key));
      expect(malformed.status, id).toBe(404);
      expect(await json(malformed), id).toEqual(notFound);
    }
  });

  it("answers 404 not_found for an id that is not a KSUID on every route that takes one", async () => {
    const { key } = await createWorkspace();
    const admin = { Authorization: "Bearer test-admin-token-0123456789" };
    const calls: [string, RequestInit][] = [
      ["/api/v1/assets/does-not-exist", withKey(key)],
      ["/api/v1/assets/does-not-exist/signed-url", withKey(key)],
      ["/api/v1/assets/does-not-exist", withKey(key, { method: "DELETE" })],
      [
        "/api/v1/assets/does-not-exist/complete",
        withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
      ],
      ["/api/v1/admin/api-keys/does-not-exist", { method: "DELETE", headers: admin }],
    ];
    for (const [path, init] of calls) {
      const response = await api(path, init);
      expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }
  });
});
