import { Hono } from "hono";
import { identifyKey } from "../auth/api-keys";
import { assertClientNotBlocked, clientAddress, countFailedAuthentication } from "../auth/rate-limits";
import { SignInPage } from "./pages/sign-in.page";
import { endSession, readSession, startSession } from "./session";
import type { UiEnv } from "./ui-env";
import { safeNext, signInForm, signInQuery } from "./validators";

const notices = {
  expired: "Your API key is no longer valid. Sign in with a current one.",
  "signed-out": "You have signed out.",
} as const;

const auth = new Hono<UiEnv>();

auth.get("/sign-in", signInQuery, async (c) => {
  const { next, reason } = c.req.valid("query");
  const session = await readSession(c);
  if ("workspaceId" in session) return c.redirect(safeNext(next), 303);
  return c.html(<SignInPage next={safeNext(next)} notice={reason ? notices[reason] : undefined} />);
});

auth.post("/sign-in", signInForm, async (c) => {
  const form = c.req.valid("form");
  if (!form.success) {
    const message = form.error.issues.find((issue) => issue.path[0] === "key")?.message ?? "Enter an API key.";
    return c.html(<SignInPage next={safeNext(undefined)} error={message} />, 400);
  }
  const { key, next } = form.data;
  const client = clientAddress((name) => c.req.header(name));
  assertClientNotBlocked(client);
  if (!(await identifyKey(c.var.db, key))) {
    await countFailedAuthentication(c.env, client);
    return c.html(
      <SignInPage
        next={safeNext(next)}
        error="That API key is not valid, or it has been revoked. Check it and try again."
      />,
      401,
    );
  }
  startSession(c, key);
  return c.redirect(safeNext(next), 303);
});

auth.post("/sign-out", (c) => {
  endSession(c);
  return c.redirect("/ui/sign-in?reason=signed-out", 303);
});

export default auth;
