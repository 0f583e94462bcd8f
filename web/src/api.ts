// gRPC-Web clients of the planning.v1 contract (generated from ../proto by buf + protoc-gen-es).
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AccessService, Role } from "./gen/planning/v1/access_pb";
import { AssessmentService } from "./gen/planning/v1/assessment_pb";
import { DatasetService } from "./gen/planning/v1/dataset_pb";
import { GeographyService } from "./gen/planning/v1/geography_pb";
import { PlannerService } from "./gen/planning/v1/planner_pb";
import { ReportService } from "./gen/planning/v1/reports_pb";
import { RulesService } from "./gen/planning/v1/rules_pb";
import { ScenarioService, type Scenario } from "./gen/planning/v1/scenarios_pb";
import { ResidentialAreaService, SchoolService, type ResidentialArea, type School } from "./gen/planning/v1/schools_pb";
import { SimulationService, type Run } from "./gen/planning/v1/simulation_pb";

// ---------- the API key ----------
//
// Every planning.v1 call carries `authorization: Bearer pln_…`. The key arrives in the URL
// fragment of a sign-in link (`planning web-link`: http://host:5080/#key=pln_…; browsers never
// send the fragment to a server) or is pasted into the sign-in panel; it is kept in
// localStorage under KEY_STORAGE until the user signs out. A link's key is only taken out of the
// address here: the page stores it once AccessService.WhoAmI has accepted it, and never over
// another stored key without asking (main.ts, signIn).

/** The localStorage entry holding the API key of this browser (per origin). */
export const KEY_STORAGE = "planning.apiKey";

/**
 * The sessionStorage entry (this tab only) that carries a sign-in link's key, not yet checked,
 * across the reload that follows opening the link in a tab already showing the map. Taken out
 * again first thing on the next load.
 */
const LINK_HANDOVER = "planning.linkKey";

let memoryKey: string | null = null; // when localStorage is unavailable (e.g. disabled storage)

export function storedKey(): string | null {
  try {
    return window.localStorage.getItem(KEY_STORAGE) || null;
  } catch {
    return memoryKey;
  }
}

export function storeKey(key: string): void {
  memoryKey = key;
  try {
    window.localStorage.setItem(KEY_STORAGE, key);
  } catch {
    // kept in memory for this page only
  }
}

/**
 * Forgets `key` if it is still the stored key (compare and remove): a key the server refused must
 * not take with it a key that another tab has stored meanwhile. Returns whether it was removed.
 */
export function forgetKey(key: string): boolean {
  let forgot = false;
  if (memoryKey === key) {
    memoryKey = null;
    forgot = true;
  }
  try {
    if (window.localStorage.getItem(KEY_STORAGE) !== key) return false;
    window.localStorage.removeItem(KEY_STORAGE);
    return true;
  } catch {
    return forgot;
  }
}

/** Signing out: removes the stored key, whichever it is (the user asked this browser to forget it). */
export function removeStoredKey(): void {
  memoryKey = null;
  try {
    window.localStorage.removeItem(KEY_STORAGE);
  } catch {
    // nothing stored
  }
}

/**
 * Takes `key=…` out of the URL fragment at once, without storing it: rewrites the address
 * (history.replaceState, no new history entry) without it, keeping the fragment's other
 * parameters (run, term, part). Returns the key, or null when the fragment held none.
 */
export function takeKeyFromFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (!params.has("key")) return null;
  const key = (params.get("key") ?? "").trim();
  params.delete("key");
  const rest = params.toString();
  history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`);
  return key || null;
}

/** Hands a sign-in link's key (unchecked) to the next load of this tab; false when the tab has no sessionStorage. */
export function handOverLinkKey(key: string): boolean {
  try {
    window.sessionStorage.setItem(LINK_HANDOVER, key);
    return true;
  } catch {
    return false;
  }
}

/** The key handed over by handOverLinkKey, removed at once; null when there is none. */
export function takeHandedOverLinkKey(): string | null {
  try {
    const key = window.sessionStorage.getItem(LINK_HANDOVER);
    window.sessionStorage.removeItem(LINK_HANDOVER);
    return key || null;
  } catch {
    return null;
  }
}

/**
 * A key from what the user pasted: the key itself, or a whole sign-in link (…#key=pln_…).
 * Empty when nothing usable was pasted.
 */
export function keyFromPaste(text: string): string {
  const t = text.trim();
  const m = /[#&?]key=([^&#\s]+)/.exec(t);
  if (m) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return m[1];
    }
  }
  return t.replace(/^Bearer\s+/i, "");
}

/**
 * The key the page signed in with (useKey): every call carries it, so that what the page does is
 * done with the key it shows, even when another tab stores a different one meanwhile.
 */
let activeKey: string | null = null;

export function useKey(key: string | null): void {
  activeKey = key;
}

/** The key every call now carries (null before sign-in and after a refusal). */
export function currentKey(): string | null {
  return activeKey;
}

/**
 * Called with the error of any call the server refused (UNAUTHENTICATED or PERMISSION_DENIED) and
 * the key that call carried.
 */
let refusalHandler: (e: ConnectError, key: string | null) => void = () => {};

export function onRefused(handler: (e: ConnectError, key: string | null) => void): void {
  refusalHandler = handler;
}

/**
 * Adds the signed-in key to every call (unless the call brings its own, as the checks of a link's,
 * a stored or a pasted key do), and reports refused calls to the page.
 */
const apiKeyInterceptor: Interceptor = (next) => async (req) => {
  if (!req.header.has("authorization") && activeKey) req.header.set("authorization", `Bearer ${activeKey}`);
  const sent = /^Bearer\s+(.+)$/i.exec(req.header.get("authorization") ?? "")?.[1] ?? null;
  try {
    return await next(req);
  } catch (e) {
    if (e instanceof ConnectError && (e.code === Code.Unauthenticated || e.code === Code.PermissionDenied) && req.method.name !== "WhoAmI") {
      refusalHandler(e, sent);
    }
    throw e;
  }
};

// Same origin as the page: the server serves both (no CORS).
const transport = createGrpcWebTransport({
  baseUrl: window.location.origin,
  useBinaryFormat: true,
  interceptors: [apiKeyInterceptor],
});

export const api = {
  access: createClient(AccessService, transport),
  geography: createClient(GeographyService, transport),
  schools: createClient(SchoolService, transport),
  areas: createClient(ResidentialAreaService, transport),
  simulation: createClient(SimulationService, transport),
  scenarios: createClient(ScenarioService, transport),
  assessment: createClient(AssessmentService, transport),
  dataset: createClient(DatasetService, transport),
  rules: createClient(RulesService, transport),
  reports: createClient(ReportService, transport),
  planner: createClient(PlannerService, transport),
};

/** Checks a key with AccessService.WhoAmI (a link's, the stored or a pasted key), before the page uses it. */
export function whoAmI(key: string) {
  return api.access.whoAmI({}, { headers: { authorization: `Bearer ${key}` } });
}

/** A role as the page names it. */
export function roleLabel(role: Role): string {
  switch (role) {
    case Role.VIEWER:
      return "查看 viewer";
    case Role.PLANNER:
      return "规划 planner";
    case Role.ADMIN:
      return "管理 admin";
    default:
      return "未知 unknown";
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.Canceled;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.NotFound;
}

export function isUnauthenticated(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.Unauthenticated;
}

/** A short description of an error for the status line. */
export function describeError(e: unknown): string {
  if (e instanceof ConnectError) {
    return `${Code[e.code] ?? e.code}: ${e.rawMessage}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Every item of a paged list call (at most `max`). */
async function allPages<T>(page: (token: string) => Promise<{ items: T[]; next: string }>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  let token = "";
  do {
    const res = await page(token);
    out.push(...res.items);
    token = res.next;
  } while (token && out.length < max);
  return out;
}

/** Every school, all pages. */
export function listAllSchools(): Promise<School[]> {
  return allPages(async (pageToken) => {
    const res = await api.schools.listSchools({ page: { pageSize: 1000, pageToken } });
    return { items: res.schools, next: res.page?.nextPageToken ?? "" };
  });
}

/** Every residential area, all pages (1,000 per page); their boundaries only when asked (they are most of the bytes). */
export function listAllAreas(includeGeometry: boolean): Promise<ResidentialArea[]> {
  return allPages(async (pageToken) => {
    const res = await api.areas.listResidentialAreas({ includeGeometry, page: { pageSize: 1000, pageToken } });
    return { items: res.residentialAreas, next: res.page?.nextPageToken ?? "" };
  });
}

/** Runs, newest first (at most 1,000). */
export function listRuns(): Promise<Run[]> {
  return allPages(async (pageToken) => {
    const res = await api.simulation.listRuns({ page: { pageSize: 200, pageToken } });
    return { items: res.runs, next: res.page?.nextPageToken ?? "" };
  }, 1000);
}

/** Scenarios, newest first. */
export async function listScenarios(): Promise<Scenario[]> {
  const res = await api.scenarios.listScenarios({ page: { pageSize: 200 } });
  return res.scenarios;
}
