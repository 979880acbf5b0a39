import { z } from "@hono/zod-openapi";
import { validator } from "hono/validator";
import { AssetIdParam } from "../contract/fields";
import { ApiError, assetNotFound } from "../errors";
import { canonicalBack, GALLERY_PATH, galleryHref, parseGalleryQuery } from "./gallery-query";

/** A malformed id names no asset: the answer is the same "not found" page as for a missing one. */
export const assetIdParam = validator("param", (value) => {
  const parsed = AssetIdParam.safeParse(value);
  if (!parsed.success) throw assetNotFound();
  return parsed.data;
});

/** The API's list query; blank form fields are dropped by redirecting to the clean URL. */
export const galleryQuery = validator("query", (_value, c) => {
  const parsed = parseGalleryQuery(new URL(c.req.url).searchParams);
  if (!parsed.ok) throw new ApiError("invalid_request", "The filters in this address are not valid.", parsed.details);
  if (parsed.hadBlanks) return c.redirect(galleryHref(parsed.query));
  return parsed.query;
});

const Back = z.object({ back: z.string().max(2000).optional() });

function backValidator<T extends "query" | "form">(target: T) {
  return validator(target, (value) => {
    const parsed = Back.safeParse(value);
    // A mangled return address is not worth an error page: fall back to the plain gallery.
    return { back: parsed.success ? canonicalBack(parsed.data.back) : undefined };
  });
}

export const backQuery = backValidator("query");
export const backForm = backValidator("form");

// Only our own pages: browsers read "//host" and "/\host" as other sites.
const LOCAL_PAGE = /^\/ui(?:[/?][\x21-\x7e]*)?$/;

export function safeNext(next: string | undefined): string {
  return next && LOCAL_PAGE.test(next) && !next.includes("//") && !next.includes("\\") ? next : GALLERY_PATH;
}

export const SignInQuery = z.object({
  next: z.string().max(2000).optional().catch(undefined),
  reason: z.enum(["expired", "signed-out"]).optional().catch(undefined),
});

export const SignInForm = z.object({
  key: z.string().trim().min(1, "Enter an API key.").max(500, "That is too long to be an API key."),
  next: z.string().max(2000).optional().catch(undefined),
});

export const signInQuery = validator("query", (value) => SignInQuery.parse(value));
export const signInForm = validator("form", (value) => SignInForm.safeParse(value));
