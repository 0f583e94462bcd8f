// gRPC-Web clients of the planning.v1 contract (generated from ../proto by buf + protoc-gen-es).
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AccessService, Role } from "./gen/planning/v1/access_pb";
import { AssessmentService } from "./gen/planning/v1/assessment_pb";
import { GeographyService } from "./gen/planning/v1/geography_pb";
import { ScenarioService, type Scenario } from "./gen/planning/v1/scenarios_pb";
import { ResidentialAreaService, SchoolService, type ResidentialArea, type School } from "./gen/planning/v1/schools_pb";
import { SimulationService, type Run } from "./gen/planning/v1/simulation_pb";

// ---------- the API key ----------
//
// Every planning.v1 call carries `authorization: Bearer pln_…`. The key arrives in the URL
// fragment of a sign-in link (`planning web-link`: http://host:5080/#key=pln_…; browsers never
// send the fragment to a server) or is pasted into the sign-in panel; it is kept in
// localStorage under KEY_STORAGE until the user signs out.

/** The localStorage entry holding the API key of this browser (per origin). */
export const KEY_STORAGE = "planning.apiKey";

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

export function forgetKey(): void {
  memoryKey = null;
  try {
    window.localStorage.removeItem(KEY_STORAGE);
  } catch {
    // nothing stored
  }
}

/**
 * Takes `key=…` out of the URL fragment: stores it and rewrites the address (history.replaceState,
 * no new history entry) without it, keeping the fragment's other parameters (run, term, part).
 * Returns whether the fragment held a key.
 */
export function adoptKeyFromFragment(): boolean {
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (!params.has("key")) return false;
  const key = (params.get("key") ?? "").trim();
  params.delete("key");
  const rest = params.toString();
  history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`);
  if (key) storeKey(key);
  return key.length > 0;
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

/** Called with the error of any call the server refused: UNAUTHENTICATED or PERMISSION_DENIED. */
let refusalHandler: (e: ConnectError) => void = () => {};

export function onRefused(handler: (e: ConnectError) => void): void {
  refusalHandler = handler;
}

/**
 * Adds the stored key to every call (unless the call brings its own, as the sign-in panel's check
 * of a pasted key does), and reports refused calls to the page.
 */
const apiKeyInterceptor: Interceptor = (next) => async (req) => {
  if (!req.header.has("authorization")) {
    const key = storedKey();
    if (key) req.header.set("authorization", `Bearer ${key}`);
  }
  try {
    return await next(req);
  } catch (e) {
    if (e instanceof ConnectError && (e.code === Code.Unauthenticated || e.code === Code.PermissionDenied) && req.method.name !== "WhoAmI") {
      refusalHandler(e);
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
};

/** Checks a key with AccessService.WhoAmI: the stored key, or the one given (e.g. just pasted). */
export function whoAmI(key?: string) {
  return api.access.whoAmI({}, key ? { headers: { authorization: `Bearer ${key}` } } : {});
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

export type SimulationClient = Client<typeof SimulationService>;

/** True when the server does not (yet) offer the called method or service. */
export function isUnimplemented(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.Unimplemented;
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

export function isPermissionDenied(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.PermissionDenied;
}

/** A short description of an error for the status line. */
export function describeError(e: unknown): string {
  if (e instanceof ConnectError) {
    return `${Code[e.code] ?? e.code}: ${e.rawMessage}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Every school, all pages. */
export async function listAllSchools(): Promise<School[]> {
  const out: School[] = [];
  let token = "";
  do {
    const res = await api.schools.listSchools({ page: { pageSize: 1000, pageToken: token } });
    out.push(...res.schools);
    token = res.page?.nextPageToken ?? "";
  } while (token);
  return out;
}

/** Every residential area with its boundary, all pages (1,000 per page). */
export async function listAllAreas(): Promise<ResidentialArea[]> {
  const out: ResidentialArea[] = [];
  let token = "";
  do {
    const res = await api.areas.listResidentialAreas({ includeGeometry: true, page: { pageSize: 1000, pageToken: token } });
    out.push(...res.residentialAreas);
    token = res.page?.nextPageToken ?? "";
  } while (token);
  return out;
}

/** Runs, newest first; null when the simulation service is not available. */
export async function listRuns(): Promise<Run[] | null> {
  try {
    const out: Run[] = [];
    let token = "";
    do {
      const res = await api.simulation.listRuns({ page: { pageSize: 200, pageToken: token } });
      out.push(...res.runs);
      token = res.page?.nextPageToken ?? "";
    } while (token && out.length < 1000);
    return out;
  } catch (e) {
    if (isUnimplemented(e)) return null;
    throw e;
  }
}

/** Scenarios, newest first; null when the scenario service is not available. */
export async function listScenarios(): Promise<Scenario[] | null> {
  try {
    const res = await api.scenarios.listScenarios({ page: { pageSize: 200 } });
    return res.scenarios;
  } catch (e) {
    if (isUnimplemented(e)) return null;
    throw e;
  }
}
