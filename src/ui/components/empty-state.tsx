import { GALLERY_PATH } from "../gallery-query";

/** What to do next: clear the filters, or add the first asset through the API. */
export function EmptyState({ filtered, origin }: { filtered: boolean; origin: string }) {
  if (filtered) {
    return (
      <div class="empty">
        <p>No assets match these filters.</p>
        <a href={GALLERY_PATH}>Show all assets</a>
      </div>
    );
  }
  return (
    <div class="empty">
      <h2>No assets yet</h2>
      <p>
        Assets appear here once an agent uploads them to <code>POST /api/v1/assets</code> with this workspace's API key,
        for example:
      </p>
      <pre>
        <code>{`curl -X POST ${origin}/api/v1/assets \\
  -H "X-API-Key: $API_KEY" \\
  -F file=@picture.png -F provider=fal -F agent_id=painter`}</code>
      </pre>
    </div>
  );
}
