import { CLAIM_KINDS } from "@/lib/domain";
import { PRECISIONS } from "@/lib/dates";
import type { StudioReview } from "@/lib/studio/view";
import { FormError } from "./form-error";
import { SelectionFields } from "./selection-fields";
import styles from "./studio.module.css";
import { WriteForm } from "./write-form";

export interface CreateFormProps {
  review: StudioReview;
  token: string;
  error?: { message: string; problems: string[] };
}

/**
 * A new event or position whose evidence is words of the article. Selecting text in the article fills the quote
 * and its paragraph (review-keys.tsx); without JavaScript, paste the words and type the paragraph number.
 */
export function CreateForm({ review, token, error }: CreateFormProps) {
  return (
    <section id="create" className={styles.create} aria-labelledby="create-h" tabIndex={-1}>
      <h2 id="create-h">New event or position from the article&rsquo;s words</h2>
      <p className="muted">
        Select words in the article (at least four, within one paragraph): they fill the quote below. The
        quote must be verbatim; it is checked against the article when you add the item.
      </p>
      <FormError id="create-error" error={error} />
      <WriteForm
        slug={review.slug}
        token={token}
        version={review.version}
        op="create"
        className={styles.createForm}
      >
        <fieldset>
          <legend>Kind</legend>
          <label className={styles.inline}>
            <input type="radio" name="kind" value="event" defaultChecked /> Event (something that happened)
          </label>
          <label className={styles.inline}>
            <input type="radio" name="kind" value="position" /> Position (a stance on an issue)
          </label>
        </fieldset>
        <SelectionFields
          quoteLabel="Quote (the evidence, verbatim)"
          quoteRows={3}
          paragraphs={review.blocks.length}
        />
        <label>
          Actor
          <select name="actor" required defaultValue="">
            <option value="" disabled>
              Choose an actor
            </option>
            {review.actors.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Issue
          <select name="issue" required defaultValue="">
            <option value="" disabled>
              Choose an issue
            </option>
            {review.issues.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Claim
          <select name="claim" defaultValue="reported">
            {CLAIM_KINDS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className={styles.wide}>
          Title (event) or stance (position)
          <input name="title" />
        </label>
        <label className={styles.wide}>
          Summary, in our words
          <textarea name="summary" rows={2} required />
        </label>
        <fieldset className={styles.wide}>
          <legend>Date (events only), as the article states it</legend>
          <label>
            Stated
            <input name="stated" placeholder="on Monday" />
          </label>
          <label>
            Start
            <input name="start" placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
          </label>
          <label>
            Precision
            <select name="precision" defaultValue="day">
              {PRECISIONS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className={styles.wide}>
            Basis (how the date was worked out)
            <input name="basis" />
          </label>
        </fieldset>
        <button type="submit" className={styles.accept}>
          Add it
        </button>
      </WriteForm>
    </section>
  );
}
