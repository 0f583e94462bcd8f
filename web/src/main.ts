// The web map's start: sign in, then load what the first drawing needs — in parallel, the run to open
// asked for as soon as the run list names it — and draw. The sections live in their own modules
// around one state object (state.ts); the browser tests' hooks are a separate entry (testhooks.ts).
import "ol/ol.css";
import "./style.css";
import { renderRunAdditions } from "./additions";
import { AdminAreaKind, SchoolPart } from "./gen/planning/v1/common_pb";
import type { AdminArea, District } from "./gen/planning/v1/geography_pb";
import type { ResidentialArea, School } from "./gen/planning/v1/schools_pb";
import { api, isNotFound, listAllAreas, listAllSchools, listRuns, listScenarios, takeHandedOverLinkKey, takeKeyFromFragment } from "./api";
import { applyRole, showSignedIn, signIn, wireAuth } from "./auth";
import { assignSchoolColours, FONT_STACK } from "./colors";
import { labelParts, wireControls } from "./controls";
import { fmt } from "./domain";
import { $, reportError, setStatus } from "./dom";
import { MapPanel, readGeometry } from "./mapview";
import { renderScenarioChanges, wirePlanner } from "./planner";
import { isNarrow, readHash, render, track } from "./render";
import { fillRunSelects, fillScenarioSelect, openingView, setRun, termsOf } from "./runs";
import { wirePanel } from "./selection";
import { renderStandardSummary } from "./tables";
import { app, panelA, type WebMapSettings } from "./state";
import { limits, runCatchments, termResult } from "./viewdata";

// A sign-in link's key leaves the address bar before anything else happens (see api.ts); it is
// stored only once WhoAmI has accepted it, and never over another stored key without asking (signIn).
// A link opened in a tab that already showed the map hands its key over to this load (hashchange).
const linkKey = takeKeyFromFragment() ?? takeHandedOverLinkKey();

/** The server's web-map settings (public, like the page): an optional XYZ background and its attribution. */
async function loadSettings(): Promise<WebMapSettings> {
  const response = await fetch("/web-map-settings.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`/web-map-settings.json: HTTP ${response.status}`);
  const json = (await response.json()) as Partial<WebMapSettings>;
  return { tileUrl: json.tileUrl ?? "", tileAttribution: json.tileAttribution ?? "" };
}

/** The status line once loaded. */
function loadedStatus(): void {
  if (app.errors.length > 0) return;
  const d = app.data;
  setStatus(`${d.districtName}: ${fmt(d.schools.length)} 所学校 schools, ${fmt(d.areas.length)} 个小区/村 areas, ${fmt(d.runs.length)} 次模拟 runs.`);
}

/** The run in the address (a reload, a shared link): asked for at once, before the run list confirms it. */
function prefetchHashRun(hash: ReturnType<typeof readHash>, part: SchoolPart): void {
  if (!hash.run || hash.run === "base" || !hash.term) return;
  // An unknown run or term is NOT_FOUND here and ignored: the run list decides what opens.
  void termResult(hash.run, hash.term).catch(() => {});
  void runCatchments(hash.run, hash.term, part).catch(() => {});
}

/** The district's outline: drawn, and the home button's extent. */
function showDistrict(district: District | null): void {
  const d = app.data;
  const pa = panelA();
  if (!district) {
    setStatus("尚未导入数据 No dataset imported yet: run `planning import data/geo` (scripts/demo does).", "warn");
    return;
  }
  d.districtName = district.name;
  const geometry = readGeometry(district.geometryGeojson);
  pa.setDistrict(geometry);
  if (geometry) {
    d.districtExtent = geometry.getExtent();
    pa.setHomeExtent(d.districtExtent);
    pa.home();
  }
}

function showAdminAreas(adminAreas: AdminArea[]): void {
  const d = app.data;
  d.adminAreas = adminAreas;
  for (const a of adminAreas) {
    d.adminNames.set(a.code, a.name);
    const g = readGeometry(a.geometryGeojson);
    if (g) d.adminGeometry.set(a.code, g);
  }
  panelA().setAdminAreas(
    adminAreas.map((a) => ({ code: a.code, name: a.name, street: a.kind === AdminAreaKind.STREET, geometry: d.adminGeometry.get(a.code) ?? null })),
  );
}

function takeSchoolsAndAreas(schools: School[], areas: ResidentialArea[]): void {
  const d = app.data;
  d.schools = schools;
  for (const s of schools) d.schoolByCode.set(s.code, s);
  d.areas = areas;
  for (const a of areas) d.areaByCode.set(a.code, a);
  d.colours = assignSchoolColours(schools, areas);
  panelA().setColours(d.colours);
}

function takeSettings(settings: WebMapSettings): void {
  app.data.settings = settings;
  panelA().setBackground(settings.tileUrl, settings.tileAttribution);
  $("layer-background-row").hidden = !settings.tileUrl;
  panelA().setVisibility(app.view.layers);
}

async function init(): Promise<void> {
  document.documentElement.style.setProperty("--font", FONT_STACK);
  wireAuth();
  // The key check goes out first; the map is built while it is on its way.
  const signedIn = signIn(linkKey);
  const settings = loadSettings(); // public: asked for at once, too
  app.panels.a = new MapPanel($("map-a"));
  wireControls();
  wirePlanner();
  wirePanel(panelA(), 0);
  panelA().setVisibility(app.view.layers);
  if (isNarrow()) ($("legend-box") as HTMLDetailsElement).open = false;
  try {
    showSignedIn(await signedIn);
    setStatus("加载中 Loading…");
    const hash = readHash();
    const part = hash.part === "junior" ? SchoolPart.JUNIOR : SchoolPart.PRIMARY;
    prefetchHashRun(hash, part);
    // Everything at once, each piece taken in as it comes. The runs name the run to open: its term
    // result and catchments are asked for as soon as they are in, while the base data still loads.
    const prefetch = (o: { runId: string | null }) => {
      if (!o.runId) return;
      const terms = termsOf(o.runId);
      const term = hash.term && terms.includes(hash.term) ? hash.term : terms[0];
      void termResult(o.runId, term).catch(() => {}); // a failure surfaces when render() asks again
      void runCatchments(o.runId, term, part).catch(() => {});
    };
    const guessed = listRuns().then((list) => {
      app.data.runs = list;
      prefetch(openingView(hash.run, false)); // the scenarios may still be on their way: a guess, nearly always right
    });
    const opening = Promise.all([guessed, listScenarios()]).then(([, scenarios]) => {
      app.data.scenarios = scenarios;
      const o = openingView(hash.run);
      prefetch(o); // asked for already when the guess was right (the answers are shared)
      return o;
    });
    const [open] = await Promise.all([
      opening,
      api.geography.getDistrict({ includeGeometry: true }).then(showDistrict, (e) => {
        if (!isNotFound(e)) throw e;
        showDistrict(null);
      }),
      api.geography.listAdminAreas({ includeGeometry: true }).then((r) => showAdminAreas(r.adminAreas)),
      // Colouring the schools takes the main thread a while: only once the run's own calls have gone out.
      Promise.all([listAllSchools(), listAllAreas(false), guessed]).then(([schools, areas]) => takeSchoolsAndAreas(schools, areas)),
      settings.then(takeSettings),
    ]);

    app.view.scenario = open.scenario;
    if (part === SchoolPart.JUNIOR) {
      app.view.part = SchoolPart.JUNIOR;
      $<HTMLInputElement>("part-junior").checked = true;
    }
    fillScenarioSelect();
    setRun(open.runId, false);
    fillRunSelects();
    if (hash.term && app.view.terms.includes(hash.term)) {
      app.view.termIndex = app.view.terms.indexOf(hash.term);
      $<HTMLInputElement>("term").value = String(app.view.termIndex);
    }
    applyRole();
    void renderScenarioChanges();
    await render();
    await panelA().drawn();
    // Navigation to a drawn map with its catchments: what docs/web-map.md's render figures measure.
    performance.mark("planning:map-drawn");
    loadedStatus();
    void renderStandardSummary();
    void renderRunAdditions();
    track(limits().then(labelParts));
  } catch (e) {
    reportError("加载 Loading", e);
  } finally {
    app.render.markReady();
  }
}

void init();
