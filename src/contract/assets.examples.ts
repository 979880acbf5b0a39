// Example payloads for the OpenAPI document and the /docs reference.
const id = "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT";
const storageKey = `ws_demo/${id}/sunset.png`;
const signedUrl = `https://account.r2.cloudflarestorage.com/media/${storageKey}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fauto%2Fs3%2Faws4_request&X-Amz-Date=20261129T043000Z&X-Amz-Expires=3900&X-Amz-SignedHeaders=host&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`;

export const assetExample = {
  id,
  workspace_id: "ws_demo",
  execution_id: "exec_42",
  agent_id: "agent_7",
  type: "image",
  provider: "fal",
  file_name: "sunset.png",
  file_size: 48213,
  content_type: "image/png",
  storage_key: storageKey,
  metadata: { project: "launch" },
  public_url: null,
  created_at: "2026-11-29T04:30:00.000Z",
  status: "ready",
  expires_at: null,
  storage_path: storageKey,
  mime_type: "image/png",
  updated_at: "2026-11-29T04:30:00.000Z",
  model: "flux-pro",
  prompt: "a sunset over the sea",
  config: { seed: 42, steps: 30 },
  created_by_id: "2VbZ1kQ8mN3pR5sT7uW9xY0aBcD",
};

export const signedUrlExample = { url: signedUrl, expires_at: "2026-11-29T05:32:10.000Z", expires_in: 3600 };

export const listExample = {
  data: [{ ...assetExample, signed_url: signedUrl, signed_url_expires_at: signedUrlExample.expires_at }],
  meta: { total: 1, page: 1, limit: 20, total_pages: 1, next_cursor: null, total_exact: true },
};

export const batchExample = {
  data: [
    { id, url: signedUrl, expires_at: signedUrlExample.expires_at },
    { id: "2VbYc0mPq7Rk1sT9uVwXyZ4AbCd", error: { code: "not_found", message: "Asset not found." } },
  ],
};

export const bulkDeleteExample = { data: { deleted: 12, pending_storage: 0 } };

export const deletingExample = { data: { id, status: "deleting" } };

export const formUploadExample = {
  file: "(binary)",
  type: "image",
  provider: "fal",
  execution_id: "exec_42",
  agent_id: "agent_7",
  model: "flux-pro",
  prompt: "a sunset over the sea",
  config: '{"seed":42,"steps":30}',
  metadata: '{"project":"launch"}',
};
