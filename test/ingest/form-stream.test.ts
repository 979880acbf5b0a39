import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { REQUEST_READ_BYTES } from "../../src/http/request-chunks";
import { api, createWorkspace, expectStorageMatchesDatabase, json, withKey } from "../support/helpers";
import { downloadBytes, expectOnlyHeldKeys } from "../support/ingest-helpers";

const LIMIT = Number(env.MAX_UPLOAD_BYTES);
const BOUNDARY = "form-stream-test-boundary";
const encoder = new TextEncoder();

type Part = { name: string; value: string } | { name: string; fileName: string; type: string; bytes: Uint8Array };

function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

function framing(part: Part): Uint8Array {
  const head =
    "value" in part
      ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`
      : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type}\r\n\r\n`;
  return encoder.encode(head);
}

/**
 * A multipart body sent as a stream in 16 KiB chunks, without a Content-Length, as a client
 * streaming a large file would. `breakAfter` makes the connection fail after that many bytes.
 */
function formBody(parts: Part[], { breakAfter = Number.POSITIVE_INFINITY, close = true } = {}) {
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    pieces.push(framing(part));
    if ("bytes" in part) pieces.push(part.bytes, encoder.encode("\r\n"));
  }
  if (close) pieces.push(encoder.encode(`--${BOUNDARY}--\r\n`));
  let sent = 0;
  const chunks = pieces.flatMap((piece) => {
    const split: Uint8Array[] = [];
    for (let offset = 0; offset < piece.byteLength; offset += 16384) split.push(piece.subarray(offset, offset + 16384));
    return split;
  });
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (sent >= breakAfter) controller.error(new Error("connection reset by the client"));
      else if (chunk) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      } else controller.close();
    },
  });
}

function postForm(key: string, body: ReadableStream<Uint8Array>) {
  const headers = { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` };
  return api("/api/v1/assets", withKey(key, { method: "POST", headers, body }));
}

const pngPart = (bytes: Uint8Array): Part => ({ name: "file", fileName: "render.png", type: "image/png", bytes });

async function expectNothingKept(workspaceId: string) {
  await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
  expect(await env.DB.prepare("SELECT id FROM assets WHERE workspace_id = ?").bind(workspaceId).all()).toMatchObject({
    results: [],
  });
}

describe("streamed form uploads", () => {
  it("stores the exact bytes of a file larger than a part, fields first", async () => {
    const { key, workspaceId } = await createWorkspace();
    const bytes = randomBytes(200_000);
    const fields: Part[] = [
      { name: "provider", value: "fal" },
      { name: "metadata", value: '{"seed":7}' },
    ];
    const response = await postForm(key, formBody([...fields, pngPart(bytes)]));
    expect(response.status).toBe(201);
    const asset = (await json(response)).data;
    expect(asset).toMatchObject({ file_size: bytes.byteLength, provider: "fal", metadata: { seed: 7 } });
    expect(await downloadBytes(key, asset.id)).toEqual(bytes);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("keeps every byte when the body spans several reads of the request and a boundary look-alike straddles one", async () => {
    const { key, workspaceId } = await createWorkspace();
    const fields: Part[] = [{ name: "metadata", value: '{"seed":11}' }];
    const bytes = randomBytes(LIMIT);
    // The request is read REQUEST_READ_BYTES at a time into one reused buffer. The parser holds the
    // start of a delimiter until it knows whether it is one: put the first 20 bytes of one across the
    // end of the first read, so the parser's copy and the reused buffer must agree.
    const before =
      fields.reduce((total, part) => total + framing(part).byteLength, 0) + framing(pngPart(bytes)).byteLength;
    const lookalike = encoder.encode(`\r\n--${BOUNDARY}`).subarray(0, 20);
    bytes.set(lookalike, REQUEST_READ_BYTES - before - 10);
    const after: Part[] = [{ name: "execution_id", value: "exec_late" }];
    const response = await postForm(key, formBody([...fields, pngPart(bytes), ...after]));
    expect(response.status).toBe(201);
    const asset = (await json(response)).data;
    expect(asset).toMatchObject({ file_size: LIMIT, execution_id: "exec_late", metadata: { seed: 11 } });
    expect(await downloadBytes(key, asset.id)).toEqual(bytes);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("takes fields sent after the file", async () => {
    const { key } = await createWorkspace();
    const bytes = randomBytes(100_000);
    const after: Part[] = [
      { name: "type", value: "image" },
      { name: "execution_id", value: "exec_after" },
      { name: "file_name", value: "renamed.png" },
    ];
    const response = await postForm(key, formBody([pngPart(bytes), ...after]));
    expect(response.status).toBe(201);
    const asset = (await json(response)).data;
    // The key is fixed when the bytes begin; a later file_name still names the asset.
    expect(asset).toMatchObject({ execution_id: "exec_after", file_name: "renamed.png", file_size: 100_000 });
    expect(asset.storage_key).toMatch(/\/render\.png$/);
    expect(await downloadBytes(key, asset.id)).toEqual(bytes);
  });

  it("removes the stored bytes when a field after the file is invalid", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await postForm(key, formBody([pngPart(randomBytes(100_000)), { name: "type", value: "audio" }]));
    expect(response.status).toBe(415);
    await expectNothingKept(workspaceId);
  });

  it("stops at MAX_UPLOAD_BYTES with 413 and keeps no object and no row", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await postForm(key, formBody([pngPart(randomBytes(LIMIT * 4))]));
    expect(response.status).toBe(413);
    expect((await json(response)).error).toMatchObject({
      code: "payload_too_large",
      details: { file: expect.any(String) },
    });
    await expectNothingKept(workspaceId);
    // Parts were stored before the limit was crossed; storage confirmed their abort at once, as
    // S3 and R2 do (and the local S3 server): the key stays watched only for a write landing late.
    await expectOnlyHeldKeys(workspaceId);
  });

  it("refuses a zero-byte file with 400 naming file, storing nothing", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await postForm(key, formBody([pngPart(new Uint8Array(0))]));
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty("file");
    await expectNothingKept(workspaceId);
  });

  it.each([
    ["breaks mid-way", { breakAfter: 120_000 }],
    ["ends before its closing boundary", { close: false }],
  ])("leaves nothing when the body %s", async (_label, options) => {
    const { key, workspaceId } = await createWorkspace();
    const response = await postForm(key, formBody([pngPart(randomBytes(200_000))], options));
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty("body");
    await expectNothingKept(workspaceId);
  });

  it("refuses a second file, and a file under another name", async () => {
    const { key, workspaceId } = await createWorkspace();
    const twice = await postForm(key, formBody([pngPart(randomBytes(10)), pngPart(randomBytes(10))]));
    expect(twice.status).toBe(400);
    expect((await json(twice)).error.details).toEqual({ file: "appears more than once" });
    const other = { name: "attachment", fileName: "a.png", type: "image/png", bytes: randomBytes(10) };
    const elsewhere = await postForm(key, formBody([other, pngPart(randomBytes(10))]));
    expect(elsewhere.status).toBe(400);
    expect((await json(elsewhere)).error.details).toHaveProperty("attachment");
    await expectNothingKept(workspaceId);
  });
});
