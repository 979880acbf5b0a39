import { Layout } from "../components/layout";

export interface SignInPageProps {
  next: string;
  /** Shown as an alert next to the field, e.g. for a wrong key. */
  error?: string;
  /** Shown as a status message, e.g. after signing out. */
  notice?: string;
}

export function SignInPage({ next, error, notice }: SignInPageProps) {
  return (
    <Layout title="Sign in">
      <section class="sign-in" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in to the asset browser</h1>
        <p class="muted">
          Use an API key of your workspace. Locally, <code>npm start</code> prints one for the workspace{" "}
          <code>local</code>; others are created with <code>POST /api/v1/admin/api-keys</code>.
        </p>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p class="error" role="alert" id="key-error">
            {error}
          </p>
        ) : null}
        <form method="post" action="/ui/sign-in">
          <input type="hidden" name="next" value={next} />
          <label>
            API key
            <input
              name="key"
              type="password"
              autocomplete="off"
              spellcheck={false}
              required
              aria-invalid={error ? "true" : undefined}
              aria-describedby={error ? "key-error" : undefined}
            />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </section>
    </Layout>
  );
}
