// Small helpers for the page's elements and its status line.
import { describeError } from "./api";
import { app } from "./state";

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function setStatus(text: string, kind: "info" | "warn" | "error" = "info"): void {
  const el = $("status");
  el.textContent = text;
  el.className = `status ${kind === "info" ? "" : kind}`;
}

/** An error the page did not expect: shown in the status line and kept for the browser tests. */
export function reportError(context: string, e: unknown): void {
  if (app.auth.signInShown) return; // the key was refused: the sign-in panel says so
  const text = `${context}: ${describeError(e)}`;
  app.errors.push(text);
  setStatus(text, "error");
  console.error(text, e);
}

/** Saves bytes as a file the browser downloads. */
export function saveFile(name: string, type: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
