/**
 * The layering rule (docs/architecture.md): ways in (routes/, ui/, rpc.ts, cleanup's cron, the events/
 * queue consumer) call use cases (assets/, webhooks/), which use db/ and storage/, which use config and
 * errors. Imports point down only.
 * @type {import("dependency-cruiser").IConfiguration}
 */
const waysIn = "^src/(routes/|ui/|events/|rpc\\.ts$)";
const below =
  "^src/(assets|webhooks|db|storage|contract|cleanup|auth|http)/|^src/(config|errors|services|ids|encoding|types)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle hides which layer owns what.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-upward-to-ways-in",
      severity: "error",
      comment: "Nothing below a way in imports routes/, ui/ or rpc.ts; shared things move down.",
      from: { path: below },
      to: { path: waysIn },
    },
    {
      name: "db-and-storage-below-use-cases",
      severity: "error",
      comment: "db/ and storage/ serve the use cases; they never call them.",
      from: { path: "^src/(db|storage)/" },
      to: { path: "^src/(assets|webhooks|cleanup)/" },
    },
    {
      name: "contract-stands-alone",
      severity: "error",
      comment: "The contract is shared by REST, RPC, the client and the UI: it imports no use case.",
      from: { path: "^src/contract/" },
      to: { path: "^src/(assets|webhooks|cleanup|routes|ui|events|client)/|^src/rpc\\.ts$" },
    },
    {
      name: "routes-not-ui",
      severity: "error",
      comment: "REST routes and UI pages are separate ways in; what both need lives below them.",
      from: { path: "^src/routes/" },
      to: { path: "^src/ui/" },
    },
    {
      name: "ui-not-routes",
      severity: "error",
      comment: "REST routes and UI pages are separate ways in; what both need lives below them.",
      from: { path: "^src/ui/" },
      to: { path: "^src/routes/" },
    },
    {
      name: "client-only-types-from-server",
      severity: "error",
      comment: "The client ships to other runtimes: from the server it takes contract types only.",
      from: { path: "^src/client/" },
      to: { path: "^src/", pathNot: "^src/(client|contract)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve is a broken path, not a dependency.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^(cloudflare:|node:)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"] },
    exclude: { path: "^(node_modules|dist)/" },
  },
};
