// The additions (新增配置, issue 13 §2) the shown run was computed with: its scenario's AddResources changes as
// frozen in the run when it started (GetRunAdditions), listed in a school's panel and counted under the national
// standard; a change made to the scenario later is not the run's. Asked for once per run, after the map is drawn;
// names and units are the server's (GetRules).
import { api, describeError, isNotFound } from "./api";
import type { Resources } from "./gen/planning/v1/common_pb";
import type { IndicatorRule, Rules } from "./gen/planning/v1/rules_pb";
import { partName } from "./assessment";
import { $ } from "./dom";
import { esc } from "./info";
import { scenarioName } from "./runs";
import { app, cached, runById } from "./state";
import { rules } from "./viewdata";

/** One AddResources change: a school part's increments from a term on. */
export interface Addition {
  schoolCode: string;
  added: Resources;
}

export interface RunAdditions {
  /** The run's scenario, by its name now (only the additions are frozen). */
  scenarioName: string;
  additions: Addition[];
}

const NONE: RunAdditions = { scenarioName: "", additions: [] };

/** The scenario's name: from the list the page holds, else asked for (a scenario made since the page opened). */
async function nameOf(scenarioId: string): Promise<string> {
  const listed = app.data.scenarios.find((s) => s.id === scenarioId);
  if (listed) return listed.name;
  try {
    return (await api.scenarios.getScenario({ id: scenarioId })).name;
  } catch (e) {
    if (isNotFound(e)) return scenarioName(scenarioId); // deleted since: the run still holds its additions
    throw e;
  }
}

/** The shown run's additions as frozen with it, and its scenario's name; none for the base data or a run of it. */
export function runAdditions(runId: string | null): Promise<RunAdditions> {
  const scenarioId = runById(runId)?.scenarioId;
  if (!runId || !scenarioId) return Promise.resolve(NONE);
  return cached(app.cache.runAdditions, runId, async () => {
    const [frozen, name] = await Promise.all([api.simulation.getRunAdditions({ runId }), nameOf(scenarioId)]);
    const additions = frozen.additions.flatMap((a) => (a.added ? [{ schoolCode: a.schoolCode, added: a.added }] : []));
    return { scenarioName: name, additions };
  });
}

/** Resources' field for an indicator, as the rules name it ("teachers_pe_art" → teachersPeArt). */
function amountOf(r: Resources, rule: IndicatorRule): number {
  const field = rule.resourceField.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof Resources;
  const value = r[field];
  return typeof value === "number" ? value : 0;
}

const amount = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** One line per non-zero amount of one change: the indicator's name, the amount and unit, the part, from when. */
function rowsOf(a: Addition, change: number, r: Rules): string[] {
  return r.indicators
    .map((rule) => ({ rule, value: amountOf(a.added, rule) }))
    .filter((x) => x.value !== 0)
    .map(({ rule, value }) => `<tr data-change="${change}" data-indicator="${rule.indicator}">
        <td title="${esc(rule.nameEn)}">${esc(rule.nameZh)}</td>
        <td class="num" data-col="amount" data-value="${value}"><span class="amount">${amount(value)}</span> <small data-col="unit">${esc(rule.amountUnit)}</small></td>
        <td><span data-col="from">${esc(a.added.fromTerm)}</span> <small data-col="part">${partName(a.added.part)}</small></td></tr>`);
}

/** The school panel's additions: each of the run's changes for this school, or none. */
export function schoolAdditionsHtml(ra: RunAdditions, code: string, r: Rules): string {
  const mine = ra.additions.map((a, i) => ({ a, i })).filter((x) => x.a.schoolCode === code);
  if (mine.length === 0) return `<p class="hint" data-additions="0">无 none: 方案 ${esc(ra.scenarioName)} adds nothing to this school.</p>`;
  const rows = mine.flatMap(({ a, i }) => rowsOf(a, i, r)).join("");
  return `<table class="grades additions" id="school-additions-table" data-additions="${mine.length}">
      <thead><tr><th>项目 Item</th><th>数量 Amount</th><th>起始 From</th></tr></thead><tbody>${rows}</tbody></table>
    <p class="hint">方案 ${esc(ra.scenarioName)}: ${mine.length} 项新增配置 addition(s) to this school, increments in place from the term named.</p>`;
}

/** The additions section of a school's panel for the shown run (nothing without additions in its scenario). */
export async function renderSchoolAdditions(code: string): Promise<void> {
  const runId = app.view.runId;
  try {
    const [ra, r] = await Promise.all([runAdditions(runId), rules()]);
    const el = document.getElementById("school-additions");
    if (!el || app.view.selectedSchool !== code || app.view.runId !== runId) return; // another school or run meanwhile
    el.innerHTML = ra.additions.length ? `<h4>新增配置 Additions</h4>${schoolAdditionsHtml(ra, code, r)}` : "";
  } catch (e) {
    const text = `新增配置 additions: ${describeError(e)}`;
    app.errors.push(text);
    const el = document.getElementById("school-additions");
    if (el && app.view.selectedSchool === code) el.innerHTML = `<p class="bad">${esc(text)}</p>`;
  }
}

let summaryGeneration = 0;

/** The standard's side panel line: the run includes N additions to M schools, with the scenario's name. */
export async function renderRunAdditions(): Promise<void> {
  const el = $("run-additions");
  const runId = app.view.runId;
  const gen = ++summaryGeneration;
  try {
    const ra = await runAdditions(runId);
    if (gen !== summaryGeneration) return;
    const schools = new Set(ra.additions.map((a) => a.schoolCode)).size;
    el.innerHTML = ra.additions.length
      ? `含新增配置 The run includes <b data-additions="${ra.additions.length}">${ra.additions.length}</b> addition(s) to
         <b data-schools="${schools}">${schools}</b> school(s) · 方案 <span data-scenario>${esc(ra.scenarioName)}</span>`
      : "";
  } catch (e) {
    const text = `新增配置 additions: ${describeError(e)}`;
    app.errors.push(text);
    if (gen === summaryGeneration) el.innerHTML = `<span class="bad">${esc(text)}</span>`;
  }
}
