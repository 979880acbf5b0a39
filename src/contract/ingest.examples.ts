import { assetExample } from "./assets.examples";

// Example payloads for the direct-upload and import routes in the OpenAPI document.
const id = "2VbZ4cWm8Qe1RtY6uIo3PaSd5Fg";
const storageKey = `ws_demo/${id}/clip.mp4`;
const presigned = `https://account.r2.cloudflarestorage.com/media/${storageKey}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=…`;
const pendingVideo = {
  ...assetExample,
  id,
  type: "video",
  file_name: "clip.mp4",
  file_size: 734003200,
  content_type: "video/mp4",
  storage_key: storageKey,
  storage_path: storageKey,
  mime_type: "video/mp4",
  model: "veo-3",
  prompt: "waves at dusk",
  config: { duration_seconds: 8 },
  status: "pending",
};

export const uploadRequestExample = {
  file_name: "clip.mp4",
  content_type: "video/mp4",
  file_size: 734003200,
  provider: "fal",
  execution_id: "exec_42",
  model: "veo-3",
  prompt: "waves at dusk",
  config: { duration_seconds: 8 },
};

export const uploadAnswerExample = {
  data: {
    asset: pendingVideo,
    upload: {
      strategy: "multipart",
      method: "PUT",
      upload_id: "VXBsb2FkIElEIGZvciBjbGlwLm1wNA",
      part_size: 33554432,
      parts: [
        { part_number: 1, url: `${presigned}&partNumber=1`, size: 33554432 },
        { part_number: 22, url: `${presigned}&partNumber=22`, size: 29360128 },
      ],
      headers: { "Content-Type": "video/mp4" },
      expires_at: "2026-11-29T05:30:00.000Z",
    },
  },
};

export const completeRequestExample = {
  parts: [
    { part_number: 1, etag: '"9b2cf535f27731c974343645a3985328"' },
    { part_number: 22, etag: '"6f5902ac237024bdd0c176cb93063dc4"' },
  ],
};

export const readyVideoExample = {
  data: { ...pendingVideo, status: "ready", updated_at: "2026-11-29T04:41:12.000Z" },
};

export const importRequestExample = {
  source_url: "https://fal.media/files/abc/output.mp4",
  provider: "fal",
  execution_id: "exec_42",
  agent_id: "agent_7",
};
