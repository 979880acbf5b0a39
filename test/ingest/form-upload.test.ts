import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  api,
  createWorkspace,
  json,
  PNG_BYTES,
  storageHas,
  uploadAsset,
  uploadRequest,
  withKey,
} from "../support/helpers";

describe("POST /api/v1/assets", () => {
  it("stores the file and answers with the full asset record", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key, {
      fields: {
        type: "image",
        provider: "fal",
        execution_id: "exec_1",
        agent_id: "agent_1",
        metadata: JSON.stringify({ prompt: "a red pixel", seed: 7 }),
      },
    });
    expect(asset).toMatchObject({
      workspace_id: workspaceId,
      execution_id: "exec_1",
      agent_id: "agent_1",
      type: "image",
      provider: "fal",
      file_name: "picture.png",
      file_size: PNG_BYTES.byteLength,
      content_type: "image/png",
      metadata: { prompt: "a red pixel", seed: 7 },
    });
    expect(asset.id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(asset.storage_key).toBe(`${workspaceId}/${asset.id}/picture.png`);
    expect(asset.public_url).toBe(`${env.STORAGE_PUBLIC_URL}/${asset.storage_key}`);
    expect(new Date(asset.created_at).toISOString()).toBe(asset.created_at);
    expect(await storageHas(asset.storage_key)).toBe(true);
  });

  it("infers the type from the content type, and the content type from the extension", async () => {
    const { key } = await createWorkspace();
    const audio = await uploadAsset(key, { fileName: "voice.mp3", contentType: "audio/mpeg" });
    expect(audio.type).toBe("audio");
    const guessed = await uploadAsset(key, { fileName: "clip.mp4", contentType: "application/octet-stream" });
    expect(guessed).toMatchObject({ type: "video", content_type: "video/mp4" });
  });

  it("strips path separators from file names and never uses them in keys; control characters are a 400", async () => {
    const { key, workspaceId } = await createWorkspace();
    const bad = { file_name: "../../etc/\u0000pass\\wd\u001f.png" };
    const refused = await uploadRequest(key, { fields: bad, fieldsFirst: true });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.details).toEqual({ file_name: "must not contain control characters" });
    // The key takes its name from file_name only when the field precedes the file.
    const asset = await uploadAsset(key, { fields: { file_name: "../../etc/pass\\wd.png" }, fieldsFirst: true });
    expect(asset.file_name).toBe("....etcpasswd.png");
    expect(asset.storage_key).toBe(`${workspaceId}/${asset.id}/etcpasswd.png`);
  });

  it("keeps unicode names for display but stores them under an ASCII key", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key, { fileName: "café 🌅.png" });
    expect(asset.file_name).toBe("café 🌅.png");
    expect(asset.storage_key).toBe(`${workspaceId}/${asset.id}/caf_.png`);
  });

  it("answers 415 when the content type is not media or disagrees with type", async () => {
    const { key } = await createWorkspace();
    const text = await uploadRequest(key, { fileName: "notes.txt", contentType: "text/plain" });
    expect(text.status).toBe(415);
    expect((await json(text)).error).toMatchObject({
      code: "unsupported_media_type",
      details: { content_type: expect.any(String) },
    });
    const mismatch = await uploadRequest(key, { fields: { type: "audio" } });
    expect(mismatch.status).toBe(415);
    expect((await json(mismatch)).error.message).toContain("does not match type audio");
  });

  it("answers 400 naming each bad field", async () => {
    const { key } = await createWorkspace();
    const noFile = new FormData();
    noFile.append("type", "sculpture");
    const response = await api("/api/v1/assets", withKey(key, { method: "POST", body: noFile }));
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.details).sort()).toEqual(["file", "type"]);
  });

  it.each([
    ["not json", "{nope"],
    ["an array", "[1,2]"],
    ["a string", '"text"'],
    ["null", "null"],
  ])("refuses metadata that is %s", async (_label, metadata) => {
    const { key } = await createWorkspace();
    const response = await uploadRequest(key, { fields: { metadata } });
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty("metadata");
  });

  it("refuses a body that is not multipart with 415", async () => {
    const { key } = await createWorkspace();
    const response = await api(
      "/api/v1/assets",
      withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
    );
    expect(response.status).toBe(415);
    expect((await json(response)).error.code).toBe("unsupported_media_type");
  });

  it("answers 413 for files over MAX_UPLOAD_BYTES and stores nothing", async () => {
    const { key } = await createWorkspace();
    const limit = Number(env.MAX_UPLOAD_BYTES);
    const justOver = await uploadRequest(key, { bytes: new Uint8Array(limit + 1) });
    expect(justOver.status).toBe(413);
    expect((await json(justOver)).error).toMatchObject({
      code: "payload_too_large",
      details: { file: expect.any(String) },
    });
    const farOver = await uploadRequest(key, { bytes: new Uint8Array(limit * 8) });
    expect(farOver.status).toBe(413);
    const listed = await json(await api("/api/v1/assets", withKey(key)));
    expect(listed.meta.total).toBe(0);
  });
});
