import type { AssetType } from "../../db/schema";

export interface AssetPreviewProps {
  type: AssetType;
  url: string;
  fileName: string;
  /** Thumbnails in the grid load lazily; the detail page shows the file at full size. */
  size: "thumbnail" | "large";
}

// Agent-generated media comes without caption files, so there is no <track> to offer;
// the file name labels each player instead.
export function AssetPreview({ type, url, fileName, size }: AssetPreviewProps) {
  if (type === "image") {
    return (
      <div class="preview">
        <img
          src={url}
          alt={`Preview of ${fileName}`}
          loading={size === "thumbnail" ? "lazy" : "eager"}
          decoding="async"
        />
      </div>
    );
  }
  if (type === "audio") {
    return (
      <div class="preview">
        {/* biome-ignore lint/a11y/useMediaCaption: generated audio has no captions; see above */}
        <audio controls preload="metadata" src={url} aria-label={`Play ${fileName}`} />
      </div>
    );
  }
  return (
    <div class="preview">
      {/* biome-ignore lint/a11y/useMediaCaption: generated video has no captions; see above */}
      <video controls preload="metadata" playsinline src={url} aria-label={`Play ${fileName}`} />
    </div>
  );
}
