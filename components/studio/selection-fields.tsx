import styles from "./studio.module.css";

export interface SelectionFieldsProps {
  quoteLabel: string;
  quoteRows: number;
  /** The article's paragraph count: the highest paragraph number. */
  paragraphs: number;
}

/** The words selected in the article, as a verbatim quote and its paragraph number (filled from a selection by
 * review-keys.tsx, or typed). */
export function SelectionFields({ quoteLabel, quoteRows, paragraphs }: SelectionFieldsProps) {
  return (
    <>
      <label className={styles.wide}>
        {quoteLabel}
        <textarea name="quote" rows={quoteRows} required data-selection-quote />
      </label>
      <label>
        Paragraph
        <input name="paragraph" type="number" min={1} max={paragraphs} required data-selection-paragraph />
      </label>
    </>
  );
}
