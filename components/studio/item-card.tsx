import { CLAIM_KINDS } from "@/lib/domain";
import type { StudioItem } from "@/lib/studio/view";
import { FormError } from "./form-error";
import styles from "./studio.module.css";
import { WriteForm } from "./write-form";

export interface ItemCardProps {
  item: StudioItem;
  slug: string;
  token: string;
  version: string;
  /** An error from the last write about this item (no-JavaScript round trip). */
  error?: { message: string; problems: string[] };
  accepted?: boolean;
}

export function ItemCard({ item, slug, token, version, error, accepted = false }: ItemCardProps) {
  const heading = `${item.id}-h`;
  const form = { slug, token, version };
  const target = { section: item.section, index: item.index };
  const acceptable =
    !accepted && item.edit !== undefined && ["events", "positions", "actors"].includes(item.section);
  return (
    <article
      id={item.id}
      className={`${styles.card} ${accepted ? styles.accepted : ""}`}
      aria-labelledby={heading}
      data-studio-item={accepted ? undefined : item.id}
      tabIndex={accepted ? undefined : -1}
    >
      <h3 id={heading} className={styles.cardTitle}>
        {accepted && <span className={styles.badge}>Accepted</span>} {item.label}
      </h3>
      {item.fields.length > 0 && (
        <dl className={styles.fields}>
          {item.fields.map((f) => (
            <div key={f.name}>
              <dt>{f.name}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {item.evidence.length > 0 && (
        <p className={styles.evidence}>
          <span className="visually-hidden">Evidence: </span>“{item.evidence[0]}”
          {item.evidence.length > 1 && <span className="muted"> and {item.evidence.length - 1} more</span>}
        </p>
      )}
      <FormError id={`${item.id}-error`} error={error} />
      {!accepted && (
        <div className={styles.actions}>
          {acceptable && (
            <WriteForm {...form} op="accept" fields={target} shortcut="a">
              <button type="submit" className={styles.accept} aria-describedby={heading}>
                Accept
              </button>
            </WriteForm>
          )}
          <WriteForm {...form} op="reject" fields={target} shortcut="r">
            <button type="submit" className={styles.reject} aria-describedby={heading}>
              {acceptable ? "Reject" : "Dismiss"}
            </button>
          </WriteForm>
        </div>
      )}
      {item.candidate && (
        <p className={styles.actions}>
          <a
            href={`?${new URLSearchParams({ name: item.candidate.name, kind: item.candidate.kind, candidate: String(item.index) })}#new-actor`}
            aria-describedby={heading}
            data-new-actor
          >
            New actor from this name…
          </a>
        </p>
      )}
      {!accepted && item.edit && (
        <details className={styles.edit} data-edit>
          <summary>Edit, then accept</summary>
          <WriteForm {...form} op="edit" fields={target}>
            {item.edit.title !== undefined && (
              <label>
                Title
                <input name="title" defaultValue={item.edit.title} required />
              </label>
            )}
            {item.edit.stance !== undefined && (
              <label>
                Stance
                <input name="stance" defaultValue={item.edit.stance} required />
              </label>
            )}
            <label>
              Summary, in our words
              <textarea name="summary" defaultValue={item.edit.summary} rows={3} required />
            </label>
            <label>
              Claim
              <select name="claim" defaultValue={item.edit.claim}>
                {CLAIM_KINDS.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <button type="submit" className={styles.accept}>
              Accept with these changes
            </button>
          </WriteForm>
        </details>
      )}
    </article>
  );
}
