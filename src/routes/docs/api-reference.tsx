import { raw } from "hono/html";
import { createReader, type OpenApiDocument } from "./openapi-model";
import { OperationSection } from "./operation-section";

// Inline and self-contained: the page loads nothing from anywhere else.
const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fff; }
header, main, nav { max-width: 70rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2rem; }
nav ul { columns: 2; padding-left: 1rem; }
code, pre { font-family: ui-monospace, monospace; font-size: 13px; }
pre { background: #f4f5f8; padding: 0.75rem; overflow-x: auto; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #e3e6ec; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
.operation { border-top: 1px solid #d5d9e2; padding: 1rem 0 1.5rem; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 700; }
.get { color: #17663a; } .post { color: #1f4fa8; } .delete { color: #a3251e; } .put, .patch { color: #8a5a00; }
.required { color: #a3251e; font-size: 12px; }
.summary { font-weight: 600; }
.auth { color: #5b6475; }
`;

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const operations = createReader(document).operations();
  const tags = [...new Set(operations.map((operation) => operation.tag))];
  const title = document.info.title;
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · API reference`}</title>
          <style>{STYLE}</style>
        </head>
        <body>
          <header>
            <h1>{title}</h1>
            <p>
              Version {document.info.version}. {document.info.description ?? ""}
            </p>
            <p>
              The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
            </p>
          </header>
          <nav>
            <h2>Endpoints</h2>
            <ul>
              {operations.map((operation) => (
                <li>
                  <a href={`#${operation.anchor}`}>
                    <code>
                      {operation.method} {operation.path}
                    </code>
                  </a>{" "}
                  {operation.summary}
                </li>
              ))}
            </ul>
          </nav>
          <main>
            {tags.map((tag) => (
              <>
                <h2>{tag}</h2>
                {operations
                  .filter((operation) => operation.tag === tag)
                  .map((operation) => (
                    <OperationSection operation={operation} />
                  ))}
              </>
            ))}
          </main>
        </body>
      </html>
    </>
  );
}
