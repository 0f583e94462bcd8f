// Signing in: the key of a sign-in link or the stored or pasted key, checked with AccessService.WhoAmI
// before anything else is loaded (docs/web-map.md, "Signing in").
import { Code, type ConnectError } from "@connectrpc/connect";
import {
  currentKey, describeError, forgetKey, handOverLinkKey, isUnauthenticated, KEY_STORAGE, keyFromPaste, onRefused, removeStoredKey,
  roleLabel, storedKey, storeKey, takeKeyFromFragment, useKey, whoAmI,
} from "./api";
import { Role, type ApiKey } from "./gen/planning/v1/access_pb";
import { $, setStatus } from "./dom";
import { app } from "./state";

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

export function canPlan(): boolean {
  return (app.auth.me?.role ?? Role.UNSPECIFIED) >= Role.PLANNER;
}

/** "UNAUTHENTICATED" for Code.Unauthenticated: the gRPC name, as the server and the docs spell it. */
export function grpcCodeName(code: Code): string {
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
  app.auth.notice = text;
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
export async function signIn(link: string | null): Promise<SignedIn> {
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
  app.auth.switchShown = true;
  setStatus("请选择密钥 Choose a key: the sign-in link is for another key than the one stored in this browser.", "warn");
  stay.focus();
  return new Promise<boolean>((resolve) => {
    const done = (switchToLink: boolean) => {
      accept.onclick = stay.onclick = null;
      $("switch").onkeydown = null;
      $("switch").hidden = true;
      app.auth.switchShown = false;
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
  app.auth.signInShown = true;
  app.auth.message = message;
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
  if (app.auth.checking) return;
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
  app.auth.checking = true;
  try {
    const who = await whoAmI(key);
    storeKey(key);
    input.value = "";
    $("signin").hidden = true;
    app.auth.signInShown = false;
    app.auth.message = "";
    const resolve = resolveSignIn;
    pendingSignIn = null;
    resolveSignIn = null;
    resolve?.({ key, who });
  } catch (e) {
    app.auth.message = refusedText(e);
    error.textContent = app.auth.message;
    error.hidden = false;
    input.select();
  } finally {
    app.auth.checking = false;
    submit.disabled = false;
  }
}

export function showSignedIn({ key, who }: SignedIn): void {
  app.auth.me = who;
  useKey(key);
  $("whoami-name").textContent = who.name;
  $("whoami-role").textContent = roleLabel(who.role);
  $("whoami").title = `已登录 Signed in: ${who.name} (${who.prefix}…), ${roleLabel(who.role)}`;
  $("whoami").hidden = false;
}

/**
 * Controls that need more than the viewer role (marked `data-needs-planner` in the page): disabled,
 * with the reason as their tooltip.
 */
export function applyRole(): void {
  if (canPlan()) return;
  const reason = `${PLANNER_NEEDED} (此密钥 this key: ${roleLabel(app.auth.me?.role ?? Role.UNSPECIFIED)})`;
  document.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>("[data-needs-planner]").forEach((el) => {
    el.disabled = true;
    el.title = reason;
  });
  $("sim-section").title = reason;
  $("sim-message").textContent = "运行模拟需要 planner 角色 · Running a simulation needs the planner role.";
}

/** Wires what signing in listens to: refused calls, other tabs' keys, sign-in links opened in this tab. */
export function wireAuth(): void {
  // A call the server refused after sign-in: a revoked key shows the panel again, a missing role the server's reason.
  onRefused((e, key) => {
    if (e.code === Code.Unauthenticated) {
      if (!app.auth.me) return; // still signing in (the panel is handling it), or already handled
      app.auth.me = null;
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
    app.errors.push(text);
    setStatus(text, "error");
    console.warn(text);
  });

  window.addEventListener("storage", (e) => {
    // Signed out, or signed in with another key, in another tab: start again with what is stored now.
    if ((e.key === KEY_STORAGE || e.key === null) && app.auth.me && storedKey() !== currentKey()) window.location.reload();
  });

  window.addEventListener("hashchange", () => {
    // A sign-in link opened in a tab that already shows the map: its key leaves the address at once
    // and goes, unchecked and unstored, to a fresh load of this tab, which treats it as any link's key.
    const key = takeKeyFromFragment();
    if (!key || (app.auth.me && key === currentKey())) return;
    if (!handOverLinkKey(key)) console.warn("sessionStorage is unavailable: the sign-in link's key was not used");
    window.location.reload();
  });
  $<HTMLFormElement>("signin-form").addEventListener("submit", (e) => void submitSignIn(e));
  $("notice-close").addEventListener("click", () => showNotice(""));
  $("signout").addEventListener("click", () => {
    // Forget the key, and everything loaded with it: the page starts again at the sign-in panel.
    removeStoredKey();
    window.location.reload();
  });
}
