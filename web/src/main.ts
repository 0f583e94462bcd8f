// The web map: wires the data (gRPC-Web), the map panels and the controls.
import "ol/ol.css";
import "./style.css";
import Feature from "ol/Feature";
import type Geometry from "ol/geom/Geometry";
import MultiPolygon from "ol/geom/MultiPolygon";
import Polygon from "ol/geom/Polygon";
import { fromLonLat } from "ol/proj";
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { Code, type ConnectError } from "@connectrpc/connect";
import {
  api, describeError, forgetKey, handOverLinkKey, isCancelled, isNotFound, isUnauthenticated, isUnimplemented, keyFromPaste, KEY_STORAGE,
  listAllAreas, listAllSchools, listRuns, listScenarios, onRefused, removeStoredKey, roleLabel, storedKey, storeKey,
  takeHandedOverLinkKey, takeKeyFromFragment, currentKey, useKey, whoAmI,
} from "./api";
import { Role, type ApiKey } from "./gen/planning/v1/access_pb";
import { AdminAreaKind, SchoolPart } from "./gen/planning/v1/common_pb";
import type { Scenario } from "./gen/planning/v1/scenarios_pb";
import type { ResidentialArea, School } from "./gen/planning/v1/schools_pb";
import {
  RunMode, RunStatus, type AreaAssignment, type Run, type StudentFlow, type TermComparison, type TermSummary, type Violation,
} from "./gen/planning/v1/simulation_pb";
import { assignSchoolColours, FONT_STACK } from "./colors";
import {
  BASE_TERM, baseFigures, fmt, partLabel, runFigures, schoolStatus, servesPart, termKey, termLabel, type SchoolFigures, type SchoolStatus,
} from "./domain";
import { areaInfoHtml, esc, figureItems, itemsHtml, schoolInfoHtml } from "./info";
import { renderLegend } from "./legend";
import { geojson, MapPanel, readGeometry, type LayerVisibility } from "./mapview";

// ---------- types ----------

interface ViewSpec {
  runId: string | null; // null: the base data (current catchments)
  term: string;
  part: SchoolPart;
}

interface ViewData {
  spec: ViewSpec;
  catchments: Feature[];
  catchmentSource: string;
  figures: Map<string, SchoolFigures>;
  statuses: Map<string, SchoolStatus>;
  violations: Violation[];
  assignments: Map<string, AreaAssignment> | null;
  summary: TermSummary | null;
}

type CompareMode = "off" | "side" | "changed";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// A sign-in link's key leaves the address bar before anything else happens (see api.ts); it is
// stored only once WhoAmI has accepted it, and never over another stored key without asking (signIn).
// A link opened in a tab that already showed the map hands its key over to this load (hashchange).
const linkKey = takeKeyFromFragment() ?? takeHandedOverLinkKey();

// ---------- state ----------

const state = {
  runId: null as string | null,
  terms: [BASE_TERM] as string[],
  termIndex: 0,
  part: SchoolPart.PRIMARY,
  compareMode: "off" as CompareMode,
  compareRunId: null as string | null,
  scenarioFilter: "*" as string, // "*": all, "": base data only, else a scenario id
  selectedSchool: null as string | null,
  selectedArea: null as string | null,
  layers: { district: true, admin: true, catchments: true, schools: true, areas: false, labels: true } as LayerVisibility,
};

let schools: School[] = [];
const schoolByCode = new Map<string, School>();
let areas: ResidentialArea[] = [];
const areaByCode = new Map<string, ResidentialArea>();
const areaGeometry = new Map<string, Geometry>();
const adminNames = new Map<string, string>();
let colours = new Map<string, string>();
let runs: Run[] = [];
let scenarios: Scenario[] | null = null;
let simulationAvailable = true;
let catchmentsAvailable = true;
let compareAvailable = true;
let assessmentAvailable = true;

const termResults = new Map<string, Promise<import("./gen/planning/v1/simulation_pb").TermResult>>();
const catchmentCache = new Map<string, Promise<string | null>>();
const compareCache = new Map<string, Promise<TermComparison[] | null>>();

const panelA = new MapPanel($("map-a"));
let panelB: MapPanel | null = null;
const viewData: (ViewData | null)[] = [null, null];

let renderGen = 0;
let renderPromise: Promise<void> = Promise.resolve();
let renders = 0;
const unexpectedErrors: string[] = [];
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

// ---------- status line ----------

function setStatus(text: string, kind: "info" | "warn" | "error" = "info"): void {
  const el = $("status");
  el.textContent = text;
  el.className = `status ${kind === "info" ? "" : kind}`;
}

function reportError(context: string, e: unknown): void {
  if (signInShown) return; // the key was refused: the sign-in panel says so
  const text = `${context}: ${describeError(e)}`;
  unexpectedErrors.push(text);
  setStatus(text, "error");
  console.error(text, e);
}

// ---------- signing in ----------

/** The signed-in key (AccessService.WhoAmI); null until a key is accepted. */
let me: ApiKey | null = null;
let signInShown = false;
let signInChecking = false; // a pasted key is being checked
let signInMessage = "";
let switchShown = false; // the choice between a sign-in link's key and the stored one
let noticeText = "";
const PLANNER_NEEDED = "需要 planner 角色 · Needs the planner role";

/** A key accepted by WhoAmI, and the key itself. */
interface SignedIn {
  key: string;
  who: ApiKey;
}

/** What WhoAmI said of a key: who it is, or why not. */
type Check = { who: ApiKey; error?: undefined } | { who?: undefined; error: unknown };

async function check(key: string): Promise<Check> {
  try {
    return { who: await whoAmI(key) };
  } catch (e) {
    return { error: e };
  }
}

function canPlan(): boolean {
  return (me?.role ?? Role.UNSPECIFIED) >= Role.PLANNER;
}

/** "UNAUTHENTICATED" for Code.Unauthenticated: the gRPC name, as the server and the docs spell it. */
function grpcCodeName(code: Code): string {
  return (Code[code] ?? String(code)).replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

/** Why a key was not taken; `fromLink` names it as the sign-in link's key. */
function refusedText(e: unknown, fromLink = false): string {
  const [zh, en] = fromLink ? ["登录链接的密钥", "the sign-in link's key"] : ["密钥", "the key"];
  if (isUnauthenticated(e)) {
    const err = e as ConnectError;
    return `${zh}未被接受 ${en[0].toUpperCase()}${en.slice(1)} was refused (${grpcCodeName(err.code)}): ${err.rawMessage}`;
  }
  return `无法验证${zh} Could not check ${en}: ${describeError(e)}`;
}

/** "name (pln_ab12…, role)": a key as the choice between two keys names it. */
function keyLabel(who: ApiKey): string {
  return `${who.name} (${who.prefix}…, ${roleLabel(who.role)})`;
}

/** A message under the status line that stays until dismissed (the status line changes as the page loads). */
function showNotice(text: string): void {
  noticeText = text;
  $("notice-text").textContent = text;
  $("notice").hidden = !text;
}

/**
 * Resolves with the key the page is to use once one is accepted, and only then is anything else
 * loaded. A sign-in link's key (`link`) is stored when WhoAmI accepts it and no other key is stored;
 * when another key is stored the user chooses between the two (askSwitch); a refused link's key is
 * never stored and leaves the stored key alone. Otherwise the stored key, if the server takes it,
 * else the key pasted into the sign-in panel.
 */
async function signIn(link: string | null): Promise<SignedIn> {
  let linkCheck: Check | null = null;
  let linkNote = ""; // why the link's key is not used
  if (link) {
    setStatus("验证登录链接的密钥 Checking the sign-in link's key…");
    linkCheck = await check(link);
    if (linkCheck.error !== undefined) {
      linkNote = refusedText(linkCheck.error, true);
      console.warn(linkNote, linkCheck.error);
    }
  }
  let message = "";
  // The stored key can change under us (another tab): then look again at what is stored now.
  for (let round = 0; round < 5; round++) {
    const stored = storedKey();
    if (link && linkCheck?.who && (!stored || stored === link)) {
      storeKey(link);
      return { key: link, who: linkCheck.who };
    }
    if (!stored) break;
    setStatus("验证密钥 Checking the API key…");
    const mine = await check(stored);
    if (storedKey() !== stored) continue;
    if (link && linkCheck?.who) {
      // A different key is stored: never replace it without asking.
      if (await askSwitch(linkCheck.who, mine)) {
        storeKey(link);
        return { key: link, who: linkCheck.who };
      }
      link = null; // stay: go on with the stored key
      linkCheck = null;
      if (storedKey() !== stored) continue;
    }
    if (mine.who) {
      if (linkNote) showNotice(`${linkNote} — 仍以 ${mine.who.name} 登录 · still signed in as ${keyLabel(mine.who)}.`);
      return { key: stored, who: mine.who };
    }
    message = refusedText(mine.error);
    console.warn(message, mine.error);
    // UNAUTHENTICATED: unknown or revoked, forget it, unless another tab stored another key meanwhile.
    // Anything else (server or database down, or an answer the client could not read): keep it, so
    // that a reload tries again, and show the panel.
    if (isUnauthenticated(mine.error) && !forgetKey(stored) && storedKey()) continue;
    break;
  }
  if (linkNote) message = message ? `${linkNote}\n${message}` : linkNote;
  // A link's key that could not be checked (not refused) is offered again, as if pasted, when no
  // other key is stored: signing in then checks it once more.
  const retry = link && linkCheck?.error !== undefined && !isUnauthenticated(linkCheck.error) && !storedKey() ? link : "";
  return showSignIn(message, retry);
}

/**
 * The choice between a sign-in link's key and the different key stored in this browser (a link can
 * come from anyone): resolves true to switch to the link's key, false to stay. Nothing is stored here.
 */
function askSwitch(linkWho: ApiKey, stored: Check): Promise<boolean> {
  const text = $("switch-text");
  const b = (t: string) => Object.assign(document.createElement("b"), { textContent: t });
  const current = stored.who
    ? ["本浏览器当前登录为 You are signed in as ", b(keyLabel(stored.who)), "."]
    : ["本浏览器保存的密钥 The key stored in this browser: ", b(refusedText(stored.error)), "."];
  text.replaceChildren(
    "此登录链接的密钥是 This link signs in as ", b(keyLabel(linkWho)), "; ", ...current,
  );
  const accept = $<HTMLButtonElement>("switch-accept");
  const stay = $<HTMLButtonElement>("switch-stay");
  accept.textContent = accept.title = `切换 Switch to ${linkWho.name}`;
  stay.textContent = stay.title = stored.who ? `保持 Stay as ${stored.who.name}` : "不切换 Stay";
  $("signin").hidden = true;
  $("whoami").hidden = true;
  $("switch").hidden = false;
  switchShown = true;
  setStatus("请选择密钥 Choose a key: the sign-in link is for another key than the one stored in this browser.", "warn");
  stay.focus();
  return new Promise<boolean>((resolve) => {
    const done = (switchToLink: boolean) => {
      accept.onclick = stay.onclick = null;
      $("switch").onkeydown = null;
      $("switch").hidden = true;
      switchShown = false;
      resolve(switchToLink);
    };
    accept.onclick = () => done(true);
    stay.onclick = () => done(false);
    $("switch").onkeydown = (e) => {
      if (e.key === "Escape") done(false);
    };
  });
}

let pendingSignIn: Promise<SignedIn> | null = null;
let resolveSignIn: ((signedIn: SignedIn) => void) | null = null;

/** Shows the sign-in panel (with why, if known) until a pasted key is accepted; stores that key. */
function showSignIn(message: string, prefill = ""): Promise<SignedIn> {
  signInShown = true;
  signInMessage = message;
  $("signin-example").textContent = `${window.location.origin}/#key=pln_…`;
  const error = $("signin-error");
  error.textContent = message;
  error.hidden = !message;
  if (prefill) $<HTMLInputElement>("signin-key").value = prefill;
  $("signin").hidden = false;
  $("whoami").hidden = true;
  setStatus("未登录 Not signed in: 需要 API 密钥 · an API key is needed.", "warn");
  $("signin-key").focus();
  if (!pendingSignIn) pendingSignIn = new Promise<SignedIn>((resolve) => (resolveSignIn = resolve));
  return pendingSignIn;
}

/** The sign-in form: checks the pasted key with WhoAmI before storing it. */
async function submitSignIn(ev: SubmitEvent): Promise<void> {
  ev.preventDefault();
  if (signInChecking) return;
  const input = $<HTMLInputElement>("signin-key");
  const submit = $<HTMLButtonElement>("signin-submit");
  const error = $("signin-error");
  const key = keyFromPaste(input.value);
  if (!key) {
    error.textContent = "请粘贴 API 密钥 · Paste an API key (pln_…) or the sign-in link.";
    error.hidden = false;
    return;
  }
  submit.disabled = true;
  signInChecking = true;
  try {
    const who = await whoAmI(key);
    storeKey(key);
    input.value = "";
    $("signin").hidden = true;
    signInShown = false;
    signInMessage = "";
    const resolve = resolveSignIn;
    pendingSignIn = null;
    resolveSignIn = null;
    resolve?.({ key, who });
  } catch (e) {
    signInMessage = refusedText(e);
    error.textContent = signInMessage;
    error.hidden = false;
    input.select();
  } finally {
    signInChecking = false;
    submit.disabled = false;
  }
}

function showSignedIn({ key, who }: SignedIn): void {
  me = who;
  useKey(key);
  $("whoami-name").textContent = who.name;
  $("whoami-role").textContent = roleLabel(who.role);
  $("whoami").title = `已登录 Signed in: ${who.name} (${who.prefix}…), ${roleLabel(who.role)}`;
  $("whoami").hidden = false;
}

/** Controls that need more than the viewer role: disabled, with the reason as their tooltip. */
function applyRole(): void {
  if (!simulationAvailable || canPlan()) return;
  const reason = `${PLANNER_NEEDED} (此密钥 this key: ${roleLabel(me?.role ?? Role.UNSPECIFIED)})`;
  for (const id of ["sim-start", "sim-mode", "sim-label"]) {
    const el = $<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>(id);
    el.disabled = true;
    el.title = reason;
  }
  $("sim-section").title = reason;
  $("sim-message").textContent = "运行模拟需要 planner 角色 · Running a simulation needs the planner role.";
}

/** A call the server refused after sign-in: a revoked key shows the panel again, a missing role the server's reason. */
onRefused((e, key) => {
  if (e.code === Code.Unauthenticated) {
    if (!me) return; // still signing in (the panel is handling it), or already handled
    me = null;
    useKey(null);
    // Forget the refused key only if it is still the stored one: another tab may have stored a new
    // key meanwhile, and then the page starts again with that one.
    if (key) forgetKey(key);
    if (storedKey()) {
      window.location.reload();
      return;
    }
    void showSignIn(refusedText(e)).then(() => window.location.reload());
    return;
  }
  const text = `权限不足 Permission denied (${grpcCodeName(e.code)}): ${e.rawMessage}`;
  unexpectedErrors.push(text);
  setStatus(text, "error");
  console.warn(text);
});

window.addEventListener("storage", (e) => {
  // Signed out, or signed in with another key, in another tab: start again with what is stored now.
  if ((e.key === KEY_STORAGE || e.key === null) && me && storedKey() !== currentKey()) window.location.reload();
});

window.addEventListener("hashchange", () => {
  // A sign-in link opened in a tab that already shows the map: its key leaves the address at once
  // and goes, unchecked and unstored, to a fresh load of this tab, which treats it as any link's key.
  const key = takeKeyFromFragment();
  if (!key || (me && key === currentKey())) return;
  if (!handOverLinkKey(key)) console.warn("sessionStorage is unavailable: the sign-in link's key was not used");
  window.location.reload();
});

// ---------- runs ----------

function runById(id: string | null): Run | undefined {
  return id ? runs.find((r) => r.id === id) : undefined;
}

function runTitle(run: Run | undefined): string {
  if (!run) return "现状 base data (current catchments)";
  const mode = run.mode === RunMode.KEEP_CURRENT ? "保持现状 keep current" : "重新划片 redistribute";
  const when = run.startedAt ? timestampDate(run.startedAt).toLocaleString("zh-CN", { hour12: false }) : "";
  const scenario = run.scenarioId ? scenarios?.find((s) => s.id === run.scenarioId)?.name ?? "scenario" : "基础 base";
  return `${run.label || mode} · ${scenario} · ${when}`.replace(/ · $/, "");
}

function visibleRuns(): Run[] {
  return runs.filter((r) => state.scenarioFilter === "*" || r.scenarioId === state.scenarioFilter);
}

function fillRunSelects(): void {
  const runSel = $<HTMLSelectElement>("run");
  const cmpSel = $<HTMLSelectElement>("compare-run");
  const options = (selected: string | null) => {
    const base = `<option value=""${selected === null ? " selected" : ""}>现状 Base data — current catchments</option>`;
    const items = visibleRuns().map((r) => {
      const ok = r.status === RunStatus.SUCCEEDED;
      const status = ok ? "" : ` [${RunStatus[r.status]?.toLowerCase() ?? r.status}]`;
      return `<option value="${esc(r.id)}"${r.id === selected ? " selected" : ""}${ok ? "" : " disabled"}>${esc(runTitle(r))}${status}</option>`;
    });
    return base + items.join("");
  };
  runSel.innerHTML = options(state.runId);
  cmpSel.innerHTML = options(state.compareRunId);
}

function fillScenarioSelect(): void {
  const row = $("scenario-row");
  if (!scenarios || scenarios.length === 0) {
    row.hidden = true;
    return;
  }
  row.hidden = false;
  const sel = $<HTMLSelectElement>("scenario");
  sel.innerHTML =
    `<option value="*">全部 All runs</option><option value="">基础数据 Base data runs</option>` +
    scenarios.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join("");
  sel.value = state.scenarioFilter;
}

/** The run the page opens: newest successful redistribution, else newest successful run, else the base data. */
function defaultRun(): string | null {
  const ok = runs.filter((r) => r.status === RunStatus.SUCCEEDED);
  return (ok.find((r) => r.mode !== RunMode.KEEP_CURRENT) ?? ok[0])?.id ?? null;
}

function termsOf(runId: string | null): string[] {
  const run = runById(runId);
  if (!run || run.terms.length === 0) return [BASE_TERM];
  return [...run.terms].sort((a, b) => termKey(a) - termKey(b));
}

function currentTerm(): string {
  return state.terms[Math.min(state.termIndex, state.terms.length - 1)] ?? BASE_TERM;
}

function setRun(runId: string | null, keepTerm = true): void {
  const previous = currentTerm();
  state.runId = runId;
  state.terms = termsOf(runId);
  const same = keepTerm ? state.terms.indexOf(previous) : -1;
  state.termIndex = same >= 0 ? same : 0;
  const slider = $<HTMLInputElement>("term");
  slider.max = String(state.terms.length - 1);
  slider.value = String(state.termIndex);
  slider.disabled = state.terms.length <= 1;
  $<HTMLButtonElement>("play").disabled = state.terms.length <= 1;
  $<HTMLSelectElement>("run").value = runId ?? "";
}

// ---------- view data ----------

function groupCatchments(part: SchoolPart, codeOf: (area: ResidentialArea) => string, students: (area: ResidentialArea) => number) {
  const groups = new Map<string, { polygons: Polygon[]; students: number; areas: number }>();
  for (const area of areas) {
    const code = codeOf(area);
    if (!code) continue;
    const geometry = areaGeometry.get(area.code);
    if (!geometry) continue;
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { polygons: [], students: 0, areas: 0 }));
    if (geometry instanceof Polygon) g.polygons.push(geometry);
    else if (geometry instanceof MultiPolygon) g.polygons.push(...geometry.getPolygons());
    g.students += students(area);
    g.areas += 1;
  }
  return [...groups.entries()].map(([code, g]) => {
    const multi = new MultiPolygon([]);
    for (const p of g.polygons) multi.appendPolygon(p);
    const f = new Feature({
      geometry: multi,
      school_code: code,
      school_name: schoolByCode.get(code)?.name ?? code,
      students: g.students,
      areas: g.areas,
      part,
    });
    f.setId(code);
    return f;
  });
}

function partStudents(students: number[], part: SchoolPart): number {
  const slice = part === SchoolPart.PRIMARY ? students.slice(0, 6) : students.slice(6, 9);
  return slice.reduce((a, b) => a + b, 0);
}

function baseViewData(spec: ViewSpec): ViewData {
  const code = (a: ResidentialArea) => (spec.part === SchoolPart.PRIMARY ? a.schoolPrimaryCode : a.schoolJuniorCode);
  const catchments = groupCatchments(spec.part, code, (a) => partStudents(a.students, spec.part));
  const figures = new Map(schools.map((s) => [s.code, baseFigures(s, BASE_TERM)] as const));
  const statuses = new Map([...figures].map(([c, f]) => [c, schoolStatus(f)] as const));
  return {
    spec, catchments, catchmentSource: "现状 base data: areas' current schools", figures, statuses,
    violations: [], assignments: null, summary: null,
  };
}

function termResult(runId: string, term: string) {
  const key = `${runId}|${term}`;
  let p = termResults.get(key);
  if (!p) {
    p = api.simulation.getTermResult({ runId, term });
    p.catch(() => termResults.delete(key));
    termResults.set(key, p);
  }
  return p;
}

/** The run's catchments as GeoJSON, or null when the server cannot give them (UNIMPLEMENTED). */
function runCatchments(runId: string, term: string, part: SchoolPart): Promise<string | null> {
  const key = `${runId}|${term}|${part}`;
  let p = catchmentCache.get(key);
  if (!p) {
    p = catchmentsAvailable
      ? api.simulation.getCatchments({ runId, term, part }).then(
          (r) => r.featureCollectionGeojson,
          (e) => {
            if (isUnimplemented(e)) {
              catchmentsAvailable = false;
              return null;
            }
            throw e;
          },
        )
      : Promise.resolve(null);
    p.catch(() => catchmentCache.delete(key));
    catchmentCache.set(key, p);
  }
  return p;
}

async function runViewData(spec: ViewSpec): Promise<ViewData> {
  const runId = spec.runId!;
  const [result, collection] = await Promise.all([termResult(runId, spec.term), runCatchments(runId, spec.term, spec.part)]);
  const assignments = new Map(result.assignments.map((a) => [a.areaCode, a] as const));
  let catchments: Feature[];
  let source: string;
  if (collection !== null) {
    catchments = geojson.readFeatures(collection) as Feature[];
    for (const f of catchments) f.setId(f.get("school_code"));
    source = "模拟 run: GetCatchments";
  } else {
    const code = (a: ResidentialArea) => {
      const x = assignments.get(a.code);
      return x ? (spec.part === SchoolPart.PRIMARY ? x.schoolPrimaryCode : x.schoolJuniorCode) : "";
    };
    catchments = groupCatchments(spec.part, code, (a) => partStudents(assignments.get(a.code)?.students ?? [], spec.part));
    source = "模拟 run: areas' assignments";
  }
  const figures = new Map<string, SchoolFigures>();
  for (const r of result.schools) figures.set(r.schoolCode, runFigures(schoolByCode.get(r.schoolCode), r));
  const statuses = new Map([...figures].map(([c, f]) => [c, schoolStatus(f, result.violations)] as const));
  return {
    spec, catchments, catchmentSource: source, figures, statuses,
    violations: result.violations, assignments, summary: result.summary ?? null,
  };
}

async function loadViewData(spec: ViewSpec): Promise<ViewData> {
  return spec.runId ? runViewData(spec) : baseViewData(spec);
}

// ---------- rendering ----------

function specA(): ViewSpec {
  return { runId: state.runId, term: currentTerm(), part: state.part };
}

function specB(): ViewSpec {
  const terms = termsOf(state.compareRunId);
  const term = terms.includes(currentTerm()) ? currentTerm() : terms[0];
  return { runId: state.compareRunId, term, part: state.part };
}

function applyToPanel(panel: MapPanel, data: ViewData): void {
  panel.setCatchments(data.catchments);
  panel.setSchools(
    schools.map((s) => ({
      code: s.code,
      name: s.name,
      level: s.level,
      lon: s.lon,
      lat: s.lat,
      status: data.statuses.get(s.code) ?? "closed",
      servesPart: servesPart(s.level, data.spec.part),
    })),
  );
  panel.select(selectedSchoolForHighlight(data), state.selectedArea);
  const run = runById(data.spec.runId);
  panel.setTitle(
    state.compareMode === "side"
      ? `${panel === panelA ? "A" : "B"}: ${run ? run.label || RunMode[run.mode].toLowerCase() : "现状 base"} · ${termLabel(data.spec.term)} · ${partLabel(data.spec.part)}`
      : "",
  );
}

/** The school whose catchment is highlighted: the selected school, or the selected area's school. */
function selectedSchoolForHighlight(data: ViewData | null): string | null {
  if (state.selectedSchool) return state.selectedSchool;
  if (state.selectedArea) {
    const a = data?.assignments?.get(state.selectedArea);
    const area = areaByCode.get(state.selectedArea);
    if (state.part === SchoolPart.PRIMARY) return a?.schoolPrimaryCode ?? area?.schoolPrimaryCode ?? null;
    return a?.schoolJuniorCode ?? area?.schoolJuniorCode ?? null;
  }
  return null;
}

let wasSide = false;
let districtExtent: number[] | null = null;

/** Re-draws everything for the current state; later calls supersede earlier ones. */
function render(): Promise<void> {
  const gen = ++renderGen;
  const work = (async () => {
    try {
      const side = state.compareMode === "side";
      const [a, b] = await Promise.all([loadViewData(specA()), side ? loadViewData(specB()) : Promise.resolve(null)]);
      const changed = state.compareMode === "changed" ? await changedAreas() : null;
      if (gen !== renderGen) return;
      viewData[0] = a;
      viewData[1] = b;
      applyToPanel(panelA, a);
      $("map-b").hidden = !side;
      if (side && b) {
        const p = ensurePanelB();
        applyToPanel(p, b);
      }
      panelA.map.updateSize();
      panelB?.map.updateSize();
      if (side !== wasSide) {
        // The panels changed width: show the whole district again, and give the maps the room the legend takes.
        wasSide = side;
        if (districtExtent) panelA.fit(districtExtent);
        ($("legend-box") as HTMLDetailsElement).open = !side;
      }
      panelA.setChanged(changed?.features ?? []);
      renderSummary(a);
      renderCompareInfo(changed);
      renderLegendNow();
      renderTermLabel();
      await renderInfo();
      updateHash();
      renders++;
    } catch (e) {
      if (gen === renderGen) reportError("地图 Map", e);
    }
  })();
  renderPromise = work;
  return work;
}

function ensurePanelB(): MapPanel {
  if (!panelB) {
    panelB = new MapPanel($("map-b"), panelA.view);
    panelB.setColours(colours);
    panelB.setDistrict(panelA.district.getFeatures()[0]?.getGeometry() ?? null);
    panelB.setAdminAreas(
      panelA.admin.getFeatures().map((f) => ({
        code: String(f.getId()), name: f.get("name"), street: f.get("street"), geometry: f.getGeometry() ?? null,
      })),
    );
    panelB.setAreas(panelA.areas.getFeatures());
    panelB.setVisibility(state.layers);
    wirePanel(panelB, 1);
  }
  return panelB;
}

function renderTermLabel(): void {
  const term = currentTerm();
  const run = runById(state.runId);
  $("term-label").textContent = run
    ? `${termLabel(term)} · ${term} (${state.termIndex + 1}/${state.terms.length})`
    : `${termLabel(term)} · ${term} — 现状 base data`;
}

function renderSummary(data: ViewData): void {
  const el = $("summary");
  const s = data.summary;
  if (!s) {
    const figs = [...data.figures.values()].filter((f) => f.open);
    const over = figs.filter((f) => f.total > f.sizeLimit).length;
    const students = figs.reduce((a, f) => a + f.total, 0);
    const overSchools = [...data.statuses.values()].filter((x) => x === "over").length;
    el.innerHTML = `<table>
      <tr><td>在校生 students (base)</td><td>${fmt(students)}</td></tr>
      <tr><td>超规模学校 schools over size</td><td class="${over ? "bad" : ""}">${fmt(over)}</td></tr>
      <tr><td>超标学校 schools over any limit</td><td class="${overSchools ? "bad" : ""}">${fmt(overSchools)}</td></tr>
      <tr><td>学区 catchments drawn</td><td>${fmt(data.catchments.length)}</td></tr></table>`;
    return;
  }
  const bad = (n: number) => (n > 0 ? "bad" : "good");
  el.innerHTML = `<table>
    <tr><td>在校生 students</td><td>${fmt(s.students)}</td></tr>
    <tr><td>超规模学校 schools over size</td><td class="${bad(s.schoolsOverSize)}">${fmt(s.schoolsOverSize)}</td></tr>
    <tr><td>超班额年级 grades over class limit</td><td class="${bad(s.gradesOverClassLimit)}">${fmt(s.gradesOverClassLimit)}</td></tr>
    <tr><td>缺学位 seats short</td><td class="${bad(s.seatsShort)}">${fmt(s.seatsShort)}</td></tr>
    <tr><td>转学 students moved</td><td>${fmt(s.studentsMoved)}</td></tr>
    <tr><td>平均/最远 mean/max distance</td><td>${fmt(s.meanDistanceM)} / ${fmt(s.maxDistanceM)} m</td></tr>
    <tr><td>学区 catchments drawn</td><td>${fmt(data.catchments.length)}</td></tr></table>`;
}

function renderLegendNow(): void {
  const data = viewData[0];
  const codes = data ? data.catchments.map((f) => f.get("school_code") as string) : [];
  renderLegend($("legend"), {
    catchments: codes.length,
    catchmentColours: [...new Set(codes.map((c) => colours.get(c) ?? "#ccc"))],
    catchmentSource: data?.catchmentSource ?? "",
    showChanged: state.compareMode === "changed",
    showAreas: state.layers.areas,
  });
}

// ---------- compare ----------

interface ChangedAreas {
  features: Feature[];
  codes: string[];
  flows: StudentFlow[] | { fromSchoolCode: string; toSchoolCode: string; part: SchoolPart; students: number }[];
  a: TermSummary | null;
  b: TermSummary | null;
  source: string;
}

async function changedAreas(): Promise<ChangedAreas | null> {
  const term = currentTerm();
  // From the compared run (the baseline, e.g. "before") to the selected run (e.g. "after").
  const a = state.compareRunId;
  const b = state.runId;
  if (a === b) return { features: [], codes: [], flows: [], a: null, b: null, source: "同一方案 the same run on both sides" };
  let comparison: TermComparison | undefined;
  if (a && b && compareAvailable) {
    const key = `${a}|${b}`;
    let p = compareCache.get(key);
    if (!p) {
      p = api.simulation.compareRuns({ runA: a, runB: b }).then(
        (r) => r.terms,
        (e) => {
          if (isUnimplemented(e)) {
            compareAvailable = false;
            return null;
          }
          throw e;
        },
      );
      p.catch(() => compareCache.delete(key));
      compareCache.set(key, p);
    }
    comparison = (await p)?.find((t) => t.term === term);
  }
  let codes: string[];
  let flows: ChangedAreas["flows"];
  let source: string;
  let sa: TermSummary | null = null;
  let sb: TermSummary | null = null;
  if (comparison) {
    codes = comparison.changedAreaCodes;
    flows = comparison.flows;
    sa = comparison.a ?? null;
    sb = comparison.b ?? null;
    source = "CompareRuns";
  } else {
    // Computed here from the two sides' assignments (a side without a run is the base data).
    const [da, db] = await Promise.all([loadViewData({ ...specB(), term }), loadViewData({ ...specA(), term })]);
    const schoolOf = (d: ViewData, area: ResidentialArea, part: SchoolPart) => {
      const x = d.assignments?.get(area.code);
      if (x) return part === SchoolPart.PRIMARY ? x.schoolPrimaryCode : x.schoolJuniorCode;
      return d.assignments ? "" : part === SchoolPart.PRIMARY ? area.schoolPrimaryCode : area.schoolJuniorCode;
    };
    const agg = new Map<string, { fromSchoolCode: string; toSchoolCode: string; part: SchoolPart; students: number }>();
    const changedSet = new Set<string>();
    for (const area of areas) {
      for (const part of [SchoolPart.PRIMARY, SchoolPart.JUNIOR]) {
        const from = schoolOf(da, area, part);
        const to = schoolOf(db, area, part);
        if (from === to) continue;
        changedSet.add(area.code);
        const students = partStudents(db.assignments?.get(area.code)?.students ?? da.assignments?.get(area.code)?.students ?? area.students, part);
        const k = `${from}|${to}|${part}`;
        const e = agg.get(k) ?? { fromSchoolCode: from, toSchoolCode: to, part, students: 0 };
        e.students += students;
        agg.set(k, e);
      }
    }
    codes = [...changedSet];
    flows = [...agg.values()];
    sa = da.summary;
    sb = db.summary;
    source = "computed from assignments";
  }
  const features = codes.flatMap((code) => {
    const g = areaGeometry.get(code);
    if (!g) return [];
    const f = new Feature({ geometry: g, code });
    f.setId(code);
    return [f];
  });
  return { features, codes, flows, a: sa, b: sb, source };
}

function renderCompareInfo(changed: ChangedAreas | null): void {
  const el = $("compare-info");
  $("compare-run-row").hidden = state.compareMode === "off";
  if (state.compareMode === "off") {
    el.innerHTML = "";
    return;
  }
  if (state.compareMode === "side") {
    const a = viewData[0]?.summary;
    const b = viewData[1]?.summary;
    el.innerHTML = summaryCompareTable(a ?? null, b ?? null, ["A 左 left", "B 右 right"]) + `<p class="hint">左 A = 当前方案 selected run, 右 B = 对比 compared run.</p>`;
    return;
  }
  if (!changed) {
    el.innerHTML = "";
    return;
  }
  const name = (c: string) => (c ? schoolByCode.get(c)?.name ?? c : "无 none");
  const flows = [...changed.flows]
    .filter((f) => f.part === state.part)
    .sort((x, y) => y.students - x.students)
    .slice(0, 12);
  el.innerHTML =
    `<div>学校有变化的小区/村 areas whose school changed: <b id="changed-count">${fmt(changed.codes.length)}</b> <span class="hint">(${esc(changed.source)})</span></div>` +
    summaryCompareTable(changed.a, changed.b, ["基准 baseline", "当前 selected"]) +
    (flows.length
      ? `<table class="flows"><thead><tr><th>流向 baseline → selected (${esc(partLabel(state.part))})</th><th>学生</th></tr></thead><tbody>` +
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

// ---------- selection ----------

async function renderInfo(): Promise<void> {
  const el = $("info");
  const data = viewData[0];
  if (!data) return;
  $("info-box").hidden = !(state.selectedArea || state.selectedSchool);
  if (state.selectedArea) {
    const area = areaByCode.get(state.selectedArea);
    if (area) {
      el.innerHTML = areaInfoHtml(
        area,
        data.assignments?.get(area.code) ?? null,
        (c) => schoolByCode.get(c)?.name ?? c,
        adminNames.get(area.adminAreaCode) ?? area.adminAreaCode,
        data.spec.term,
      );
      return;
    }
  }
  if (state.selectedSchool) {
    const code = state.selectedSchool;
    const school = schoolByCode.get(code);
    const figures = data.figures.get(code) ?? (school ? baseFigures(school, data.spec.term) : undefined);
    if (!figures) {
      el.innerHTML = `<p class="hint">${esc(code)}: not in this run.</p>`;
      return;
    }
    const catchment = data.catchments.find((f) => f.get("school_code") === code);
    const areaCount = data.assignments
      ? [...data.assignments.values()].filter((a) => (data.spec.part === SchoolPart.PRIMARY ? a.schoolPrimaryCode : a.schoolJuniorCode) === code).length
      : areas.filter((a) => (data.spec.part === SchoolPart.PRIMARY ? a.schoolPrimaryCode : a.schoolJuniorCode) === code).length;
    el.innerHTML = schoolInfoHtml(figures, data.statuses.get(code) ?? schoolStatus(figures), {
      term: data.spec.term,
      runLabel: runTitle(runById(data.spec.runId)),
      areas: areaCount,
      catchmentStudents: catchment ? Number(catchment.get("students") ?? 0) : null,
    });
    await renderOpenItems(figures, data);
    return;
  }
  el.innerHTML = "";
  $("info-box").hidden = true;
}

async function renderOpenItems(figures: SchoolFigures, data: ViewData): Promise<void> {
  const local = figureItems(figures);
  const target = () => document.getElementById("school-items");
  if (!data.spec.runId) {
    const t = target();
    if (t) t.innerHTML = itemsHtml(local, null, "资源指标需选择模拟 · Pick a run to see the seven resource indicators.");
    return;
  }
  if (!assessmentAvailable) {
    const t = target();
    if (t) t.innerHTML = itemsHtml(local, null, "评估服务暂不可用 · The assessment service is not available on this server yet.");
    return;
  }
  try {
    const a = await api.assessment.assessSchool({ runId: data.spec.runId, term: data.spec.term, schoolCode: figures.code });
    const remote: string[] = [];
    for (const part of a.parts) {
      const p = part.part === SchoolPart.JUNIOR ? "初中" : "小学";
      for (const i of part.indicators.filter((x) => !x.met)) {
        remote.push(`${p} ${i.gapText || `indicator ${i.indicator}: ${fmt(i.value, 2)} < ${fmt(i.threshold, 2)}`}`);
      }
      if (!part.sixOfSeven) remote.push(`${p}: 七项指标未达到 6 项 — fewer than 6 of 7 indicators met (or the 7th below 85 %)`);
    }
    const t = target();
    if (t && state.selectedSchool === figures.code) t.innerHTML = itemsHtml(local, remote, "");
  } catch (e) {
    const t = target();
    if (isUnimplemented(e)) {
      assessmentAvailable = false;
      if (t) t.innerHTML = itemsHtml(local, null, "评估服务暂不可用 · The assessment service is not available on this server yet.");
    } else if (t) {
      t.innerHTML = itemsHtml(local, null, `评估失败 assessment failed: ${describeError(e)}`);
    }
  }
}

function selectSchool(code: string | null): Promise<void> {
  state.selectedSchool = code;
  state.selectedArea = null;
  panelA.select(code, null);
  panelB?.select(code, null);
  return renderInfo();
}

function selectArea(code: string): Promise<void> {
  state.selectedArea = code;
  state.selectedSchool = null;
  panelA.select(selectedSchoolForHighlight(viewData[0]), code);
  panelB?.select(selectedSchoolForHighlight(viewData[1]), code);
  return renderInfo();
}

function wirePanel(panel: MapPanel, index: number): void {
  const map = panel.map;
  const tooltip = $("tooltip");
  map.on("singleclick", (evt) => {
    let hit: { kind: "school" | "area" | "catchment"; code: string } | null = null;
    map.forEachFeatureAtPixel(
      evt.pixel,
      (f, layer) => {
        if (layer === panel.layers.schools) {
          hit = { kind: "school", code: String(f.getId()) };
          return true;
        }
        return undefined;
      },
      { hitTolerance: 4, layerFilter: (l) => l === panel.layers.schools },
    );
    if (!hit && state.layers.areas) {
      map.forEachFeatureAtPixel(evt.pixel, (f) => ((hit = { kind: "area", code: String(f.getId()) }), true), {
        layerFilter: (l) => l === panel.layers.areas,
      });
    }
    if (!hit) {
      map.forEachFeatureAtPixel(evt.pixel, (f) => ((hit = { kind: "catchment", code: String(f.get("school_code")) }), true), {
        layerFilter: (l) => l === panel.layers.catchments,
      });
    }
    const h = hit as { kind: "school" | "area" | "catchment"; code: string } | null;
    if (!h) void selectSchool(null);
    else if (h.kind === "area") void selectArea(h.code);
    else void selectSchool(h.code);
  });
  map.on("pointermove", (evt) => {
    if (evt.dragging) return;
    let text = "";
    map.forEachFeatureAtPixel(
      evt.pixel,
      (f, layer) => {
        if (layer === panel.layers.schools) {
          const fig = viewData[index]?.figures.get(String(f.getId()));
          text = `${f.get("name")}${fig ? ` · ${fmt(fig.total)} / ${fmt(fig.sizeLimit)}` : ""}`;
        } else if (layer === panel.layers.areas) text = `${f.get("name")}`;
        else if (layer === panel.layers.catchments) text = `学区 ${f.get("school_name")} · ${fmt(Number(f.get("students") ?? 0))} 学生`;
        return text ? true : undefined;
      },
      { hitTolerance: 3 },
    );
    map.getTargetElement().style.cursor = text ? "pointer" : "";
    if (text) {
      const rect = map.getTargetElement().getBoundingClientRect();
      const area = $("map-area").getBoundingClientRect();
      tooltip.textContent = text;
      tooltip.style.left = `${evt.pixel[0] + rect.left - area.left}px`;
      tooltip.style.top = `${evt.pixel[1] + rect.top - area.top}px`;
      tooltip.hidden = false;
    } else tooltip.hidden = true;
  });
  map.getViewport().addEventListener("mouseleave", () => (tooltip.hidden = true));
}

// ---------- term slider and play ----------

let playing = false;

async function setTermIndex(i: number): Promise<void> {
  state.termIndex = Math.max(0, Math.min(i, state.terms.length - 1));
  $<HTMLInputElement>("term").value = String(state.termIndex);
  renderTermLabel();
  await render();
}

function stopPlaying(): void {
  playing = false;
  $("play").textContent = "▶";
  $("play").title = "播放 Play the years";
}

async function play(): Promise<void> {
  if (playing) {
    stopPlaying();
    return;
  }
  playing = true;
  $("play").textContent = "⏸";
  $("play").title = "暂停 Pause";
  if (state.termIndex >= state.terms.length - 1) await setTermIndex(0);
  while (playing) {
    await new Promise((r) => setTimeout(r, 1200));
    if (!playing) break;
    if (state.termIndex >= state.terms.length - 1) break;
    await setTermIndex(state.termIndex + 1);
  }
  stopPlaying();
}

// ---------- simulation ----------

let simulation: AbortController | null = null;

async function startSimulation(): Promise<void> {
  if (simulation) return;
  const ctrl = new AbortController();
  simulation = ctrl;
  const progress = $<HTMLProgressElement>("sim-progress");
  const message = $("sim-message");
  const startBtn = $<HTMLButtonElement>("sim-start");
  const cancelBtn = $<HTMLButtonElement>("sim-cancel");
  startBtn.disabled = true;
  cancelBtn.disabled = false;
  progress.hidden = false;
  progress.value = 0;
  message.textContent = "开始 starting…";
  const mode = $<HTMLSelectElement>("sim-mode").value === "keep" ? RunMode.KEEP_CURRENT : RunMode.REDISTRIBUTE;
  const scenarioId = state.scenarioFilter === "*" ? "" : state.scenarioFilter;
  let finished: Run | undefined;
  try {
    const stream = api.simulation.runSimulation(
      { scenarioId, mode, label: $<HTMLInputElement>("sim-label").value.trim() },
      { signal: ctrl.signal },
    );
    for await (const ev of stream) {
      if (ev.event.case === "progress") {
        const p = ev.event.value;
        progress.value = p.percent;
        message.textContent = `${p.term ? `${termLabel(p.term)} (${p.term}) · ` : ""}${fmt(p.percent)} % · ${p.message}`;
      } else if (ev.event.case === "finished") {
        finished = ev.event.value;
      }
    }
    progress.value = 100;
    if (finished) {
      message.textContent = "保存 saving results…";
      await refreshRuns(finished.id);
      // Last, once the new run is drawn: tests wait for this text.
      message.textContent = `完成 finished: ${runTitle(finished)}`;
    } else {
      message.textContent = "结束 ended without a summary";
      await refreshRuns(null);
    }
  } catch (e) {
    if (isUnimplemented(e)) {
      simulationAvailable = false;
      message.textContent = "模拟服务暂不可用 · The simulation service is not available on this server yet.";
      startBtn.title = "not available";
    } else if (isCancelled(e) || ctrl.signal.aborted) {
      message.textContent = "已取消 cancelled: no results were stored.";
      await refreshRuns(null);
    } else {
      message.textContent = `失败 failed: ${describeError(e)}`;
    }
    progress.hidden = true;
  } finally {
    simulation = null;
    startBtn.disabled = !simulationAvailable || !canPlan();
    cancelBtn.disabled = true;
  }
}

let districtName = "";

/** The status line after loading: what is loaded, or why runs are missing. */
function updateStatus(): void {
  if (!districtName || unexpectedErrors.length > 0) return;
  setStatus(
    simulationAvailable
      ? `${districtName}: ${fmt(schools.length)} 所学校 schools, ${fmt(areas.length)} 个小区/村 areas, ${fmt(runs.length)} 次模拟 runs.`
      : `${districtName}: ${fmt(schools.length)} schools, ${fmt(areas.length)} areas. 模拟服务暂不可用 — showing current catchments from the base data.`,
    simulationAvailable ? "info" : "warn",
  );
}

async function refreshRuns(select: string | null): Promise<void> {
  const list = await listRuns();
  if (list === null) {
    simulationAvailable = false;
    return;
  }
  runs = list;
  updateStatus();
  if (select) {
    fillRunSelects();
    setRun(select, true);
    await render();
  } else fillRunSelects();
}

// ---------- URL hash ----------

function readHash(): Partial<{ run: string; term: string; part: string }> {
  const p = new URLSearchParams(window.location.hash.slice(1));
  return { run: p.get("run") ?? undefined, term: p.get("term") ?? undefined, part: p.get("part") ?? undefined };
}

function updateHash(): void {
  const p = new URLSearchParams();
  p.set("run", state.runId ?? "base");
  p.set("term", currentTerm());
  p.set("part", state.part === SchoolPart.JUNIOR ? "junior" : "primary");
  history.replaceState(null, "", `#${p.toString()}`);
}

// ---------- controls ----------

function wireControls(): void {
  $<HTMLSelectElement>("run").addEventListener("change", (e) => {
    stopPlaying();
    setRun((e.target as HTMLSelectElement).value || null);
    void render();
  });
  $<HTMLSelectElement>("scenario").addEventListener("change", (e) => {
    state.scenarioFilter = (e.target as HTMLSelectElement).value;
    fillRunSelects();
  });
  for (const id of ["part-primary", "part-junior"]) {
    $<HTMLInputElement>(id).addEventListener("change", (e) => {
      state.part = (e.target as HTMLInputElement).value === "junior" ? SchoolPart.JUNIOR : SchoolPart.PRIMARY;
      void render();
    });
  }
  $<HTMLInputElement>("term").addEventListener("input", (e) => {
    void setTermIndex(Number((e.target as HTMLInputElement).value));
  });
  $("play").addEventListener("click", () => void play());
  $<HTMLSelectElement>("compare-mode").addEventListener("change", (e) => {
    state.compareMode = (e.target as HTMLSelectElement).value as CompareMode;
    if (state.compareMode !== "off" && state.compareRunId === null) {
      // Default comparison: the newest other successful run (e.g. "before" against "after"), else the base data.
      state.compareRunId = runs.find((r) => r.status === RunStatus.SUCCEEDED && r.id !== state.runId)?.id ?? null;
      fillRunSelects();
    }
    void render();
  });
  $<HTMLSelectElement>("compare-run").addEventListener("change", (e) => {
    state.compareRunId = (e.target as HTMLSelectElement).value || null;
    void render();
  });
  $("sim-start").addEventListener("click", () => void startSimulation());
  $("sim-cancel").addEventListener("click", () => simulation?.abort());
  const layerIds: Record<keyof LayerVisibility, string> = {
    district: "layer-district", admin: "layer-admin", catchments: "layer-catchments",
    schools: "layer-schools", areas: "layer-areas", labels: "layer-labels",
  };
  for (const [key, id] of Object.entries(layerIds) as [keyof LayerVisibility, string][]) {
    $<HTMLInputElement>(id).addEventListener("change", (e) => {
      state.layers[key] = (e.target as HTMLInputElement).checked;
      panelA.setVisibility(state.layers);
      panelB?.setVisibility(state.layers);
      renderLegendNow();
    });
  }
  $("info-close").addEventListener("click", () => void selectSchool(null));
  $("notice-close").addEventListener("click", () => showNotice(""));
  $<HTMLFormElement>("signin-form").addEventListener("submit", (e) => void submitSignIn(e));
  $("signout").addEventListener("click", () => {
    // Forget the key, and everything loaded with it: the page starts again at the sign-in panel.
    removeStoredKey();
    window.location.reload();
  });
  $("info").addEventListener("click", (e) => {
    const a = (e.target as HTMLElement).closest("[data-goto-school]");
    if (a) void selectSchool(a.getAttribute("data-goto-school"));
  });
}

// ---------- start-up ----------

async function init(): Promise<void> {
  document.documentElement.style.setProperty("--font", FONT_STACK);
  wireControls();
  wirePanel(panelA, 0);
  panelA.setVisibility(state.layers);
  try {
    showSignedIn(await signIn(linkKey));
    setStatus("加载中 Loading…");
    const [district, admin, schoolList, areaList, runList, scenarioList] = await Promise.all([
      api.geography.getDistrict({ includeGeometry: true }).catch((e) => {
        if (isNotFound(e)) return null;
        throw e;
      }),
      api.geography.listAdminAreas({ includeGeometry: true }),
      listAllSchools(),
      listAllAreas(),
      listRuns(),
      listScenarios(),
    ]);
    if (!district) {
      setStatus("尚未导入数据 No dataset imported yet: run `planning import data/geo` (scripts/demo does).", "warn");
    }
    schools = schoolList;
    for (const s of schools) schoolByCode.set(s.code, s);
    areas = areaList;
    for (const a of areas) {
      areaByCode.set(a.code, a);
      const g = readGeometry(a.geometryGeojson);
      if (g) areaGeometry.set(a.code, g);
    }
    for (const a of admin.adminAreas) adminNames.set(a.code, a.name);
    colours = assignSchoolColours(schools, areas);
    panelA.setColours(colours);
    const districtGeometry = district ? readGeometry(district.geometryGeojson) : null;
    panelA.setDistrict(districtGeometry);
    panelA.setAdminAreas(
      admin.adminAreas.map((a) => ({
        code: a.code, name: a.name, street: a.kind === AdminAreaKind.STREET, geometry: readGeometry(a.geometryGeojson),
      })),
    );
    panelA.setAreas(
      areas.flatMap((a) => {
        const g = areaGeometry.get(a.code);
        if (!g) return [];
        const f = new Feature({ geometry: g, name: a.name, code: a.code });
        f.setId(a.code);
        return [f];
      }),
    );
    if (districtGeometry) {
      districtExtent = districtGeometry.getExtent();
      panelA.fit(districtExtent);
    }

    scenarios = scenarioList;
    fillScenarioSelect();
    simulationAvailable = runList !== null;
    runs = runList ?? [];
    const hash = readHash();
    const fromHash = hash.run && hash.run !== "base" && runs.some((r) => r.id === hash.run) ? hash.run : null;
    const initialRun = hash.run === "base" ? null : fromHash ?? defaultRun();
    if (hash.part === "junior") {
      state.part = SchoolPart.JUNIOR;
      $<HTMLInputElement>("part-junior").checked = true;
    }
    fillRunSelects();
    setRun(initialRun, false);
    if (hash.term && state.terms.includes(hash.term)) {
      state.termIndex = state.terms.indexOf(hash.term);
      $<HTMLInputElement>("term").value = String(state.termIndex);
    }
    if (!simulationAvailable) {
      $<HTMLButtonElement>("sim-start").disabled = true;
      $("sim-message").textContent = "模拟服务暂不可用 · The simulation service is not available on this server yet.";
    }
    applyRole();
    districtName = district?.name ?? "";
    await render();
    updateStatus();
  } catch (e) {
    reportError("加载 Loading", e);
  } finally {
    markReady();
  }
}

// ---------- test hooks ----------

function readGradeRow(tableId: string, row: string): number[] {
  const out = new Array(9).fill(0);
  document.querySelectorAll(`#${tableId} tr[data-row="${row}"] td[data-grade]`).forEach((td) => {
    out[Number(td.getAttribute("data-grade")) - 1] = Number((td.textContent ?? "0").replace(/[^\d-]/g, ""));
  });
  return out;
}

declare global {
  interface Window {
    planningMap: unknown;
  }
}

window.planningMap = {
  /** Resolves when the first full drawing is done (or failed). */
  ready,
  /** Resolves when the latest drawing is done. */
  idle: async () => {
    let p: Promise<void>;
    do {
      p = renderPromise;
      await p;
    } while (p !== renderPromise);
  },
  /** Catchment features drawn in a panel (0: main, 1: the compared run). */
  catchmentFeatureCount: (panel = 0) => (panel === 0 ? panelA : panelB)?.catchments.getFeatures().length ?? 0,
  catchmentSchoolCodes: (panel = 0) =>
    ((panel === 0 ? panelA : panelB)?.catchments.getFeatures() ?? []).map((f) => String(f.get("school_code"))).sort(),
  /** A fingerprint of what is drawn: catchments (school, students, vertices) and school statuses. */
  drawnSignature: (panel = 0) => {
    const p = panel === 0 ? panelA : panelB;
    if (!p) return "";
    const c = p.catchments.getFeatures().map((f) => {
      const g = f.getGeometry() as MultiPolygon | Polygon | undefined;
      const n = g ? g.getFlatCoordinates().length : 0;
      return `${f.get("school_code")}:${f.get("students") ?? ""}:${n}`;
    });
    const s = p.schools.getFeatures().map((f) => `${f.getId()}=${f.get("status")}`);
    return [...c.sort(), "|", ...s.sort()].join(",");
  },
  schoolsDrawn: () => panelA.schools.getFeatures().length,
  changedAreaCount: () => panelA.changed.getFeatures().length,
  /** The school shown in the side panel, with the enrolment by grade as displayed. */
  selectedSchool: () => {
    const h = document.querySelector("#info h3[data-school]");
    if (!h) return null;
    return {
      code: h.getAttribute("data-school"),
      name: h.firstChild?.textContent?.trim() ?? "",
      enrolment: readGradeRow("school-grades", "enrolment"),
      classes: readGradeRow("school-grades", "classes"),
      largestClass: readGradeRow("school-grades", "largest"),
      total: Number(($("school-total").textContent ?? "0").replace(/[^\d]/g, "")),
      highlighted: state.selectedSchool,
    };
  },
  selectedArea: () => {
    const h = document.querySelector("#info h3[data-area]");
    if (!h) return null;
    return { code: h.getAttribute("data-area"), students: readGradeRow("area-grades", "students") };
  },
  /** Page coordinates of a WGS84 point in a panel. */
  pixelOf: (lon: number, lat: number, panel = 0) => {
    const p = panel === 0 ? panelA : panelB;
    if (!p) return null;
    const px = p.map.getPixelFromCoordinate(fromLonLat([lon, lat]));
    if (!px) return null;
    const rect = p.map.getTargetElement().getBoundingClientRect();
    return [rect.left + px[0], rect.top + px[1]];
  },
  /** Page coordinates of a school's symbol in a panel, to click it like a user. */
  schoolPixel: (code: string, panel = 0) => (panel === 0 ? panelA : panelB)?.schoolPixel(code) ?? null,
  state: () => ({
    runId: state.runId,
    term: currentTerm(),
    terms: [...state.terms],
    part: state.part === SchoolPart.JUNIOR ? "junior" : "primary",
    compareMode: state.compareMode,
    compareRunId: state.compareRunId,
    simulationAvailable,
    catchmentSource: viewData[0]?.catchmentSource ?? "",
  }),
  /** Centres the map on a point (WGS84) at a zoom level, for screenshots. */
  zoomTo: (lon: number, lat: number, zoom: number) => {
    panelA.view.setCenter(fromLonLat([lon, lat]));
    panelA.view.setZoom(zoom);
    return new Promise<void>((resolve) => panelA.map.once("rendercomplete", () => resolve()));
  },
  renders: () => renders,
  errors: () => [...unexpectedErrors],
  /**
   * Signing in: the accepted key (name, role) or the sign-in panel and its message; the choice
   * between a sign-in link's key and the stored one; the notice (e.g. a refused link's key).
   */
  auth: () => ({
    signedIn: me !== null,
    name: me?.name ?? null,
    role: me ? (Role[me.role]?.toLowerCase() ?? String(me.role)) : null,
    canPlan: canPlan(),
    signInShown,
    checking: signInChecking,
    message: signInMessage,
    switchShown,
    notice: noticeText,
  }),
};

void init();
