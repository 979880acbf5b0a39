import { describe, expect, it } from "vitest";
import { formatBytes, formatRelativeTime, formatTimestamp } from "../../src/ui/format";
import { page } from "../support/ui-helpers";

describe("formatting for people", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [999, "999 bytes"],
    [1000, "1.0 KB"],
    [16_044, "16 KB"],
    [1_250_000, "1.3 MB"],
    [104_857_600, "105 MB"],
    [5_368_709_120, "5.4 GB"],
  ])("writes %d bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  const now = Date.parse("2026-11-29T12:00:00.000Z");
  it.each([
    ["2026-11-29T11:59:55.000Z", "just now"],
    ["2026-11-29T11:59:15.000Z", "45 seconds ago"],
    ["2026-11-29T11:55:00.000Z", "5 minutes ago"],
    ["2026-11-29T09:00:00.000Z", "3 hours ago"],
    ["2026-11-28T10:00:00.000Z", "yesterday"],
    ["2026-11-20T12:00:00.000Z", "9 days ago"],
    ["2026-06-01T12:00:00.000Z", "Jun 1, 2026"],
  ])("writes %s as %s", (iso, text) => {
    expect(formatRelativeTime(iso, now)).toBe(text);
  });

  it("writes timestamps in UTC, to the second", () => {
    expect(formatTimestamp("2026-11-29T04:30:07.123Z")).toBe("2026-11-29 04:30:07 UTC");
  });
});

describe("addresses", () => {
  it("sends /ui to the gallery", async () => {
    const response = await page("/ui");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ui/assets");
  });
});
