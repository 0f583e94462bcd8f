// The page's one state object: what is shown (view), what is loaded (data), who is signed in (auth),
// the drawing in progress (render), the answers asked for (cache) and the map panels. Every module
// reads and writes `app`; what a module keeps to itself is only plumbing (the sign-in panel's pending
// promise, a table's generation counter so that a late answer does not overwrite a newer one).
import type Feature from "ol/Feature";
import type Geometry from "ol/geom/Geometry";
import type { RunAdditions } from "./additions";
import type { ApiKey } from "./gen/planning/v1/access_pb";
import type { DistrictAssessment, RectificationList, SchoolAssessment } from "./gen/planning/v1/assessment_pb";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { AdminArea } from "./gen/planning/v1/geography_pb";
import type { Rules } from "./gen/planning/v1/rules_pb";
import type { Scenario } from "./gen/planning/v1/scenarios_pb";
import type { ResidentialArea, School } from "./gen/planning/v1/schools_pb";
import type { AreaAssignment, Run, TermComparison, TermResult, TermSummary, Violation } from "./gen/planning/v1/simulation_pb";
import { BASE_TERM, type SchoolFigures, type SchoolStatus } from "./domain";
import type { LayerVisibility, MapPanel } from "./mapview";

/** One map's view: a run (or the base data), a term and a level. */
export interface ViewSpec {
  runId: string | null; // null: the base data (current catchments)
  term: string;
  part: SchoolPart;
}

/** What one map panel draws, loaded for a ViewSpec. */
export interface ViewData {
  spec: ViewSpec;
  catchments: Feature[];
  catchmentSource: string;
  figures: Map<string, SchoolFigures>;
  statuses: Map<string, SchoolStatus>;
  violations: Violation[];
  assignments: Map<string, AreaAssignment> | null;
  summary: TermSummary | null;
}

export type CompareMode = "off" | "side" | "changed";

/** Tables shown over the map. */
export type TableTab = "problems" | "standard" | "rectification";

/** The server's web-map settings (GET /web-map-settings.json): an optional XYZ background. */
export interface WebMapSettings {
  tileUrl: string;
  tileAttribution: string;
}

export interface ViewState {
  runId: string | null;
  terms: string[];
  termIndex: number;
  part: SchoolPart;
  compareMode: CompareMode;
  compareRunId: string | null;
  /** The scenario whose runs are listed and simulated: "" the base data, else a scenario id. */
  scenario: string;
  selectedSchool: string | null;
  selectedArea: string | null;
  layers: LayerVisibility;
  /** The table open over the map, or null. */
  table: TableTab | null;
  /** The problem schools table's order. */
  problemSort: { key: ProblemSortKey; desc: boolean };
  playing: boolean;
}

export type ProblemSortKey = "name" | "level" | "students" | "over" | "grades" | "seatsShort";

export interface DataState {
  districtName: string;
  districtExtent: number[] | null;
  schools: School[];
  schoolByCode: Map<string, School>;
  /** Every area, without its boundary (the first drawing does not need them). */
  areas: ResidentialArea[];
  areaByCode: Map<string, ResidentialArea>;
  /** Area boundaries, loaded when first needed (loadAreaGeometry). */
  areaGeometry: Map<string, Geometry>;
  adminAreas: AdminArea[];
  adminNames: Map<string, string>;
  adminGeometry: Map<string, Geometry>;
  colours: Map<string, string>;
  runs: Run[];
  scenarios: Scenario[];
  settings: WebMapSettings;
}

export interface AuthState {
  /** The signed-in key (AccessService.WhoAmI); null until a key is accepted. */
  me: ApiKey | null;
  signInShown: boolean;
  /** A pasted key is being checked. */
  checking: boolean;
  message: string;
  /** The choice between a sign-in link's key and the stored one is shown. */
  switchShown: boolean;
  notice: string;
}

export interface RenderState {
  /** Each render() takes the next number; an older one finishing late draws nothing. */
  generation: number;
  latest: Promise<void>;
  count: number;
  /** What panels A (0) and B (1) draw. */
  viewData: [ViewData | null, ViewData | null];
  wasSide: boolean;
  ready: Promise<void>;
  markReady: () => void;
}

/** Promises of server answers, shared by every view that needs the same one. */
export interface CacheState {
  termResults: Map<string, Promise<TermResult>>;
  catchments: Map<string, Promise<string>>;
  comparisons: Map<string, Promise<TermComparison[]>>;
  districtAssessments: Map<string, Promise<DistrictAssessment>>;
  schoolAssessments: Map<string, Promise<SchoolAssessment>>;
  rectification: Map<string, Promise<RectificationList>>;
  /** Per run: its scenario's additions (GetScenario once per run shown). */
  runAdditions: Map<string, Promise<RunAdditions>>;
  areaGeometry: Promise<void> | null;
  rules: Promise<Rules> | null;
}

export interface App {
  view: ViewState;
  data: DataState;
  auth: AuthState;
  render: RenderState;
  cache: CacheState;
  panels: { a: MapPanel | null; b: MapPanel | null };
  /** The simulation started from this page while it goes (its Cancel aborts the call). */
  simulation: AbortController | null;
  /** Unexpected errors the page reported (shown in the status line; read by the browser tests). */
  errors: string[];
}

let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

export const app: App = {
  view: {
    runId: null,
    terms: [BASE_TERM],
    termIndex: 0,
    part: SchoolPart.PRIMARY,
    compareMode: "off",
    compareRunId: null,
    scenario: "",
    selectedSchool: null,
    selectedArea: null,
    layers: { background: true, district: true, admin: true, catchments: true, schools: true, areas: false, labels: true },
    table: null,
    problemSort: { key: "students", desc: true },
    playing: false,
  },
  data: {
    districtName: "",
    districtExtent: null,
    schools: [],
    schoolByCode: new Map(),
    areas: [],
    areaByCode: new Map(),
    areaGeometry: new Map(),
    adminAreas: [],
    adminNames: new Map(),
    adminGeometry: new Map(),
    colours: new Map(),
    runs: [],
    scenarios: [],
    settings: { tileUrl: "", tileAttribution: "" },
  },
  auth: { me: null, signInShown: false, checking: false, message: "", switchShown: false, notice: "" },
  render: {
    generation: 0,
    latest: Promise.resolve(),
    count: 0,
    viewData: [null, null],
    wasSide: false,
    ready,
    markReady: () => markReady(),
  },
  cache: {
    termResults: new Map(),
    catchments: new Map(),
    comparisons: new Map(),
    districtAssessments: new Map(),
    schoolAssessments: new Map(),
    rectification: new Map(),
    runAdditions: new Map(),
    areaGeometry: null,
    rules: null,
  },
  panels: { a: null, b: null },
  simulation: null,
  errors: [],
};

/** The main map panel (made at start-up, before anything is drawn). */
export function panelA(): MapPanel {
  if (!app.panels.a) throw new Error("the map panel is not made yet");
  return app.panels.a;
}

/** The term shown. */
export function currentTerm(): string {
  const v = app.view;
  return v.terms[Math.min(v.termIndex, v.terms.length - 1)] ?? BASE_TERM;
}

/** One promise per key: an answer asked for once and shared; a failed one is asked for again next time. */
export function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export function runById(id: string | null): Run | undefined {
  return id ? app.data.runs.find((r) => r.id === id) : undefined;
}
