// Our whole stylesheet: system fonts, a fluid grid from 360 px phones to wide screens,
// light and dark schemes, and visible focus for keyboard users.
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #fff; --text: #1b1f24; --muted: #57606a; --border: #d0d7de;
  --accent: #0b5cad; --accent-text: #fff; --danger: #b42318; --notice: #e6f4ea; --error-bg: #fdecea;
  --radius: 8px; --gap: 1rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1115; --surface: #1a1d23; --text: #e6e8eb; --muted: #a0a8b3; --border: #343a43;
    --accent: #6cb2ff; --accent-text: #0f1115; --danger: #ff8a80; --notice: #17301f; --error-bg: #3a1a17;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--surface); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 1; }
.site-header {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem;
  padding: .75rem clamp(1rem, 3vw, 2rem); background: var(--surface); border-bottom: 1px solid var(--border);
}
.brand { font-weight: 700; color: var(--text); text-decoration: none; margin-right: auto; }
.workspace { color: var(--muted); overflow-wrap: anywhere; }
.site-nav { display: flex; gap: 1rem; }
.table-scroll { overflow-x: auto; }
.deliveries { border-collapse: collapse; width: 100%; font-size: .875rem; }
.deliveries th, .deliveries td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--border); }
.delivery-failed { color: var(--danger); }
main { max-width: 1400px; margin: 0 auto; padding: 1rem clamp(1rem, 3vw, 2rem) 3rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.125rem; margin: 1.5rem 0 .5rem; }
.muted { color: var(--muted); }
.notice, .error {
  padding: .75rem 1rem; border-radius: var(--radius); border: 1px solid var(--border); overflow-wrap: anywhere;
}
.notice { background: var(--notice); }
.error { background: var(--error-bg); border-color: var(--danger); }
button, .button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 2.5rem; padding: .5rem 1rem;
  font: inherit; border-radius: var(--radius); border: 1px solid var(--accent); cursor: pointer;
  background: var(--accent); color: var(--accent-text); text-decoration: none;
}
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
button.danger, .button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger.secondary { background: transparent; color: var(--danger); }
input, select {
  font: inherit; min-height: 2.5rem; padding: .4rem .6rem; width: 100%;
  border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); color: var(--text);
}
label { display: grid; gap: .25rem; font-weight: 600; }
.filters {
  display: grid; gap: .75rem; align-items: end; margin-bottom: 1rem; padding: 1rem;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
}
.filter-actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
.summary { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; }
.grid {
  list-style: none; margin: 0; padding: 0; display: grid; gap: var(--gap);
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
}
.card {
  position: relative; display: flex; flex-direction: column; background: var(--surface);
  border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; min-width: 0;
}
/* The whole card opens the asset through its one link; players stay above it, usable. */
.card h2 a::after { content: ""; position: absolute; inset: 0; }
.card audio, .card video { position: relative; z-index: 1; }
.card:hover { border-color: var(--accent); }
.card-body { padding: .75rem; display: grid; gap: .5rem; }
.card h2 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
.preview {
  display: grid; place-items: center; background: repeating-conic-gradient(#8881 0 25%, transparent 0 50%) 0 0 / 16px 16px;
}
.card .preview { aspect-ratio: 4 / 3; }
.preview img, .preview video { max-width: 100%; max-height: 100%; object-fit: contain; display: block; }
.card .preview img, .card .preview video { width: 100%; height: 100%; }
.preview audio { width: calc(100% - 1rem); }
.facts { display: grid; grid-template-columns: auto 1fr; gap: .125rem .75rem; margin: 0; font-size: .875rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.pagination { display: flex; gap: 1rem; justify-content: space-between; margin-top: 1.5rem; flex-wrap: wrap; }
.empty { background: var(--surface); border: 1px dashed var(--border); border-radius: var(--radius); padding: 1.5rem; }
pre {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem;
  overflow-x: auto; font-size: .875rem; max-width: 100%;
}
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.detail { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
@media (min-width: 60rem) { .detail { grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); } }
.large-preview { margin: 0; border-radius: var(--radius); overflow: hidden; border: 1px solid var(--border); }
.large-preview .preview { min-height: 12rem; }
.large-preview img, .large-preview video { width: 100%; height: auto; max-height: 75vh; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 1rem; }
.actions form { margin: 0; }
.copied { display: grid; gap: .25rem; margin-bottom: 1rem; }
.copied[hidden] { display: none; }
.sign-in { max-width: 28rem; margin: 2rem auto; display: grid; gap: 1rem; }
.sign-in form { display: grid; gap: 1rem; }
.confirm { max-width: 40rem; display: grid; gap: 1rem; }
.confirm .preview { max-height: 16rem; border-radius: var(--radius); }
.confirm .preview img { max-height: 16rem; }
.inline-form { display: inline; margin: 0; }
`;
