/** Delivering a webhook the way GitHub does: JSON body, HMAC-SHA256 signature of the raw bytes, event headers. */
import { createHmac, randomUUID } from "node:crypto";

export interface WebhookDelivery {
  readonly url: string;
  readonly event: string;
  readonly payload: unknown;
  /** null: send no signature header at all. */
  readonly secret: string | null;
  readonly deliveryId?: string;
  /** Overrides the computed `X-Hub-Signature-256` (a wrong signature). */
  readonly signature?: string;
  readonly timeoutMs?: number;
}

export interface WebhookResponse {
  readonly status: number;
  readonly body: string;
  readonly deliveryId: string;
}

/** `sha256=` + hex HMAC-SHA256 of the raw body: GitHub's `X-Hub-Signature-256`. */
export function signWebhookBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export async function deliverWebhook(d: WebhookDelivery): Promise<WebhookResponse> {
  const body = JSON.stringify(d.payload);
  const deliveryId = d.deliveryId ?? randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/simulated",
    "x-github-event": d.event,
    "x-github-delivery": deliveryId,
    "x-github-hook-installation-target-type": "integration",
  };
  const signature = d.signature ?? (d.secret === null ? undefined : signWebhookBody(d.secret, body));
  if (signature !== undefined) headers["x-hub-signature-256"] = signature;
  const response = await fetch(d.url, { method: "POST", headers, body, signal: AbortSignal.timeout(d.timeoutMs ?? 10_000) });
  return { status: response.status, body: await response.text(), deliveryId };
}
