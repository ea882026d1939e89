import Link from "next/link";
import type { StudioItem, StudioReview } from "@/lib/studio/view";
import { CreateForm } from "./create-form";
import { ItemCard } from "./item-card";
import { ReviewKeys } from "./review-keys";
import styles from "./studio.module.css";
import { WriteForm } from "./write-form";

export interface ReviewPageProps {
  review: StudioReview;
  token: string;
  undoable: number;
  outcome: { done?: string; error?: string; problems?: string; item?: string };
}

const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous suggestion"],
  ["a", "accept the suggestion"],
  ["r", "reject (or dismiss) it"],
  ["e", "edit it, then accept"],
  ["u", "undo the last change"],
  ["n", "new item from the selected words"],
];

export function ReviewPage({ review, token, undoable, outcome }: ReviewPageProps) {
  const form = { slug: review.slug, token, version: review.version };
  const error = outcome.error
    ? { message: outcome.error, problems: outcome.problems ? outcome.problems.split("\n") : [] }
    : undefined;
  const errorFor = (id: string) => (outcome.item === id ? error : undefined);
  const byParagraph = (items: StudioItem[]) => {
    const map = new Map<number | null, StudioItem[]>();
    for (const item of items) map.set(item.paragraph, [...(map.get(item.paragraph) ?? []), item]);
    return map;
  };
  const suggestions = byParagraph(review.suggestions);
  const findings = byParagraph(review.findings);
  const accepted = byParagraph(review.accepted);
  const counts = (["events", "positions", "actors"] as const).map((section) => ({
    section,
    n: review.suggestions.filter((s) => s.section === section).length,
  }));
  const unplaced = [...(suggestions.get(null) ?? []), ...(findings.get(null) ?? [])];
  const generalError = error && !outcome.item ? error : undefined;

  return (
    <div className={styles.page}>
      <p className="eyebrow">
        <Link href="/studio">Studio</Link> · review mode on this computer only
      </p>
      <h1>{review.title}</h1>
      <p className="muted">
        {review.draft ? "Draft: not on the public site." : "Published: accepted items reach the public site."}{" "}
        {review.suggestions.length} suggestion{review.suggestions.length === 1 ? "" : "s"} left. Accepted
        items are written to <code>annotations/{review.slug}.yaml</code>, rejected ones deleted from{" "}
        <code>drafts/{review.slug}.yaml</code>.
      </p>

      <div className={styles.toolbar} role="region" aria-label="Review actions">
        <div id="studio-status" className={styles.status} role="status" aria-live="polite">
          {outcome.done}
        </div>
        {generalError && (
          <div role="alert" className={styles.error} id="studio-error">
            <p>{generalError.message}</p>
            {generalError.problems.length > 0 && (
              <ul>
                {generalError.problems.map((i) => (
                  <li key={i}>
                    <code>{i}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className={styles.toolbarActions}>
          <WriteForm {...form} op="undo" shortcut="u">
            <button type="submit" disabled={undoable === 0}>
              Undo last change{undoable > 0 ? ` (${undoable})` : ""}
            </button>
          </WriteForm>
          {counts
            .filter((c) => c.n > 1)
            .map((c) => (
              <WriteForm key={c.section} {...form} op="accept-all" fields={{ section: c.section }}>
                <button type="submit">
                  Accept all {c.n} {c.section}
                </button>
              </WriteForm>
            ))}
          <a href="#create">New item from selected words</a>
          {review.draft && <a href="#publish">Publish…</a>}
        </div>
      </div>

      {review.problems.length > 0 && (
        <div role="alert" className={styles.error}>
          <p>These files have errors (fix them in an editor, then reload):</p>
          <ul>
            {review.problems.map((p) => (
              <li key={`${p.file}:${p.line}:${p.message}`}>
                <code>
                  {p.file}:{p.line}: {p.message}
                </code>
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className={styles.help}>
        <summary>Keyboard shortcuts</summary>
        <dl className={styles.shortcuts}>
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>

      {unplaced.length > 0 && (
        <section aria-labelledby="unplaced-h" className={styles.unplaced}>
          <h2 id="unplaced-h">Suggestions whose evidence is in no paragraph</h2>
          {unplaced.map((item) => (
            <ItemCard key={item.key} item={item} {...form} error={errorFor(item.id)} />
          ))}
        </section>
      )}

      <section aria-labelledby="article-h">
        <h2 id="article-h" className="visually-hidden">
          The article, with suggestions beside each paragraph
        </h2>
        <ol className={styles.rows}>
          {review.blocks.map((block) => {
            const mine = suggestions.get(block.n) ?? [];
            const notes = findings.get(block.n) ?? [];
            const done = accepted.get(block.n) ?? [];
            return (
              <li key={block.n} className={styles.row} id={`p-${block.n}`}>
                <div className={styles.text} data-p={block.n}>
                  <span className={styles.pn} aria-hidden="true">
                    {block.n}
                  </span>
                  {block.kind === "heading" ? (
                    <p className={styles.heading}>{block.text}</p>
                  ) : (
                    <p>{block.text}</p>
                  )}
                </div>
                <div className={styles.items}>
                  {done.map((item) => (
                    <ItemCard key={item.key} item={item} {...form} accepted />
                  ))}
                  {mine.map((item) => (
                    <ItemCard key={item.key} item={item} {...form} error={errorFor(item.id)} />
                  ))}
                  {notes.length > 0 && (
                    <details className={styles.notes} open={notes.some((n) => n.id === outcome.item)}>
                      <summary>
                        {notes.length} assist note{notes.length === 1 ? "" : "s"} (mentions, dates, names)
                      </summary>
                      {notes.map((item) => (
                        <ItemCard key={item.key} item={item} {...form} error={errorFor(item.id)} />
                      ))}
                    </details>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      {review.draft && (
        <section id="publish" className={styles.create} aria-labelledby="publish-h">
          <h2 id="publish-h">Publish the article</h2>
          <p className="muted">
            Publishing deletes the article&rsquo;s <code>review: draft</code> line: at the next{" "}
            <code>npm start</code> it and the accepted items reach the public site. Suggestions still in the
            draft stay unpublished.
          </p>
          <div className={styles.itemError} data-item-error>
            {outcome.item === "publish" && error && (
              <div role="alert">
                <p>{error.message}</p>
              </div>
            )}
          </div>
          <WriteForm {...form} op="publish" className={styles.createForm}>
            <label className={styles.wide}>
              Perspective: whose standpoint the source writes from, in one neutral line
              <input name="perspective" defaultValue={review.perspective.text} required />
            </label>
            <label className={styles.wide}>
              Basis: what in the source shows it
              <input name="perspective_basis" defaultValue={review.perspective.basis} required />
            </label>
            <button type="submit">Publish the article</button>
          </WriteForm>
        </section>
      )}

      <CreateForm review={review} token={token} error={outcome.item === "create" ? error : undefined} />
      <ReviewKeys />
    </div>
  );
}
