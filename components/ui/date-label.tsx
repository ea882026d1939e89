import { formatSpan, isApproximate, type Precision } from "@/lib/dates";
import styles from "./date-label.module.css";

const PRECISION_WORDS: Record<Precision, string> = {
  day: "exact day",
  week: "known to the week",
  month: "known to the month",
  year: "known to the year",
  range: "somewhere in this range",
};

export interface DateLabelProps {
  start: string;
  end: string;
  precision: Precision;
  circa?: boolean;
}

/** A date as precisely as it is known, with a visible marker when it is not a single known day. */
export function DateLabel({ start, end, precision, circa = false }: DateLabelProps) {
  const approximate = isApproximate({ precision, circa });
  const text = formatSpan({ start, end, precision, circa });
  return (
    <span className={styles.date} data-precision={precision}>
      <time dateTime={precision === "day" ? start : `${start}/${end}`}>{text}</time>
      {approximate && (
        // The mark itself (↔ or ≈) is drawn by the stylesheet, silent to screen readers, which read the words; a
        // span less per dated line, and a timeline page lists a hundred.
        <span className={styles.marker} title={circa ? "approximate" : PRECISION_WORDS[precision]}>
          <span className="visually-hidden">{` (${circa ? "approximate" : PRECISION_WORDS[precision]})`}</span>
        </span>
      )}
    </span>
  );
}
