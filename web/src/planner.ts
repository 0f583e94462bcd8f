// The planner in the loop (issue 12 §5): the live counts of moving the selected area to another school
// (PlannerService.WhatIf, nothing stored), pinning it there and locking a school's catchment in the
// scenario shown (ScenarioService.AddScenarioChanges), and the scenario's pins and locks with their
// removal (RemoveScenarioChanges). Pins and locks take effect in the scenario's next redistribution run.
import { create } from "@bufbuild/protobuf";
import { api, describeError } from "./api";
import { canPlan } from "./auth";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { WhatIfResponse } from "./gen/planning/v1/planner_pb";
import { LockSchoolSchema, PinAreaSchema, type Scenario, type ScenarioChange } from "./gen/planning/v1/scenarios_pb";
import { fmt, tracksIn } from "./domain";
import { $, reportError } from "./dom";
import { esc } from "./info";
import { scenarioName } from "./runs";
import { app, currentTerm } from "./state";

const PLANNER_ONLY = "需要 planner 角色 · Needs the planner role";

function levelName(part: SchoolPart): string {
  return part === SchoolPart.JUNIOR ? "初中 junior" : "小学 primary";
}

/** Attributes of a control that changes the scenario: disabled, with why, for a viewer or without a scenario. */
function writeAttributes(): string {
  if (!canPlan()) return ` disabled title="${esc(PLANNER_ONLY)}"`;
  if (!app.view.scenario) return ` disabled title="请先在方案框选择方案 · Pick a scenario in the scenario box first"`;
  return "";
}

/** The area panel's move section: a school of the level shown, its what-if, and pinning the area there. */
export function areaMoveHtml(areaCode: string, currentSchool: string): string {
  const part = app.view.part;
  const term = currentTerm();
  const teaches = app.data.schools
    .filter((s) => s.code !== currentSchool)
    .filter((s) => {
      const t = tracksIn(s, term);
      return part === SchoolPart.PRIMARY ? t.primary > 0 : t.junior > 0;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const options = teaches.map((s) => `<option value="${esc(s.code)}">${esc(s.name)} (${esc(s.code)})</option>`).join("");
  const whatIf = app.view.runId ? "" : ` disabled title="试算需选择模拟 · A what-if needs a run"`;
  return `
    <h4>调整 Move (${levelName(part)}, ${esc(term)})</h4>
    <div class="planner-row" data-area="${esc(areaCode)}">
      <select id="move-school" aria-label="目标学校 School to move to">${options}</select>
      <button type="button" data-planner="what-if"${whatIf}>试算 What if</button>
      <button type="button" data-planner="pin"${writeAttributes()}>固定 Pin</button>
    </div>
    <div id="what-if-result"></div>
    <div id="planner-message" class="sim-message" role="status"></div>`;
}

/** The school panel's lock of its catchment at the level shown. */
export function schoolLockHtml(schoolCode: string): string {
  return `
    <h4>锁定 Lock</h4>
    <div class="planner-row" data-school="${esc(schoolCode)}">
      <button type="button" data-planner="lock"${writeAttributes()}>锁定学区 Lock its ${levelName(app.view.part)} catchment from ${esc(currentTerm())}</button>
    </div>
    <div id="planner-message" class="sim-message" role="status"></div>`;
}

function whatIfHtml(r: WhatIfResponse): string {
  const rows = r.schools
    .map((s) => `<tr data-school="${esc(s.schoolCode)}"><td>${esc(s.schoolName)}</td>
      <td class="num" data-col="before">${fmt(s.before?.total ?? 0)}</td>
      <td class="num${(s.after?.total ?? 0) > (s.after?.sizeLimit ?? Infinity) ? " bad" : ""}" data-col="after">${fmt(s.after?.total ?? 0)}</td>
      <td class="num" data-col="violations-after">${s.violationsAfter.length}</td></tr>`)
    .join("");
  return `<p data-pupils-moved="${r.pupilsMoved}">学生变动 pupils moved: <b>${fmt(r.pupilsMoved)}</b> ·
      平均距离 mean distance ${fmt(r.meanDistanceBeforeM)} → <b>${fmt(r.meanDistanceAfterM)}</b> m ·
      最远 longest ${fmt(r.maxDistanceBeforeM)} → ${fmt(r.maxDistanceAfterM)} m</p>
    <table class="data" id="what-if-schools"><thead><tr><th>学校 School</th><th>前 Before</th><th>后 After</th><th>问题 Items after</th></tr></thead>
      <tbody>${rows}</tbody></table>
    <p class="hint">试算，未保存 · A what-if on the run shown; nothing is stored.</p>`;
}

function say(text: string, bad = false): void {
  const el = document.getElementById("planner-message");
  if (!el) return;
  el.textContent = text;
  el.classList.toggle("bad", bad);
}

async function addChange(change: ScenarioChange["change"], done: string): Promise<void> {
  const id = app.view.scenario;
  const scenario = await api.scenarios.getScenario({ id });
  await api.scenarios.addScenarioChanges({ scenarioId: id, version: scenario.version, changes: [{ change }] });
  say(`${done} · 方案 ${scenarioName(id)}: 下次运行生效 applies from its next run`);
  await renderScenarioChanges();
}

/** The latest what-if asked: an earlier answer arriving later is dropped. */
let whatIfGeneration = 0;

async function act(button: HTMLButtonElement): Promise<void> {
  const row = button.closest<HTMLElement>(".planner-row")!;
  const part = app.view.part;
  const term = currentTerm();
  try {
    switch (button.dataset.planner) {
      case "what-if": {
        const moves = [{ areaCode: row.dataset.area!, schoolCode: $<HTMLSelectElement>("move-school").value, part }];
        const asked = ++whatIfGeneration;
        $("what-if-result").setAttribute("aria-busy", "true");
        const r = await api.planner.whatIf({ runId: app.view.runId ?? "", term, moves });
        if (asked !== whatIfGeneration || !document.getElementById("what-if-result")) return; // asked again, or another panel
        $("what-if-result").innerHTML = whatIfHtml(r);
        $("what-if-result").removeAttribute("aria-busy");
        break;
      }
      case "pin": {
        const school = $<HTMLSelectElement>("move-school").value;
        await addChange({ case: "pinArea", value: create(PinAreaSchema, { areaCode: row.dataset.area!, schoolCode: school, part, fromTerm: term }) },
          `已固定 pinned ${row.dataset.area} → ${school}`);
        break;
      }
      case "lock":
        await addChange({ case: "lockSchool", value: create(LockSchoolSchema, { schoolCode: row.dataset.school!, part, fromTerm: term }) },
          `已锁定 locked ${row.dataset.school}`);
        break;
    }
  } catch (e) {
    say(describeError(e), true);
    if (button.dataset.planner === "what-if") document.getElementById("what-if-result")?.replaceChildren();
  }
}

/** One pin or lock in words. */
function changeText(c: ScenarioChange): string | null {
  const school = (code: string) => `${app.data.schoolByCode.get(code)?.name ?? code} (${code})`;
  if (c.change.case === "pinArea") {
    const p = c.change.value;
    const area = app.data.areaByCode.get(p.areaCode)?.name ?? p.areaCode;
    return `固定 pin: ${area} (${p.areaCode}) → ${school(p.schoolCode)}, ${levelName(p.part)}, from ${p.fromTerm}`;
  }
  if (c.change.case === "lockSchool") {
    const l = c.change.value;
    return `锁定 lock: ${school(l.schoolCode)}, ${levelName(l.part)}, from ${l.fromTerm}`;
  }
  return null;
}

let shown: Scenario | null = null;

/** The scenario's pins and locks, each with its removal (a planner's); nothing for the base data. */
export async function renderScenarioChanges(): Promise<void> {
  const el = $("scenario-changes");
  const id = app.view.scenario;
  if (!id) {
    shown = null;
    el.innerHTML = "";
    return;
  }
  try {
    const scenario = await api.scenarios.getScenario({ id });
    if (app.view.scenario !== id) return; // another scenario meanwhile
    shown = scenario;
    const items = scenario.changes
      .map((c, i) => ({ i, text: changeText(c) }))
      .filter((x) => x.text !== null)
      .map((x) => `<li data-change="${x.i}">${esc(x.text!)} <button type="button" data-remove-change="${x.i}"${canPlan() ? "" : ` disabled title="${esc(PLANNER_ONLY)}"`}>移除 Remove</button></li>`)
      .join("");
    el.innerHTML = items
      ? `<div class="hint">固定与锁定 Pins and locks (${scenario.changes.length} changes in all):</div><ul id="pins-locks">${items}</ul>`
      : `<div class="hint">无固定或锁定 No pins or locks</div>`;
  } catch (e) {
    el.textContent = `方案 scenario: ${describeError(e)}`;
  }
}

async function removeChange(index: number): Promise<void> {
  if (!shown) return;
  try {
    await api.scenarios.removeScenarioChanges({ scenarioId: shown.id, indices: [index], version: shown.version });
  } catch (e) {
    reportError("移除 Remove", e);
  }
  await renderScenarioChanges();
}

export function wirePlanner(): void {
  $("info").addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-planner]");
    if (button && !button.disabled) void act(button);
  });
  // Live: another school chosen asks again at once (with a run shown).
  $("info").addEventListener("change", (e) => {
    if ((e.target as HTMLElement).id !== "move-school") return;
    const button = document.querySelector<HTMLButtonElement>("button[data-planner='what-if']");
    if (button && !button.disabled) void act(button);
  });
  $("scenario-changes").addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-remove-change]");
    if (button && !button.disabled) void removeChange(Number(button.dataset.removeChange));
  });
}
