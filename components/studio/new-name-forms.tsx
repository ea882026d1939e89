import { ACTOR_KINDS } from "@/lib/domain";
import type { StudioReview } from "@/lib/studio/view";
import { FormError, type FormErrorProps } from "./form-error";
import styles from "./studio.module.css";
import { WriteForm } from "./write-form";

export interface NewNameFormsProps {
  review: StudioReview;
  token: string;
  /** From a candidate's "New actor…" link: its name, guessed kind and index in the draft. */
  prefill: { name?: string; kind?: string; candidate?: string };
  errors: { actor?: FormErrorProps["error"]; issue?: FormErrorProps["error"] };
}

/** A new actor (in actors.yaml) or issue (in issues.yaml), checked with all the content before it is written. */
export function NewNameForms({ review, token, prefill, errors }: NewNameFormsProps) {
  const form = { slug: review.slug, token, version: review.version, className: styles.createForm };
  const kind = (ACTOR_KINDS as readonly string[]).includes(prefill.kind ?? "") ? prefill.kind : "";
  const candidate = prefill.candidate && /^\d+$/.test(prefill.candidate) ? prefill.candidate : "";
  return (
    <section id="new-name" className={styles.create} aria-labelledby="new-name-h" tabIndex={-1}>
      <h2 id="new-name-h">New actor or issue</h2>
      <p className="muted">
        For a name the article uses that no actor has yet (a candidate&rsquo;s &ldquo;New actor…&rdquo; fills
        it in), or an issue it is about that <code>issues.yaml</code> lacks. The slug, made from the name when
        left empty, appears in URLs: it cannot change once published.
      </p>
      <div className={styles.pair}>
        <section id="new-actor" aria-labelledby="new-actor-h" tabIndex={-1}>
          <h3 id="new-actor-h">New actor</h3>
          <FormError id="new-actor-error" error={errors.actor} />
          {/* Keyed by the prefill so a candidate's link refills it after a client-side navigation. */}
          <WriteForm key={`${prefill.name}-${candidate}`} {...form} op="new-actor" fields={{ candidate }}>
            <label className={styles.wide}>
              Name
              <input name="name" required defaultValue={prefill.name} data-selection-name />
            </label>
            <label>
              Slug
              <input name="slug" pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="from the name" />
            </label>
            <label>
              Kind
              <select name="kind" required defaultValue={kind}>
                <option value="" disabled>
                  Choose a kind
                </option>
                {ACTOR_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              Affiliation (the state or organisation it belongs to)
              <select name="affiliation" defaultValue="">
                <option value="">None</option>
                {review.actors.map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.wide}>
              Aliases, separated by commas
              <input name="aliases" />
            </label>
            <label className={styles.wide}>
              Description, one neutral line
              <input name="description" required />
            </label>
            <button type="submit" className={styles.accept}>
              Add the actor
            </button>
          </WriteForm>
        </section>
        <section id="new-issue" aria-labelledby="new-issue-h" tabIndex={-1}>
          <h3 id="new-issue-h">New issue</h3>
          <FormError id="new-issue-error" error={errors.issue} />
          <WriteForm {...form} op="new-issue">
            <label className={styles.wide}>
              Title
              <input name="title" required />
            </label>
            <label>
              Slug
              <input name="slug" pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="from the title" />
            </label>
            <label className={styles.wide}>
              Summary, neutral, in our words
              <textarea name="summary" rows={2} required />
            </label>
            <label className={styles.wide}>
              Related issues&rsquo; slugs, separated by commas
              <input name="related" />
            </label>
            <button type="submit" className={styles.accept}>
              Add the issue
            </button>
          </WriteForm>
        </section>
      </div>
    </section>
  );
}
