// The only script the pages load (progressive enhancement: everything works without it).
// It copies a freshly signed URL to the clipboard, and tells people when previews cannot
// be loaded from storage instead of leaving broken images unexplained.
export const CLIENT_SCRIPT = `"use strict";
(() => {
  const show = (element, text) => { element.textContent = text; element.hidden = false; };

  for (const form of document.querySelectorAll("form[data-copy-url]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const status = document.getElementById(form.dataset.status);
      const box = document.getElementById(form.dataset.output);
      const field = box.querySelector("input");
      try {
        const response = await fetch(form.action, { method: "POST", headers: { Accept: "application/json" } });
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
        const until = new Date(body.data.expires_at).toLocaleString();
        field.value = body.data.url;
        box.hidden = false;
        try {
          await navigator.clipboard.writeText(body.data.url);
          show(status, "Signed URL copied. It works until " + until + ".");
        } catch {
          field.select();
          show(status, "Copy the signed URL below. It works until " + until + ".");
        }
      } catch (error) {
        show(status, "Could not create a signed URL: " + error.message);
      }
    });
  }

  const banner = document.getElementById("preview-problem");
  const failed = () => { if (banner) banner.hidden = false; };
  document.addEventListener("error", (event) => {
    if (event.target instanceof HTMLImageElement || event.target instanceof HTMLMediaElement) failed();
  }, true);
  for (const image of document.images) if (image.complete && image.naturalWidth === 0 && image.src) failed();
})();
`;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b5cad"/><path d="M8 22l5-7 4 5 3-3 4 5z" fill="#fff"/><circle cx="21" cy="11" r="3" fill="#fff"/></svg>`;
