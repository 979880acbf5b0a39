import { Layout } from "../components/layout";
import { GALLERY_PATH } from "../gallery-query";

export interface ErrorPageProps {
  title: string;
  message: string;
  /** Field → problem, for invalid input. */
  details?: Record<string, unknown>;
}

export function ErrorPage({ title, message, details }: ErrorPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      {details ? (
        <ul>
          {Object.entries(details).map(([field, problem]) => (
            <li>
              <code>{field}</code>: {String(problem)}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={GALLERY_PATH}>Back to all assets</a>
      </p>
    </Layout>
  );
}
