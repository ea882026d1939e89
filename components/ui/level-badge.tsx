import type { Level } from "@/lib/domain";
import { LEVEL_DESCRIPTION, LEVEL_LABEL } from "@/lib/site/labels";
import styles from "./level-badge.module.css";

export interface LevelBadgeProps {
  /** null: the snapshot does not rate the issue. */
  level: Level | null;
  size?: "small" | "normal" | "large";
  /** Show the one-line meaning as visually hidden text for screen readers. */
  describe?: boolean;
  /** What a null level says. */
  emptyLabel?: string;
}

/** A divergence level in colour, shape and words. */
export function LevelBadge({
  level,
  size = "normal",
  describe = false,
  emptyLabel = "Not covered",
}: LevelBadgeProps) {
  const key = level ?? "uncovered";
  return (
    <span className={`${styles.badge} ${styles[size]}`} data-level={key}>
      <LevelIcon level={level} />
      <span>{level ? LEVEL_LABEL[level] : emptyLabel}</span>
      {describe && level && <span className="visually-hidden"> — {LEVEL_DESCRIPTION[level]}</span>}
    </span>
  );
}

/** Filled circle, half circle, triangle, hollow circle, dashed circle: distinct without colour. */
export function LevelIcon({ level }: { level: Level | null }) {
  const common = {
    width: 14,
    height: 14,
    viewBox: "0 0 16 16",
    "aria-hidden": true,
    focusable: false,
  } as const;
  switch (level) {
    case "aligned":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
        </svg>
      );
    case "partial":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
        </svg>
      );
    case "divergent":
      return (
        <svg {...common}>
          <path d="M8 1.5 15 14.5H1z" fill="currentColor" />
        </svg>
      );
    case "none":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle
            cx="8"
            cy="8"
            r="6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeDasharray="2 2"
          />
        </svg>
      );
  }
}
