import type { OpenAPIHono } from "@hono/zod-openapi";

// A flat, render-ready view of our own OpenAPI document, so the reference page stays simple markup.

export type OpenApiDocument = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;
type PathItem = NonNullable<NonNullable<OpenApiDocument["paths"]>[string]>;
type Operation = NonNullable<PathItem["get"]>;
type Reference = { $ref: string };
type Content = Exclude<NonNullable<Operation["requestBody"]>, Reference>["content"];
type Schema = Exclude<NonNullable<NonNullable<OpenApiDocument["components"]>["schemas"]>[string], Reference>;

export interface ApiField {
  name: string;
  location?: string;
  type: string;
  required: boolean;
  description?: string;
  example?: unknown;
}

export interface ApiContent {
  mediaType: string;
  type: string;
  fields: ApiField[];
  example?: unknown;
}

export interface ApiOperation {
  anchor: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  security: string[];
  parameters: ApiField[];
  body?: ApiContent;
  responses: { status: string; description: string; content?: ApiContent }[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const isReference = (value: object): value is Reference => "$ref" in value;
const refName = (ref: string) => ref.split("/").pop() ?? ref;

export function createReader(document: OpenApiDocument) {
  const schemas = document.components?.schemas ?? {};

  function resolve(schema: Schema | Reference | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (!isReference(schema)) return schema;
    const target = schemas[refName(schema.$ref)];
    return target && !isReference(target) ? target : undefined;
  }

  function typeLabel(schema: Schema | Reference | undefined): string {
    if (!schema) return "any";
    if (isReference(schema)) return refName(schema.$ref);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return variants.map(typeLabel).join(" | ");
    if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
    const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
    if (type === "array") return `array of ${typeLabel(schema.items)}`;
    return schema.format ? `${type} (${schema.format})` : type;
  }

  function fields(schema: Schema | Reference | undefined): ApiField[] {
    const resolved = resolve(schema);
    return Object.entries(resolved?.properties ?? {}).map(([name, property]) => {
      const value = isReference(property) ? undefined : property;
      return {
        name,
        type: typeLabel(property),
        required: resolved?.required?.includes(name) ?? false,
        description: value?.description,
        example: value?.example,
      };
    });
  }

  function content(entries: Content | undefined): ApiContent | undefined {
    const [mediaType, media] = Object.entries(entries ?? {})[0] ?? [];
    if (!mediaType || !media) return undefined;
    const example = media.example ?? resolve(media.schema)?.example;
    return { mediaType, type: typeLabel(media.schema), fields: fields(media.schema), example };
  }

  function operation(path: string, method: string, op: Operation): ApiOperation {
    const parameters = (op.parameters ?? []).flatMap((parameter) => {
      if (isReference(parameter)) return [];
      const schema = resolve(parameter.schema);
      return [
        {
          name: parameter.name,
          location: parameter.in,
          type: typeLabel(parameter.schema),
          required: parameter.required ?? false,
          description: parameter.description ?? schema?.description,
          example: parameter.example ?? schema?.example,
        },
      ];
    });
    const body = op.requestBody && !isReference(op.requestBody) ? content(op.requestBody.content) : undefined;
    const responses = Object.entries(op.responses ?? {}).map(([status, response]) => ({
      status,
      description: isReference(response) ? "" : response.description,
      content: isReference(response) ? undefined : content(response.content),
    }));
    return {
      anchor: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, ""),
      method: method.toUpperCase(),
      path,
      tag: op.tags?.[0] ?? "Other",
      summary: op.summary ?? "",
      description: op.description,
      security: (op.security ?? []).flatMap((requirement) => Object.keys(requirement)),
      parameters,
      body,
      responses,
    };
  }

  return {
    operations(): ApiOperation[] {
      return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        METHODS.flatMap((method) => {
          const op = item[method];
          return op ? [operation(path, method, op)] : [];
        }),
      );
    },
  };
}
