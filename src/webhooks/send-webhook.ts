import type { WebhookEventRow, WebhookRow } from "../db/schema";
import { signatureHeader } from "./signing";

export interface SendResult {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * One signed POST per the Standard Webhooks headers. Only a 2xx counts; redirects are not followed
 * (the registered URL is the one that passed the host rule), and the answer's body is not read.
 */
export async function sendWebhook(
  hook: WebhookRow,
  event: WebhookEventRow,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  const sentAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(hook.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "agent-asset-service-webhooks/1",
        "webhook-id": event.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signatureHeader(hook, event.id, sentAt, body),
      },
      body,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      responseStatus: response.status,
      durationMs: elapsed(),
      error: ok ? null : `answered ${response.status}`,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const reason = timedOut
      ? `no answer within ${timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error);
    return { ok: false, responseStatus: null, durationMs: elapsed(), error: reason.slice(0, 500) };
  }
}
