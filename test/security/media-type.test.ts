import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertFilePartHeaders } from "../../src/assets/file-part";
import { matchesAllowed, parseMediaType, strictMediaType } from "../../src/assets/media-type";
import { ApiError } from "../../src/errors";
import { RUNS } from "../support/hostile-arbitraries";

const NAME_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
const NAME_REST = `${NAME_FIRST}!#$&-^_.+`;
const restrictedName = fc
  .tuple(
    fc.constantFrom(...NAME_FIRST.split("")),
    fc.string({ unit: fc.constantFrom(...NAME_REST.split("")), maxLength: 20 }),
  )
  .map(([first, rest]) => first + rest);

function statusOf(run: () => unknown): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("strict media types (RFC 6838 type/subtype)", () => {
  it.each([
    "image/png, text/html",
    "image/x,text/html",
    "image/png,text/xml",
    "image/png; charset=utf-8",
    "image/",
    "/png",
    "image/*",
    "*/*",
    "image",
    "image/png/x",
    " image/png",
    "image /png",
    "image/png ",
    "image/pn\u00e9",
    "ima\u200bge/png",
    "",
  ])("refuses %j with 415 naming the field", (type) => {
    expect(strictMediaType(type)).toBeNull();
    expect(statusOf(() => parseMediaType(type, "content_type"))).toBe(415);
  });

  it.each(["image/png\r\n", "image/png\u0000", "image/\npng", "image/png\u0085"])(
    "refuses %j with control characters as 400",
    (type) => {
      let caught: unknown;
      try {
        parseMediaType(type, "content_type");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect(caught).toMatchObject({ status: 400, details: { content_type: "must not contain control characters" } });
    },
  );

  it("accepts exactly type/subtype in any case and answers it lower-cased", () => {
    expect(parseMediaType("IMAGE/SVG+XML", "file")).toBe("image/svg+xml");
    expect(parseMediaType("video/vnd.example-1_2", "file")).toBe("video/vnd.example-1_2");
  });

  it("accepts every grammatical type and nothing with a comma, semicolon, space or slash too many", () => {
    fc.assert(
      fc.property(restrictedName, restrictedName, (type, subtype) => {
        expect(parseMediaType(`${type}/${subtype}`, "content_type")).toBe(`${type}/${subtype}`);
      }),
      { numRuns: RUNS * 4 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const parsed = strictMediaType(text);
        if (parsed === null) return;
        expect(parsed).toMatch(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/);
        expect(parsed).not.toMatch(/[,; \s]/);
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it("never throws anything but a 400 or a 415 for any header material", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.string({ unit: "binary", maxLength: 80 }),
        (name, type) => {
          const status = statusOf(() => assertFilePartHeaders(name, type));
          expect([null, 400, 415]).toContain(status);
        },
      ),
      { numRuns: RUNS * 20 },
    );
  });

  it("the form part check names the file field", () => {
    expect(() => assertFilePartHeaders("a\r\nb.png", "image/png")).toThrow(
      expect.objectContaining({ status: 400, details: { file: expect.any(String) } }),
    );
    expect(() => assertFilePartHeaders("a.png", "image/png, text/html")).toThrow(
      expect.objectContaining({ status: 415, details: { file: expect.any(String) } }),
    );
    expect(() => assertFilePartHeaders("a.png", "")).not.toThrow();
  });

  it("allow-list entries match exactly or by top level, never by prefix", () => {
    expect(matchesAllowed("image/*", "image/png")).toBe(true);
    expect(matchesAllowed("image/*", "imagex/png")).toBe(false);
    expect(matchesAllowed("image/png", "image/png")).toBe(true);
    expect(matchesAllowed("image/png", "image/pngx")).toBe(false);
    expect(matchesAllowed("image/png", "image/png, text/html")).toBe(false);
  });
});
