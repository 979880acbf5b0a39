import type { ListQueryInput } from "../../assets/list-query";
import { assetTypes } from "../../db/schema";
import { GALLERY_PATH, hasFilters } from "../gallery-query";

const TEXT_FILTERS = [
  { name: "provider", label: "Provider", placeholder: "e.g. fal" },
  { name: "agent_id", label: "Agent", placeholder: "agent id" },
  { name: "execution_id", label: "Execution", placeholder: "execution id" },
] as const;

/** A plain GET form: the filters land in the query string, so a filtered view is a link. */
export function FilterForm({ query }: { query: ListQueryInput }) {
  return (
    <search aria-label="Filter assets">
      <form class="filters" method="get" action={GALLERY_PATH}>
        <label>
          Type
          <select name="type">
            <option value="" selected={!query.type}>
              Any type
            </option>
            {assetTypes.map((type) => (
              <option value={type} selected={query.type === type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        {TEXT_FILTERS.map((filter) => (
          <label>
            {filter.label}
            <input name={filter.name} value={query[filter.name] ?? ""} placeholder={filter.placeholder} />
          </label>
        ))}
        {query.created_after ? <input type="hidden" name="created_after" value={query.created_after} /> : null}
        {query.created_before ? <input type="hidden" name="created_before" value={query.created_before} /> : null}
        <div class="filter-actions">
          <button type="submit">Apply filters</button>
          {hasFilters(query) ? (
            <a class="button secondary" href={GALLERY_PATH}>
              Clear
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
