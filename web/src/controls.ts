// The side panel's controls: scenario, run, level, term and play, compare, layers, and the panel itself on a phone.
import { api } from "./api";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { Limits } from "./domain";
import { renderScenarioChanges } from "./planner";
import { $, reportError } from "./dom";
import { wireDownloads } from "./downloads";
import type { LayerVisibility } from "./mapview";
import { isNarrow, render, renderLegendNow, renderTermLabel, track } from "./render";
import { canDelete, compareDefault, fillRunSelects, newestRun, reloadRuns, rememberScenario, runTitle, setRun } from "./runs";
import { wireSearch } from "./search";
import { goToSchool, selectSchool } from "./selection";
import { cancelSimulation, startSimulation } from "./simulation";
import { openTable, wireTables } from "./tables";
import { app, panelA, runById, type CompareMode } from "./state";
import { loadAreaGeometry } from "./viewdata";

// ---------- term slider and play ----------

export async function setTermIndex(i: number): Promise<void> {
  const v = app.view;
  v.termIndex = Math.max(0, Math.min(i, v.terms.length - 1));
  $<HTMLInputElement>("term").value = String(v.termIndex);
  renderTermLabel();
  await render();
}

function stopPlaying(): void {
  app.view.playing = false;
  $("play").textContent = "▶";
  $("play").title = "播放 Play the years";
}

async function play(): Promise<void> {
  const v = app.view;
  if (v.playing) {
    stopPlaying();
    return;
  }
  v.playing = true;
  $("play").textContent = "⏸";
  $("play").title = "暂停 Pause";
  if (v.termIndex >= v.terms.length - 1) await setTermIndex(0);
  while (v.playing) {
    await new Promise((r) => setTimeout(r, 1200));
    if (!v.playing || v.termIndex >= v.terms.length - 1) break;
    await setTermIndex(v.termIndex + 1);
  }
  stopPlaying();
}

// ---------- scenario and run ----------

/**
 * The scenario box: lists that scenario's runs and shows its newest one (map, summary, term and
 * school panel all follow); Compare, when on, takes that scenario's default. The choice is remembered.
 */
export async function chooseScenario(scenario: string): Promise<void> {
  stopPlaying();
  const v = app.view;
  v.scenario = scenario;
  rememberScenario(scenario);
  setRun(newestRun(scenario), true);
  if (v.compareMode !== "off") v.compareRunId = compareDefault(v.runId);
  fillRunSelects();
  void renderScenarioChanges();
  await render();
}

/** Deletes the run shown once the user confirms; the run list and the map follow (the scenario's newest run). */
async function deleteShownRun(): Promise<void> {
  const run = runById(app.view.runId);
  if (!run || !canDelete(run)) return;
  if (!window.confirm(`删除模拟 Delete run “${runTitle(run)}” and its results?`)) return;
  try {
    await api.simulation.deleteRun({ id: run.id });
  } catch (e) {
    reportError("删除模拟 Delete run", e);
    return;
  }
  await reloadRuns();
  await render();
}

async function chooseRun(runId: string | null): Promise<void> {
  stopPlaying();
  setRun(runId);
  const v = app.view;
  if (v.compareMode !== "off" && v.compareRunId === runId) v.compareRunId = compareDefault(runId);
  fillRunSelects();
  await render();
}

function setLayers(): void {
  panelA().setVisibility(app.view.layers);
  app.panels.b?.setVisibility(app.view.layers);
  renderLegendNow();
}

// ---------- the side panel on a phone ----------

function setPanelOpen(open: boolean): void {
  document.body.classList.toggle("panel-open", open);
  $("panel-toggle").setAttribute("aria-expanded", String(open));
  $("panel-toggle").textContent = open ? "✕ 地图 Map" : "☰ 控制 Controls";
  // The map's size changed (the panel covers part of it or not).
  requestAnimationFrame(() => {
    panelA().map.updateSize();
    app.panels.b?.map.updateSize();
  });
}

/** The level buttons name each level's grades as the server's bands (GetRules) give them. */
export function labelParts(limits: Limits): void {
  $("part-primary-label").textContent = limits.partLabel(SchoolPart.PRIMARY);
  $("part-junior-label").textContent = limits.partLabel(SchoolPart.JUNIOR);
}

export function wireControls(): void {
  $<HTMLSelectElement>("run").addEventListener("change", (e) => void chooseRun((e.target as HTMLSelectElement).value || null));
  $("delete-run").addEventListener("click", () => void deleteShownRun());
  $<HTMLSelectElement>("scenario").addEventListener("change", (e) => void chooseScenario((e.target as HTMLSelectElement).value));
  for (const id of ["part-primary", "part-junior"]) {
    $<HTMLInputElement>(id).addEventListener("change", (e) => {
      app.view.part = (e.target as HTMLInputElement).value === "junior" ? SchoolPart.JUNIOR : SchoolPart.PRIMARY;
      void render();
    });
  }
  $<HTMLInputElement>("term").addEventListener("input", (e) => void setTermIndex(Number((e.target as HTMLInputElement).value)));
  $("play").addEventListener("click", () => void play());
  $<HTMLSelectElement>("compare-mode").addEventListener("change", (e) => {
    const v = app.view;
    const was = v.compareMode;
    v.compareMode = (e.target as HTMLSelectElement).value as CompareMode;
    if (was === "off" && v.compareMode !== "off") {
      v.compareRunId = compareDefault(v.runId);
      fillRunSelects();
    }
    void render();
  });
  $<HTMLSelectElement>("compare-run").addEventListener("change", (e) => {
    app.view.compareRunId = (e.target as HTMLSelectElement).value || null;
    void render();
  });
  $("sim-start").addEventListener("click", () => void startSimulation());
  $("sim-cancel").addEventListener("click", () => cancelSimulation());
  const layerIds: Record<keyof LayerVisibility, string> = {
    background: "layer-background", district: "layer-district", admin: "layer-admin", catchments: "layer-catchments",
    schools: "layer-schools", areas: "layer-areas", labels: "layer-labels",
  };
  for (const [key, id] of Object.entries(layerIds) as [keyof LayerVisibility, string][]) {
    $<HTMLInputElement>(id).addEventListener("change", (e) => {
      app.view.layers[key] = (e.target as HTMLInputElement).checked;
      if (key === "areas" && app.view.layers.areas) track(loadAreaGeometry());
      setLayers();
    });
  }
  $("info-close").addEventListener("click", () => void selectSchool(null));
  for (const id of ["info", "tables"]) {
    $(id).addEventListener("click", (e) => {
      const a = (e.target as HTMLElement).closest("[data-goto-school]");
      if (!a) return;
      const code = a.getAttribute("data-goto-school");
      if (id === "info") {
        void selectSchool(code);
        return;
      }
      if (isNarrow()) void openTable(null);
      if (code) void goToSchool(code);
    });
  }
  $("panel-toggle").addEventListener("click", () => setPanelOpen(!document.body.classList.contains("panel-open")));
  wireTables();
  wireSearch();
  wireDownloads();
}
