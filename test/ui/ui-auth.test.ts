import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, createWorkspace } from "../support/helpers";
import { asSignedIn, formPost, page, SESSION_COOKIE, setCookies } from "../support/ui-helpers";

describe("browser sign-in", () => {
  it("sends / and signed-out visitors to the sign-in form, keeping where they were going", async () => {
    const root = await page("/");
    expect(root.status).toBe(302);
    expect(root.headers.get("Location")).toBe("/ui/assets");
    const gallery = await page("/ui/assets?type=image");
    expect(gallery.status).toBe(303);
    expect(gallery.headers.get("Location")).toBe(`/ui/sign-in?next=${encodeURIComponent("/ui/assets?type=image")}`);
    const form = await page("/ui/sign-in");
    expect(form.status).toBe(200);
    expect(form.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await form.text()).toContain('<label>API key<input name="key" type="password"');
  });

  it("keeps a valid key in an HttpOnly, SameSite=Strict, Secure, host-only cookie", async () => {
    const { key } = await createWorkspace();
    const response = await page("/ui/sign-in", formPost({ key, next: "/ui/assets?type=audio" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/ui/assets?type=audio");
    const [cookie] = setCookies(response);
    expect(cookie).toBe(`${SESSION_COOKIE}=${key}; Max-Age=43200; Path=/; HttpOnly; Secure; SameSite=Strict`);
    const gallery = await page("/ui/assets", asSignedIn(key));
    expect(gallery.status).toBe(200);
  });

  it("leaves Secure off on the loopback address, where the local default runs over http", async () => {
    const { key } = await createWorkspace();
    const local = "http://127.0.0.1:8787";
    const response = await page("/ui/sign-in", formPost({ key }, { Origin: local }), local);
    expect(response.status).toBe(303);
    expect(setCookies(response)).toEqual([`asset-session=${key}; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict`]);
  });

  it("answers a wrong key with a readable message and no cookie", async () => {
    const { key } = await createWorkspace();
    for (const wrong of [`${key}x`, "not-a-key"]) {
      const response = await page("/ui/sign-in", formPost({ key: wrong }));
      expect(response.status).toBe(401);
      expect(setCookies(response)).toEqual([]);
      expect(await response.text()).toContain("That API key is not valid, or it has been revoked.");
    }
    const empty = await page("/ui/sign-in", formPost({ key: "  " }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter an API key.");
  });

  it("never redirects to another site after signing in", async () => {
    const { key } = await createWorkspace();
    for (const next of ["https://evil.example/", "//evil.example/ui", "/ui/\\evil.example", "/ui//evil.example"]) {
      const response = await page("/ui/sign-in", formPost({ key, next }));
      expect(response.headers.get("Location")).toBe("/ui/assets");
    }
  });

  it("signs out by clearing the cookie", async () => {
    const { key } = await createWorkspace();
    const response = await page("/ui/sign-out", asSignedIn(key, formPost({})));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/ui/sign-in?reason=signed-out");
    expect(setCookies(response)).toEqual([`${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict`]);
    const notice = await page("/ui/sign-in?reason=signed-out");
    expect(await notice.text()).toContain("You have signed out.");
  });

  it("ends the session as soon as the key is revoked", async () => {
    const { key, keyId } = await createWorkspace();
    expect((await page("/ui/assets", asSignedIn(key))).status).toBe(200);
    await api(`/api/v1/admin/api-keys/${keyId}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const response = await page("/ui/assets", asSignedIn(key));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toContain("reason=expired");
    expect(setCookies(response)[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0`));
  });
});

describe("cross-site request protection", () => {
  it("refuses POSTs from another origin or without any origin, and changes nothing", async () => {
    const { key } = await createWorkspace();
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const headers of attempts) {
      const signIn = await page("/ui/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ key }).toString(),
      });
      expect(signIn.status).toBe(403);
      expect(setCookies(signIn)).toEqual([]);
      expect(signIn.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await signIn.text()).toContain("This form was sent from another site");
    }
    const signOut = await page("/ui/sign-out", asSignedIn(key, formPost({}, { Origin: "https://evil.example" })));
    expect(signOut.status).toBe(403);
    expect(setCookies(signOut)).toEqual([]);
  });

  it("accepts a same-origin POST identified only by Sec-Fetch-Site", async () => {
    const { key } = await createWorkspace();
    const response = await page("/ui/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ key }).toString(),
    });
    expect(response.status).toBe(303);
    expect(setCookies(response)[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=${key};`));
  });
});
