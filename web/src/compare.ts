// Compare: two runs side by side, or the areas whose school of the level shown changed between them.
import Feature from "ol/Feature";
import { api } from "./api";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { AreaAssignment, TermComparison, TermSummary } from "./gen/planning/v1/simulation_pb";
import { fmt, partStudents, type Limits } from "./domain";
import { $ } from "./dom";
import { esc } from "./info";
import { termsOf } from "./runs";
import { app, cached, currentTerm } from "./state";
import { baseSchoolOf, limits, loadAreaGeometry, termResult } from "./viewdata";

interface Flow {
  fromSchoolCode: string;
  toSchoolCode: string;
  part: SchoolPart;
  students: number;
}

export interface ChangedAreas {
  features: Feature[];
  codes: string[];
  flows: Flow[];
  a: TermSummary | null;
  b: TermSummary | null;
  source: string;
}

function comparison(a: string, b: string): Promise<TermComparison[]> {
  return cached(app.cache.comparisons, `${a}|${b}`, () => api.simulation.compareRuns({ runA: a, runB: b }).then((r) => r.terms));
}

/** One side of a comparison in a term: a run's assignments and summary, or the base data (null assignments). */
async function side(runId: string | null, term: string): Promise<{ assignments: Map<string, AreaAssignment> | null; summary: TermSummary | null }> {
  if (!runId) return { assignments: null, summary: null };
  const r = await termResult(runId, term);
  return { assignments: new Map(r.assignments.map((x) => [x.areaCode, x] as const)), summary: r.summary ?? null };
}

/** Hatchable features of the areas with these codes (their boundaries loaded). */
function areaFeatures(codes: string[]): Feature[] {
  return codes.flatMap((code) => {
    const g = app.data.areaGeometry.get(code);
    if (!g) return [];
    const f = new Feature({ geometry: g, code });
    f.setId(code);
    return [f];
  });
}

/**
 * The areas whose school of the level shown differs from the compared run (the baseline, e.g.
 * "before") to the selected run (e.g. "after") in the term shown, and the largest student flows of
 * that level. Two runs: CompareRuns says both. The base data on one side: from both sides' schools,
 * area by area.
 */
export async function changedAreas(): Promise<ChangedAreas> {
  const term = currentTerm();
  const part = app.view.part;
  const a = app.view.compareRunId;
  const b = app.view.runId;
  const l = await limits();
  const none = (source: string): ChangedAreas => ({ features: [], codes: [], flows: [], a: null, b: null, source });
  if (a === b) return none("同一方案 the same run on both sides");
  if (a && !termsOf(a).includes(term)) return none(`对比方案没有 the compared run has no term ${term}`);
  if (a && b) {
    const [terms] = await Promise.all([comparison(a, b), loadAreaGeometry()]);
    const t = terms.find((x) => x.term === term);
    if (!t) return none(`CompareRuns: no term ${term}`);
    const codes = [...(part === SchoolPart.PRIMARY ? t.changedPrimaryAreaCodes : t.changedJuniorAreaCodes)];
    return {
      features: areaFeatures(codes), codes, flows: t.flows.filter((f) => f.part === part), a: t.a ?? null, b: t.b ?? null,
      source: `${l.partLabel(part)}: CompareRuns`,
    };
  }
  const [sa, sb] = await Promise.all([side(a, term), side(b, term), loadAreaGeometry()]);
  const schoolOf = (s: typeof sa, area: (typeof app.data.areas)[number]) => {
    if (!s.assignments) return baseSchoolOf(area, part);
    const x = s.assignments.get(area.code);
    return x ? (part === SchoolPart.PRIMARY ? x.schoolPrimaryCode : x.schoolJuniorCode) : "";
  };
  const codes: string[] = [];
  const flows = new Map<string, Flow>();
  for (const area of app.data.areas) {
    const from = schoolOf(sa, area);
    const to = schoolOf(sb, area);
    if (from === to) continue;
    codes.push(area.code);
    const students = partStudents(sb.assignments?.get(area.code)?.students ?? sa.assignments?.get(area.code)?.students ?? area.students, part, l);
    const f = flows.get(`${from}|${to}`) ?? { fromSchoolCode: from, toSchoolCode: to, part, students: 0 };
    f.students += students;
    flows.set(`${from}|${to}`, f);
  }
  return {
    features: areaFeatures(codes), codes, flows: [...flows.values()], a: sa.summary, b: sb.summary,
    source: `${l.partLabel(part)}: from both sides' schools`,
  };
}

/** The comparison's figures; `limits` (GetRules) names the level shown with its grades. */
export function renderCompareInfo(changed: ChangedAreas | null, limits: Limits | null): void {
  const el = $("compare-info");
  const mode = app.view.compareMode;
  $("compare-run-row").hidden = mode === "off";
  if (mode === "off") {
    el.innerHTML = "";
    return;
  }
  if (mode === "side") {
    const [a, b] = app.render.viewData;
    el.innerHTML =
      summaryCompareTable(a?.summary ?? null, b?.summary ?? null, ["A 左 left", "B 右 right"]) +
      `<p class="hint">左 A = 当前方案 selected run, 右 B = 对比 compared run.</p>`;
    return;
  }
  if (!changed || !limits) {
    el.innerHTML = "";
    return;
  }
  const name = (c: string) => (c ? app.data.schoolByCode.get(c)?.name ?? c : "无 none");
  const label = limits.partLabel(app.view.part);
  const flows = [...changed.flows].sort((x, y) => y.students - x.students).slice(0, 12);
  el.innerHTML =
    `<div>学校有变化的小区/村 areas whose ${esc(label)} school changed: <b id="changed-count">${fmt(changed.codes.length)}</b> <span class="hint">(${esc(changed.source)})</span></div>` +
    summaryCompareTable(changed.a, changed.b, ["基准 baseline", "当前 selected"]) +
    (flows.length
      ? `<table class="flows"><thead><tr><th>流向 baseline → selected (${esc(label)})</th><th>学生</th></tr></thead><tbody>` +
        flows.map((f) => `<tr><td title="${esc(f.fromSchoolCode)} → ${esc(f.toSchoolCode)}">${esc(name(f.fromSchoolCode))} → ${esc(name(f.toSchoolCode))}</td><td>${fmt(f.students)}</td></tr>`).join("") +
        "</tbody></table>"
      : "");
}

function summaryCompareTable(a: TermSummary | null, b: TermSummary | null, heads: [string, string]): string {
  if (!a && !b) return "";
  const row = (label: string, f: (s: TermSummary) => number, digits = 0) =>
    `<tr><td>${label}</td><td>${a ? fmt(f(a), digits) : "—"}</td><td>${b ? fmt(f(b), digits) : "—"}</td></tr>`;
  return `<table><thead><tr><th></th><th>${esc(heads[0])}</th><th>${esc(heads[1])}</th></tr></thead><tbody>
    ${row("超规模 over size", (s) => s.schoolsOverSize)}
    ${row("超班额 over class", (s) => s.gradesOverClassLimit)}
    ${row("缺学位 seats short", (s) => s.seatsShort)}
    ${row("转学 moved", (s) => s.studentsMoved)}
    ${row("平均距离 mean m", (s) => s.meanDistanceM)}</tbody></table>`;
}
