import { describe, expect, it } from "vitest";
import { ApiReference } from "../../src/routes/docs/api-reference";
import type { OpenApiDocument } from "../../src/routes/docs/openapi-model";
import { api, json } from "../support/helpers";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

async function openApi(): Promise<OpenApiDocument> {
  return json(await api("/api/v1/openapi.json"));
}

function operations(document: OpenApiDocument) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

describe("GET /docs", () => {
  it("renders every path and operation of the OpenAPI document, loading nothing from elsewhere", async () => {
    const response = await api("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);

    const document = await openApi();
    expect(operations(document).length).toBeGreaterThanOrEqual(Object.keys(document.paths ?? {}).length);
    for (const { path, method, operation } of operations(document)) {
      expect(html).toContain(`${method.toUpperCase()} ${path}`);
      expect(html).toContain(operation.summary ?? "");
    }
    expect(html).not.toMatch(/<script|<link|<iframe|<img|\bsrc=|@import|url\(/i);
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^[#/]/);
  });

  it("shows the request and response examples", async () => {
    const html = await (await api("/docs")).text();
    expect(html).toContain("&quot;signed_url_expires_at&quot;");
    expect(html).toContain("X-Amz-Expires=3900");
    expect(html).toContain("&quot;ids&quot;: [");
  });

  it("escapes everything it takes from the document", async () => {
    const document = await openApi();
    const hostile = { ...document, info: { ...document.info, title: '<script>alert("x")</script>' } };
    const html = await (await ApiReference({ document: hostile })).toString();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("the OpenAPI document", () => {
  it("has an example for every parameter, request body and response body", async () => {
    const document = await openApi();
    const schemas = document.components?.schemas ?? {};
    const schemaExample = (schema: unknown): unknown => {
      if (typeof schema !== "object" || schema === null) return undefined;
      if ("$ref" in schema && typeof schema.$ref === "string")
        return schemaExample(schemas[schema.$ref.split("/").pop() ?? ""]);
      return "example" in schema ? schema.example : undefined;
    };
    const missing: string[] = [];
    for (const { path, method, operation } of operations(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation.parameters ?? []) {
        if ("$ref" in parameter) continue;
        if (parameter.example === undefined && schemaExample(parameter.schema) === undefined) {
          missing.push(`${where} parameter ${parameter.name}`);
        }
      }
      const contents: [string, Record<string, { example?: unknown; schema?: unknown }> | undefined][] = [];
      if (operation.requestBody && !("$ref" in operation.requestBody)) {
        contents.push(["request", operation.requestBody.content]);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!("$ref" in response)) contents.push([status, response.content]);
      }
      for (const [name, content] of contents) {
        for (const [mediaType, media] of Object.entries(content ?? {})) {
          if (media.example === undefined && schemaExample(media.schema) === undefined) {
            missing.push(`${where} ${name} ${mediaType}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
