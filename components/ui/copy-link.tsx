"use client";

import { useState } from "react";
import styles from "./copy-link.module.css";

export interface CopyLinkProps {
  /** A fragment (`#positions`) or a path; resolved against the current page. */
  href: string;
  label: string;
}

/** A plain link to the anchor; with JavaScript it also copies the full URL to the clipboard. */
export function CopyLink({ href, label }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      className={`${styles.link} no-print`}
      href={href}
      onClick={async (event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        const url = new URL(href, window.location.href).toString();
        try {
          await navigator.clipboard.writeText(url);
          window.history.replaceState(window.history.state, "", url);
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        } catch {
          window.location.href = url;
        }
      }}
    >
      <span aria-hidden="true">#</span>
      <span className="visually-hidden">{label}</span>
      <span className={styles.status} role="status">
        {copied ? "Link copied" : ""}
      </span>
    </a>
  );
}
