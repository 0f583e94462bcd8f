// Find a school, a residential area, or a street or town by name or code.
import { $ } from "./dom";
import { esc } from "./info";
import { levelLabel } from "./domain";
import { goToAdminArea, goToArea, goToSchool } from "./selection";
import { app } from "./state";

export interface SearchHit {
  kind: "school" | "area" | "admin";
  code: string;
  name: string;
  detail: string;
}

const MAX_HITS = 12;
const KIND_ORDER = { school: 0, admin: 1, area: 2 } as const;

/** Schools, streets/towns and areas whose name or code contains the text (codes first when they match exactly). */
export function search(text: string): SearchHit[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const hits: (SearchHit & { rank: number })[] = [];
  const consider = (hit: SearchHit) => {
    const name = hit.name.toLowerCase();
    const code = hit.code.toLowerCase();
    const rank = code === q || name === q ? 0 : code.startsWith(q) || name.startsWith(q) ? 1 : code.includes(q) || name.includes(q) ? 2 : -1;
    if (rank >= 0) hits.push({ ...hit, rank });
  };
  for (const s of app.data.schools) consider({ kind: "school", code: s.code, name: s.name, detail: levelLabel(s.level) });
  for (const a of app.data.adminAreas) consider({ kind: "admin", code: a.code, name: a.name, detail: "街镇 street / town" });
  for (const a of app.data.areas) {
    consider({ kind: "area", code: a.code, name: a.name, detail: app.data.adminNames.get(a.adminAreaCode) ?? a.adminAreaCode });
  }
  return hits
    .sort((x, y) => x.rank - y.rank || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.name.localeCompare(y.name, "zh-CN"))
    .slice(0, MAX_HITS)
    .map(({ rank: _rank, ...hit }) => hit);
}

async function pick(hit: SearchHit): Promise<void> {
  const list = $("search-results");
  list.hidden = true;
  $<HTMLInputElement>("search").value = hit.name;
  if (hit.kind === "school") await goToSchool(hit.code);
  else if (hit.kind === "area") await goToArea(hit.code);
  else goToAdminArea(hit.code);
}

const kindLabel = { school: "学校", area: "小区/村", admin: "街镇" } as const;

export function wireSearch(): void {
  const input = $<HTMLInputElement>("search");
  const list = $("search-results");
  let hits: SearchHit[] = [];
  const show = () => {
    hits = search(input.value);
    list.innerHTML = hits.length
      ? hits
          .map(
            (h, i) => `<li role="option" data-index="${i}" data-kind="${h.kind}" data-code="${esc(h.code)}">
              <span class="kind">${kindLabel[h.kind]}</span> ${esc(h.name)} <small>${esc(h.code)} · ${esc(h.detail)}</small></li>`,
          )
          .join("")
      : input.value.trim()
        ? `<li class="hint">无结果 nothing found</li>`
        : "";
    list.hidden = !input.value.trim();
  };
  input.addEventListener("input", show);
  input.addEventListener("focus", show);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && hits.length > 0) {
      e.preventDefault();
      void pick(hits[0]);
    } else if (e.key === "Escape") {
      list.hidden = true;
    }
  });
  list.addEventListener("click", (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-index]");
    if (li) void pick(hits[Number(li.dataset.index)]);
  });
}
