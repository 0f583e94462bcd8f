// Tables over the map: the problem schools of the term shown (sortable), the district against the
// national standard, and the run's rectification list; and the standard's verdict in the side panel.
import { describeError } from "./api";
import { districtAssessment, districtHtml, partName, rectificationHtml, rectificationList } from "./assessment";
import { ViolationKind } from "./gen/planning/v1/simulation_pb";
import { fmt, gradeCapacity, levelLabel, termKey, termLabel, type Limits } from "./domain";
import { $ } from "./dom";
import { esc } from "./info";
import { app, currentTerm, type ProblemSortKey, type TableTab, type ViewData } from "./state";
import { limits, rules } from "./viewdata";

/** One problem school in a run's term, as the server judged it. */
export interface ProblemRow {
  code: string;
  name: string;
  level: string;
  students: number;
  sizeLimit: number;
  /** Grades over tracks × class limit: grade, students, seats (the server's Violation.limit). */
  grades: { grade: number; students: number; seats: number }[];
  seatsShort: number;
}


/** The schools over their size limit, with a grade over its seats, or short of seats: from the run's results and violations. */
export function problemRows(data: ViewData, limits: Limits): ProblemRow[] {
  const sort = app.view.problemSort;
  const rows: ProblemRow[] = [];
  for (const f of data.figures.values()) {
    if (!f.open) continue;
    // A run: the server's violations. The base data (no result): its grades over tracks × class limit.
    const grades = f.source === "run"
      ? data.violations
          .filter((v) => v.schoolCode === f.code && v.kind === ViolationKind.CLASS_SIZE)
          .map((v) => ({ grade: v.grade, students: v.value, seats: v.limit }))
          .sort((a, b) => a.grade - b.grade)
      : f.gradesOver.map((g) => ({ grade: g, students: f.enrolment[g - 1], seats: gradeCapacity(f, g, limits) }));
    if (f.total <= f.sizeLimit && grades.length === 0 && f.seatsShort === 0) continue;
    rows.push({
      code: f.code, name: f.name, level: levelLabel(f.level), students: f.total, sizeLimit: f.sizeLimit, grades,
      seatsShort: f.seatsShort,
    });
  }
  const value = (r: ProblemRow): number | string => {
    switch (sort.key) {
      case "name": return r.name;
      case "level": return r.level;
      case "students": return r.students;
      case "over": return r.students - r.sizeLimit;
      case "grades": return r.grades.length;
      case "seatsShort": return r.seatsShort;
    }
  };
  return rows.sort((a, b) => {
    const x = value(a), y = value(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return (sort.desc ? -c : c) || a.code.localeCompare(b.code);
  });
}

function problemsHtml(data: ViewData | null, limits: Limits): string {
  if (!data) return "";
  const rows = problemRows(data, limits);
  const sort = app.view.problemSort;
  const head = (key: ProblemSortKey, text: string) =>
    `<th data-sort="${key}" class="sortable${sort.key === key ? (sort.desc ? " desc" : " asc") : ""}" title="排序 Sort">${text}</th>`;
  const unserved = data.violations.filter((v) => !v.schoolCode && v.kind === ViolationKind.SEATS_SHORT);
  const body = rows
    .map(
      (r) => `<tr data-school="${esc(r.code)}">
        <td><a data-goto-school="${esc(r.code)}">${esc(r.name)}</a> <small>${esc(r.code)}</small></td>
        <td>${esc(r.level)}</td>
        <td class="num${r.students > r.sizeLimit ? " bad" : ""}" data-col="students">${fmt(r.students)}</td>
        <td class="num" data-col="limit">${fmt(r.sizeLimit)}</td>
        <td data-col="grades" data-count="${r.grades.length}">${r.grades.length ? r.grades.map((g) => `<span class="bad" title="${fmt(g.students)} 学生 students, ${fmt(g.seats)} 学位 seats (tracks × class limit)">${g.grade}年级 ${fmt(g.students)}/${fmt(g.seats)}</span>`).join(" ") : ""}</td>
        <td class="num${r.seatsShort ? " bad" : ""}" data-col="seats-short">${r.seatsShort ? fmt(r.seatsShort) : ""}</td></tr>`,
    )
    .join("");
  const source = data.spec.runId
    ? "模拟结果 from the run's results and violations"
    : "现状 base data, against the server's limits (GetRules); seats short need a run";
  return `<p><b id="problem-count">${fmt(rows.length)}</b> 所问题学校 problem schools in ${esc(termLabel(data.spec.term))} (${esc(data.spec.term)}) ·
      <span class="hint">${source}</span></p>
    ${unserved.map((v) => `<p class="bad">${esc(v.message)}</p>`).join("")}
    <table class="data" id="problem-table"><thead><tr>
      ${head("name", "学校 School")}${head("level", "类型 Level")}${head("students", "在校生 Students")}${head("over", "上限 Size limit")}
      ${head("grades", "超班额年级 Grades over (students/seats)")}${head("seatsShort", "缺学位 Seats short")}</tr></thead>
      <tbody>${body}</tbody></table>`;
}

let tablesGeneration = 0;

/** Fills the table open over the map (if any) for the view shown. */
export async function renderTables(): Promise<void> {
  const tab = app.view.table;
  $("tables-box").hidden = tab === null;
  if (tab === null) return;
  document.querySelectorAll<HTMLButtonElement>("#tables-tabs [data-tab]").forEach((b) => {
    b.classList.toggle("active", b.dataset.tab === tab);
    b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  });
  const el = $("tables");
  const data = app.render.viewData[0];
  const gen = ++tablesGeneration;
  const runId = app.view.runId;
  const term = currentTerm();
  if (tab === "problems") {
    const html = problemsHtml(data, await limits());
    if (gen === tablesGeneration) el.innerHTML = html;
    return;
  }
  if (!runId) {
    el.innerHTML = `<p class="hint">选择一次模拟 · Pick a run: the assessment covers a run's terms.</p>`;
    return;
  }
  el.innerHTML = `<p class="hint">加载中 Loading…</p>`;
  try {
    const html = tab === "standard"
      ? districtHtml(...(await Promise.all([districtAssessment(runId, term), rules()])))
      : rectificationHtml(...(await Promise.all([rectificationList(runId), rules()])), term, termKey);
    if (gen === tablesGeneration) el.innerHTML = html;
  } catch (e) {
    if (gen === tablesGeneration) el.innerHTML = `<p class="bad">${esc(describeError(e))}</p>`;
    app.errors.push(`评估 Assessment: ${describeError(e)}`);
  }
}

export function openTable(tab: TableTab | null): Promise<void> {
  app.view.table = tab;
  return renderTables();
}

export function wireTables(): void {
  $("tables-tabs").addEventListener("click", (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLElement>("[data-tab]")?.dataset.tab as TableTab | undefined;
    if (tab) void openTable(tab);
  });
  $("tables-close").addEventListener("click", () => void openTable(null));
  $("tables").addEventListener("click", (e) => {
    const th = (e.target as HTMLElement).closest<HTMLElement>("th[data-sort]");
    if (!th) return;
    const key = th.dataset.sort as ProblemSortKey;
    const sort = app.view.problemSort;
    if (sort.key === key) sort.desc = !sort.desc;
    else {
      sort.key = key;
      sort.desc = key !== "name" && key !== "level";
    }
    void renderTables();
  });
  for (const [id, tab] of [["open-problems", "problems"], ["open-standard", "standard"], ["open-rectification", "rectification"]] as const) {
    $(id).addEventListener("click", () => void openTable(tab));
  }
}

let summaryGeneration = 0;

/** The side panel's line on the standard: the district's verdict and school parts meeting every item. */
export async function renderStandardSummary(): Promise<void> {
  const el = $("standard-summary");
  const runId = app.view.runId;
  const term = currentTerm();
  const gen = ++summaryGeneration;
  if (!runId) {
    el.innerHTML = `<span class="hint">选择模拟查看达标评估 · Pick a run to assess it.</span>`;
    return;
  }
  try {
    const d = await districtAssessment(runId, term);
    if (gen !== summaryGeneration) return;
    el.innerHTML =
      `<span class="${d.passes ? "good" : "bad"}">${d.passes ? "通过 passes" : "未通过 does not pass"}</span> · ` +
      d.parts.map((p) => `${partName(p.part)} ${fmt(p.schoolsMeetingAll)}/${fmt(p.schools)} · 系数 ${p.coefficients.filter((c) => c.met).length}/${p.coefficients.length}`).join(" · ");
  } catch (e) {
    if (gen === summaryGeneration) el.innerHTML = `<span class="bad">${esc(describeError(e))}</span>`;
  }
}
