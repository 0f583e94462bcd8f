// The side panel's controls: scenario, run, level, term and play, compare, layers, and the panel itself on a phone.
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { renderScenarioChanges } from "./planner";
import { $ } from "./dom";
import { wireDownloads } from "./downloads";
import type { LayerVisibility } from "./mapview";
import { isNarrow, render, renderLegendNow, renderTermLabel, track } from "./render";
import { compareDefault, fillRunSelects, newestRun, rememberScenario, setRun } from "./runs";
import { wireSearch } from "./search";
import { goToSchool, selectSchool } from "./selection";
import { cancelSimulation, startSimulation } from "./simulation";
import { openTable, wireTables } from "./tables";
import { app, panelA, type CompareMode } from "./state";
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

export function wireControls(): void {
  $<HTMLSelectElement>("run").addEventListener("change", (e) => void chooseRun((e.target as HTMLSelectElement).value || null));
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
