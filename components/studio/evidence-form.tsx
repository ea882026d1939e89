import type { StudioReview } from "@/lib/studio/view";
import { FormError, type FormErrorProps } from "./form-error";
import { SelectionFields } from "./selection-fields";
import styles from "./studio.module.css";
import { WriteForm } from "./write-form";

export interface EvidenceFormProps {
  review: StudioReview;
  token: string;
  error?: FormErrorProps["error"];
}

/**
 * Selected words as one more evidence quote of an event, position or rating this article already has (suggested
 * or accepted). Checked like any quote: verbatim, in the paragraph given.
 */
export function EvidenceForm({ review, token, error }: EvidenceFormProps) {
  return (
    <section id="add-evidence" className={styles.create} aria-labelledby="add-evidence-h" tabIndex={-1}>
      <h2 id="add-evidence-h">Selected words as more evidence of an item</h2>
      <p className="muted">
        Select words in the article (at least four, within one paragraph), then choose the event, position or
        rating they also support.
      </p>
      <FormError id="add-evidence-error" error={error} />
      <WriteForm
        slug={review.slug}
        token={token}
        version={review.version}
        op="add-evidence"
        className={styles.createForm}
      >
        <SelectionFields quoteLabel="Quote (verbatim)" quoteRows={2} paragraphs={review.blocks.length} />
        <label className={styles.wide}>
          Item
          <select name="target" required defaultValue="">
            <option value="" disabled>
              Choose an event, position or rating
            </option>
            {review.evidenceTargets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.accept}>
          Add the evidence
        </button>
      </WriteForm>
    </section>
  );
}
