import type { ApiContent, ApiField, ApiOperation } from "./openapi-model";

const pretty = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

function FieldTable({ fields, showLocation }: { fields: ApiField[]; showLocation?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Name</th>
          {showLocation ? <th>In</th> : null}
          <th>Type</th>
          <th>Description</th>
          <th>Example</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr>
            <td>
              <code>{field.name}</code>
              {field.required ? <span class="required"> required</span> : null}
            </td>
            {showLocation ? <td>{field.location}</td> : null}
            <td>
              <code>{field.type}</code>
            </td>
            <td>{field.description ?? ""}</td>
            <td>{field.example === undefined ? "" : <code>{pretty(field.example)}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ContentBlock({ content }: { content: ApiContent }) {
  return (
    <div>
      <p>
        <code>{content.mediaType}</code> · <code>{content.type}</code>
      </p>
      {content.fields.length > 0 ? <FieldTable fields={content.fields} /> : null}
      {content.example === undefined ? null : (
        <details open>
          <summary>Example</summary>
          <pre>
            <code>{pretty(content.example)}</code>
          </pre>
        </details>
      )}
    </div>
  );
}

export function OperationSection({ operation }: { operation: ApiOperation }) {
  return (
    <section class="operation" id={operation.anchor}>
      <h3>
        <span class={`method ${operation.method.toLowerCase()}`}>{operation.method}</span> <code>{operation.path}</code>
      </h3>
      <p class="summary">{operation.summary}</p>
      {operation.description ? <p>{operation.description}</p> : null}
      <p class="auth">
        {operation.security.length > 0 ? `Authentication: ${operation.security.join(" or ")}` : "No authentication."}
      </p>
      {operation.parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <FieldTable fields={operation.parameters} showLocation />
        </>
      ) : null}
      {operation.body ? (
        <>
          <h4>Request body</h4>
          <ContentBlock content={operation.body} />
        </>
      ) : null}
      <h4>Responses</h4>
      {operation.responses.map((response) => (
        <div class="response">
          <p>
            <strong>{response.status}</strong> {response.description}
          </p>
          {response.content ? <ContentBlock content={response.content} /> : null}
        </div>
      ))}
    </section>
  );
}
