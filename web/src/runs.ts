// Scenarios and runs: the scenario box, the run and compare lists, which run the page opens, the term slider's terms.
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { listRuns } from "./api";
import { Role } from "./gen/planning/v1/access_pb";
import { RunMode, RunStatus, type Run } from "./gen/planning/v1/simulation_pb";
import { BASE_TERM, termKey } from "./domain";
import { $ } from "./dom";
import { esc } from "./info";
import { app, currentTerm, runById } from "./state";

/** The scenario box's choice in this browser (a planner's explicit choice wins over any guess). */
const SCENARIO_STORAGE = "planning.scenario";

export const BASE_SCENARIO_NAME = "基础数据 base data";

export function scenarioName(id: string): string {
  if (!id) return BASE_SCENARIO_NAME;
  return app.data.scenarios.find((s) => s.id === id)?.name ?? `方案 scenario ${id.slice(0, 8)}`;
}

export function runWhen(run: Run): string {
  const at = run.startedAt ?? run.queuedAt;
  if (!at) return "";
  const d = timestampDate(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function modeLabel(mode: RunMode): string {
  return mode === RunMode.KEEP_CURRENT ? "保持现状 keep current" : "重新划片 redistribute";
}

/** "after · 重新划片 redistribute · 基础数据 base data · 2026-12-04 11:52": a run as lists name it. */
export function runTitle(run: Run | undefined): string {
  if (!run) return "现状 base data (current catchments)";
  return [run.label || "—", modeLabel(run.mode), scenarioName(run.scenarioId), runWhen(run)].filter((x) => x).join(" · ");
}

function statusSuffix(run: Run): string {
  return run.status === RunStatus.SUCCEEDED ? "" : ` [${RunStatus[run.status]?.toLowerCase() ?? run.status}]`;
}

/** Runs of a scenario ("" the base data), newest first. */
export function runsOf(scenario: string): Run[] {
  return app.data.runs.filter((r) => r.scenarioId === scenario);
}

function succeeded(runs: Run[]): Run[] {
  return runs.filter((r) => r.status === RunStatus.SUCCEEDED);
}

/** The run a scenario opens with: its newest successful redistribution, else its newest successful run, else none. */
export function newestRun(scenario: string): string | null {
  const ok = succeeded(runsOf(scenario));
  return (ok.find((r) => r.mode !== RunMode.KEEP_CURRENT) ?? ok[0])?.id ?? null;
}

/**
 * What Compare sets against the run shown: the newest "keep current" run of the same scenario (its
 * "before"), else its newest other successful run, else the base data.
 */
export function compareDefault(runId: string | null): string | null {
  const scenario = runById(runId)?.scenarioId ?? app.view.scenario;
  const others = succeeded(runsOf(scenario)).filter((r) => r.id !== runId);
  return (others.find((r) => r.mode === RunMode.KEEP_CURRENT) ?? others[0])?.id ?? null;
}

function rememberedScenario(): string | null {
  try {
    return window.localStorage.getItem(SCENARIO_STORAGE);
  } catch {
    return null;
  }
}

export function rememberScenario(scenario: string): void {
  try {
    window.localStorage.setItem(SCENARIO_STORAGE, scenario);
  } catch {
    // not remembered: the page guesses again next time
  }
}

/**
 * The scenario and run the page opens: the run in the address; else the scenario chosen last in this
 * browser, with its newest run; else the scenario of the newest successful redistribution. With
 * `scenariosLoaded` false, a guess from the runs alone (the page asks for the guessed run's data at once).
 */
export function openingView(hashRun: string | undefined, scenariosLoaded = true): { scenario: string; runId: string | null } {
  // Before the scenarios are in (a first guess, to ask for the run's data early): a scenario is known when it has runs.
  const known = (id: string) =>
    id === "" || (scenariosLoaded ? app.data.scenarios.some((s) => s.id === id) : app.data.runs.some((r) => r.scenarioId === id));
  const remembered = rememberedScenario();
  if (hashRun && hashRun !== "base") {
    const run = runById(hashRun);
    if (run) return { scenario: run.scenarioId, runId: run.id };
  }
  if (remembered !== null && known(remembered)) {
    return { scenario: remembered, runId: hashRun === "base" ? null : newestRun(remembered) };
  }
  const ok = succeeded(app.data.runs);
  const newest = ok.find((r) => r.mode !== RunMode.KEEP_CURRENT) ?? ok[0];
  const scenario = newest?.scenarioId ?? "";
  return { scenario, runId: hashRun === "base" ? null : newestRun(scenario) };
}

export function fillScenarioSelect(): void {
  const sel = $<HTMLSelectElement>("scenario");
  sel.innerHTML =
    `<option value="">${esc(BASE_SCENARIO_NAME)}</option>` +
    app.data.scenarios.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join("");
  sel.value = app.view.scenario;
}

/** The run list (the chosen scenario's runs) and the compare list (every successful run, by scenario). */
export function fillRunSelects(): void {
  const v = app.view;
  const base = (selected: string | null) =>
    `<option value=""${selected === null ? " selected" : ""}>现状 Base data — current catchments</option>`;
  const option = (r: Run, selected: string | null, title: string) => {
    const ok = r.status === RunStatus.SUCCEEDED;
    return `<option value="${esc(r.id)}" title="${esc(runTitle(r))}"${r.id === selected ? " selected" : ""}${ok ? "" : " disabled"}>${esc(title)}${statusSuffix(r)}</option>`;
  };
  const inScenario = (r: Run) => [r.label || "—", modeLabel(r.mode), runWhen(r), startedBy(r)].filter((x) => x).join(" · ");
  $<HTMLSelectElement>("run").innerHTML = base(v.runId) + runsOf(v.scenario).map((r) => option(r, v.runId, inScenario(r))).join("");
  const groups = ["", ...app.data.scenarios.map((s) => s.id)]
    .map((id) => ({ id, runs: succeeded(runsOf(id)) }))
    .filter((g) => g.runs.length > 0)
    .map((g) => `<optgroup label="${esc(scenarioName(g.id))}">${g.runs.map((r) => option(r, v.compareRunId, inScenario(r))).join("")}</optgroup>`);
  $<HTMLSelectElement>("compare-run").innerHTML = base(v.compareRunId) + groups.join("");
  showRunInfo(runById(v.runId));
  updateSimTarget();
}

/** "由 Wang Li": the name of the key that started a run (empty for runs stored before names were kept). */
function startedBy(run: Run): string {
  return run.startedBy ? `由 ${run.startedBy}` : "";
}

/** Admins delete any run, planners the runs their own key started (SimulationService.DeleteRun), viewers none. */
export function canDelete(run: Run | undefined): boolean {
  const me = app.auth.me;
  if (!run || !me) return false;
  return me.role >= Role.ADMIN || (me.role >= Role.PLANNER && run.startedBy !== "" && run.startedBy === me.name);
}

function showRunInfo(run: Run | undefined): void {
  $("run-info").textContent = runInfo(run);
  $("delete-run").hidden = !canDelete(run);
}

/** The line under the run list: the run's scenario, mode, when it ran and who started it. */
function runInfo(run: Run | undefined): string {
  if (!run) return `现状 Base data: 各小区/村的当前学校 · every area's current school`;
  return [`方案 ${scenarioName(run.scenarioId)}`, modeLabel(run.mode), `运行于 ran ${runWhen(run)}`, run.startedBy ? `由 started by ${run.startedBy}` : ""]
    .filter((x) => x).join(" · ");
}

/** The simulation form names what it will run on: the scenario chosen in the scenario box. */
export function updateSimTarget(): void {
  $("sim-target").textContent = app.view.scenario
    ? `方案 scenario “${scenarioName(app.view.scenario)}”`
    : `${BASE_SCENARIO_NAME} (默认设置 default settings)`;
}

export function termsOf(runId: string | null): string[] {
  const run = runById(runId);
  if (!run || run.terms.length === 0) return [BASE_TERM];
  return [...run.terms].sort((a, b) => termKey(a) - termKey(b));
}

/** Shows a run (null: the base data), keeping the term when the run has it. */
export function setRun(runId: string | null, keepTerm = true): void {
  const v = app.view;
  const previous = currentTerm();
  v.runId = runId;
  v.terms = termsOf(runId);
  const same = keepTerm ? v.terms.indexOf(previous) : -1;
  v.termIndex = same >= 0 ? same : 0;
  const slider = $<HTMLInputElement>("term");
  slider.max = String(v.terms.length - 1);
  slider.value = String(v.termIndex);
  slider.disabled = v.terms.length <= 1;
  $<HTMLButtonElement>("play").disabled = v.terms.length <= 1;
  $<HTMLSelectElement>("run").value = runId ?? "";
  showRunInfo(runById(runId));
}

/** Reloads the run list; keeps the runs shown unless they are gone. */
export async function reloadRuns(): Promise<void> {
  app.data.runs = await listRuns();
  const v = app.view;
  if (v.runId && !runById(v.runId)) setRun(newestRun(v.scenario), true);
  if (v.compareRunId && !runById(v.compareRunId)) v.compareRunId = compareDefault(v.runId);
  fillRunSelects();
}
