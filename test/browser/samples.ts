import type { Browser } from "playwright-core";
import { type ApiAsset, uploadViaApi } from "./browser-helpers.ts";
import { makePng, makeWav, recordWebm } from "./media-files.ts";
import type { Stack } from "./stack.ts";

export const HOSTILE_NAME = "<img src=x onerror=alert(1)>.png";

/** The CSS selector of an asset's card in the gallery. */
export const card = (asset: ApiAsset) => `li.card[data-asset-id="${asset.id}"]`;

/** An image, an audio clip and a video, uploaded through the API as an agent would. */
export async function uploadSamples(stack: Stack, browser: Browser, key: string) {
  const png = makePng(96, 64);
  const image = await uploadViaApi(stack, key, {
    bytes: png,
    fileName: "sunset (final).png",
    contentType: "image/png",
    fields: { provider: "fal", agent_id: "painter", execution_id: "exec-1", metadata: '{"prompt":"a sunset"}' },
  });
  const audio = await uploadViaApi(stack, key, {
    bytes: makeWav(1),
    fileName: "tone.wav",
    contentType: "audio/wav",
    fields: { provider: "elevenlabs", agent_id: "narrator", execution_id: "exec-1" },
  });
  const video = await uploadViaApi(stack, key, {
    bytes: await recordWebm(browser),
    fileName: "colours.webm",
    contentType: "video/webm",
    fields: { provider: "fal", agent_id: "director", execution_id: "exec-2" },
  });
  return { png, image, audio, video };
}
