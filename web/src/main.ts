// The web map's start: sign in, then load what the first drawing needs — in parallel, the run to open
// asked for as soon as the run list names it — and draw. The sections live in their own modules
// around one state object (state.ts); the browser tests' hooks are a separate entry (testhooks.ts).
import "ol/ol.css";
import "./style.css";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { AdminAreaKind } from "./gen/planning/v1/common_pb";
import { api, isNotFound, listAllAreas, listAllSchools, listRuns, listScenarios, takeHandedOverLinkKey, takeKeyFromFragment } from "./api";
import { applyRole, showSignedIn, signIn, wireAuth } from "./auth";
import { assignSchoolColours, FONT_STACK } from "./colors";
import { wireControls } from "./controls";
import { fmt } from "./domain";
import { $, reportError, setStatus } from "./dom";
import { updateDownloads } from "./downloads";
import { MapPanel, readGeometry } from "./mapview";
import { isNarrow, readHash, render } from "./render";
import { fillRunSelects, fillScenarioSelect, openingView, setRun, termsOf } from "./runs";
import { wirePanel } from "./selection";
import { renderStandardSummary } from "./tables";
import { app, panelA, type WebMapSettings } from "./state";
import { runCatchments, termResult } from "./viewdata";

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

async function init(): Promise<void> {
  document.documentElement.style.setProperty("--font", FONT_STACK);
  app.panels.a = new MapPanel($("map-a"));
  wireAuth();
  wireControls();
  wirePanel(panelA(), 0);
  if (isNarrow()) ($("legend-box") as HTMLDetailsElement).open = false;
  const settings = loadSettings(); // public: asked for at once, while the key is checked
  try {
    showSignedIn(await signIn(linkKey));
    setStatus("加载中 Loading…");
    const hash = readHash();
    const part = hash.part === "junior" ? SchoolPart.JUNIOR : SchoolPart.PRIMARY;
    // The runs first among equals: as soon as they (and the scenarios) are in, the run to open is
    // known and its term result and catchments are asked for, while the base data still loads.
    const opening = Promise.all([listRuns(), listScenarios()]).then(([runs, scenarios]) => {
      app.data.runs = runs;
      app.data.scenarios = scenarios;
      const o = openingView(hash.run);
      if (o.runId) {
        const terms = termsOf(o.runId);
        const term = hash.term && terms.includes(hash.term) ? hash.term : terms[0];
        void termResult(o.runId, term).catch(() => {}); // failures surface when render() asks again
        void runCatchments(o.runId, term, part).catch(() => {});
      }
      return o;
    });
    const [district, admin, schools, areas, open, webMap] = await Promise.all([
      api.geography.getDistrict({ includeGeometry: true }).catch((e) => {
        if (isNotFound(e)) return null;
        throw e;
      }),
      api.geography.listAdminAreas({ includeGeometry: true }),
      listAllSchools(),
      listAllAreas(false),
      opening,
      settings,
    ]);
    if (!district) {
      setStatus("尚未导入数据 No dataset imported yet: run `planning import data/geo` (scripts/demo does).", "warn");
    }
    const d = app.data;
    d.schools = schools;
    for (const s of schools) d.schoolByCode.set(s.code, s);
    d.areas = areas;
    for (const a of areas) d.areaByCode.set(a.code, a);
    d.adminAreas = admin.adminAreas;
    d.settings = webMap;
    const pa = panelA();
    for (const a of admin.adminAreas) {
      d.adminNames.set(a.code, a.name);
      const g = readGeometry(a.geometryGeojson);
      if (g) d.adminGeometry.set(a.code, g);
    }
    d.colours = assignSchoolColours(schools, areas);
    pa.setColours(d.colours);
    pa.setBackground(webMap.tileUrl, webMap.tileAttribution);
    $("layer-background-row").hidden = !webMap.tileUrl;
    pa.setVisibility(app.view.layers);
    const districtGeometry = district ? readGeometry(district.geometryGeojson) : null;
    pa.setDistrict(districtGeometry);
    pa.setAdminAreas(
      admin.adminAreas.map((a) => ({
        code: a.code, name: a.name, street: a.kind === AdminAreaKind.STREET, geometry: d.adminGeometry.get(a.code) ?? null,
      })),
    );
    if (districtGeometry) {
      d.districtExtent = districtGeometry.getExtent();
      pa.setHomeExtent(d.districtExtent);
      pa.home();
    }
    d.districtName = district?.name ?? "";

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
    updateDownloads();
    await render();
    await pa.drawn();
    // Navigation to a drawn map with its catchments: what docs/web-map.md's render figures measure.
    performance.mark("planning:map-drawn");
    loadedStatus();
    void renderStandardSummary();
  } catch (e) {
    reportError("加载 Loading", e);
  } finally {
    app.render.markReady();
  }
}

void init();
