"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import styles from "./studio.module.css";

// The studio page works as plain forms; this island makes it quick: writes without a page load (errors shown
// beside their item, focus kept in place), keyboard shortcuts, and selected article words copied into the
// new-item form. It only reads and fills the server-rendered DOM.

const ITEM = "[data-studio-item]";

function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function ReviewKeys() {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const focusAfter = useRef<number | null>(null);
  /** A write or the refresh after it is under way: the page's version is about to change, so wait. */
  const busy = useRef(false);
  const doneMessage = useRef("");

  useEffect(() => {
    if (pending || !busy.current) return;
    busy.current = false;
    document.body.removeAttribute("aria-busy");
    // Said only now, when the page shows the files as written and its forms carry their new version.
    setMessage(doneMessage.current);
    if (focusAfter.current === null) return;
    const items = [...document.querySelectorAll<HTMLElement>(ITEM)];
    const next = items[Math.min(focusAfter.current, items.length - 1)];
    focusAfter.current = null;
    (next ?? document.getElementById("studio-status"))?.focus();
  }, [pending]);

  useEffect(() => {
    const items = () => [...document.querySelectorAll<HTMLElement>(ITEM)];
    const current = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(ITEM) ?? null;

    async function submit(form: HTMLFormElement) {
      if (busy.current) return setMessage("Still saving the last change: try again in a moment.");
      busy.current = true;
      document.body.setAttribute("aria-busy", "true");
      const card = form.closest<HTMLElement>(ITEM);
      const errorBox =
        form.closest("section, article")?.querySelector<HTMLElement>("[data-item-error]") ??
        document.getElementById("create-error");
      if (errorBox) errorBox.replaceChildren();
      setMessage("Saving…");
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { accept: "application/json" },
      }).catch(() => null);
      const result = (await response?.json().catch(() => null)) as {
        ok: boolean;
        message: string;
        problems?: string[];
      } | null;
      if (!response || !result) {
        busy.current = false;
        document.body.removeAttribute("aria-busy");
        return setMessage("The studio server did not answer: is npm run studio still running?");
      }
      if (result.ok) {
        doneMessage.current = result.message;
        focusAfter.current = card ? items().indexOf(card) : null;
        if (form.dataset.studioForm === "create") form.reset();
        startTransition(() => router.refresh());
        return;
      }
      busy.current = false;
      document.body.removeAttribute("aria-busy");
      setMessage(`Not written: ${result.message}`);
      if (!errorBox) return;
      const alert = document.createElement("div");
      alert.setAttribute("role", "alert");
      const p = document.createElement("p");
      p.textContent = result.message;
      alert.append(p);
      if (result.problems?.length) {
        const ul = document.createElement("ul");
        for (const issue of result.problems) {
          const li = document.createElement("li");
          const code = document.createElement("code");
          code.textContent = issue;
          li.append(code);
          ul.append(li);
        }
        alert.append(ul);
      }
      errorBox.append(alert);
      (card ?? errorBox).focus();
    }

    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset.studioForm) return;
      event.preventDefault();
      void submit(form);
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const list = items();
      const here = current();
      const at = here ? list.indexOf(here) : -1;
      const shortcut = (key: string) =>
        here?.querySelector<HTMLFormElement>(`form[data-shortcut="${key}"]`) ?? null;
      let handled = true;
      switch (event.key) {
        case "j":
          list[Math.min(at + 1, list.length - 1)]?.focus();
          break;
        case "k":
          list[Math.max(at - 1, 0)]?.focus();
          break;
        case "a":
        case "r": {
          const form = shortcut(event.key);
          if (form) void submit(form);
          else
            setMessage(
              here
                ? "This suggestion cannot be accepted, only dismissed (r)."
                : "Move to a suggestion first (j).",
            );
          break;
        }
        case "e": {
          const details = here?.querySelector<HTMLDetailsElement>("details[data-edit]");
          if (!details) break;
          details.open = true;
          details.querySelector<HTMLElement>("input, textarea")?.focus();
          break;
        }
        case "u": {
          const undo = document.querySelector<HTMLFormElement>('form[data-shortcut="u"]');
          if (undo && !undo.querySelector("button")?.disabled) void submit(undo);
          else setMessage("Nothing to undo in this studio session.");
          break;
        }
        case "n":
          document.getElementById("create")?.focus();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    };

    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const start = (range.startContainer.parentElement ?? null)?.closest<HTMLElement>("[data-p]");
      const end = (range.endContainer.parentElement ?? null)?.closest<HTMLElement>("[data-p]");
      if (!start || start !== end) return;
      const text = selection.toString().replace(/\s+/g, " ").trim();
      if (!text) return;
      const quote = document.querySelector<HTMLTextAreaElement>("[data-selection-quote]");
      const paragraph = document.querySelector<HTMLInputElement>("[data-selection-paragraph]");
      if (!quote || !paragraph) return;
      quote.value = text;
      paragraph.value = start.dataset.p ?? "";
      setMessage(
        `Selected words from paragraph ${start.dataset.p} copied into the new-item form (press n to go there).`,
      );
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSelectionChange = () => {
      clearTimeout(timer);
      timer = setTimeout(onSelection, 150);
    };

    document.addEventListener("submit", onSubmit);
    document.addEventListener("keydown", onKey);
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      document.removeEventListener("submit", onSubmit);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("selectionchange", onSelectionChange);
      clearTimeout(timer);
    };
  }, [router]);

  return (
    <p className={styles.toast} role="status" aria-live="polite" data-studio-toast>
      {message}
    </p>
  );
}
