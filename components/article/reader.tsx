import { isSafeHref } from "@/lib/content/markdown";
import type { ParagraphView, SpanTarget } from "@/lib/queries/articles";
import { LEVEL_LABEL } from "@/lib/site/labels";
import { highlightPieces } from "@/lib/views/reader";
import { LevelIcon } from "@/components/ui/level-badge";
import { positionAnchor } from "@/components/issue/position-card";
import { ratingAnchor } from "@/components/issue/snapshot-panel";
import styles from "./reader.module.css";

export interface ReaderProps {
  articleSlug: string;
  paragraphs: ParagraphView[];
}

/**
 * The article text, every annotated span marked, and beside each paragraph what it supports. Links into other pages'
 * anchors are plain links: a full load makes the anchor the :target, which is what highlights it.
 */
export function Reader({ articleSlug, paragraphs }: ReaderProps) {
  return (
    <div className={styles.reader}>
      {paragraphs.map((p) => (
        <ReaderParagraph key={p.n} articleSlug={articleSlug} paragraph={p} />
      ))}
    </div>
  );
}

function ReaderParagraph({ articleSlug, paragraph }: { articleSlug: string; paragraph: ParagraphView }) {
  const id = `p-${paragraph.n}`;
  const content = highlightPieces(paragraph.source, paragraph.spans).map((piece, i) => {
    const words =
      piece.href && isSafeHref(piece.href) ? (
        <a href={piece.href} rel="noopener noreferrer" target="_blank">
          {piece.text}
        </a>
      ) : (
        piece.text
      );
    return piece.spans.length > 0 ? (
      <mark key={i} data-count={piece.spans.length}>
        {words}
      </mark>
    ) : (
      <span key={i}>{words}</span>
    );
  });
  const Tag = paragraph.kind === "heading" ? (paragraph.level <= 2 ? "h2" : "h3") : "p";
  const targets = uniqueTargets(paragraph.spans.map((s) => s.target));
  return (
    <div className={styles.row} id={id} data-kind={paragraph.kind}>
      <a className={styles.number} href={`#${id}`} aria-label={`Paragraph ${paragraph.n}`}>
        ¶{paragraph.n}
      </a>
      <div className={styles.text}>
        {paragraph.kind === "list-item" ? (
          <ul className={styles.item}>
            <li>{content}</li>
          </ul>
        ) : (
          <Tag className={styles[paragraph.kind]}>{content}</Tag>
        )}
      </div>
      {targets.length > 0 && (
        <aside className={styles.notes} aria-label={`What paragraph ${paragraph.n} supports`}>
          <ul>
            {targets.map((target) => (
              <li key={targetKey(target)} data-type={target.type}>
                <TargetLink target={target} articleSlug={articleSlug} />
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}

function TargetLink({ target, articleSlug }: { target: SpanTarget; articleSlug: string }) {
  switch (target.type) {
    case "event":
      return (
        <>
          <span className={styles.kind}>Event</span>{" "}
          <a href={target.issue ? `/issues/${target.issue}#e-${target.slug}` : `/events/${target.slug}`}>
            {target.title}
          </a>
        </>
      );
    case "position":
      return (
        <>
          <span className={styles.kind}>Position</span>{" "}
          <a
            href={`/issues/${target.issue.slug}#${positionAnchor({ article: { slug: articleSlug }, actor: target.actor })}`}
          >
            {target.actor.name} on {target.issue.title}: {target.stance}
          </a>
        </>
      );
    case "divergence":
      return (
        <>
          <span className={styles.kind}>Rating</span>{" "}
          <a href={`/issues/${target.issue.slug}#${ratingAnchor(articleSlug)}`}>
            <LevelIcon level={target.level} /> {target.issue.title}: {LEVEL_LABEL[target.level].toLowerCase()}
          </a>
        </>
      );
  }
}

function targetKey(target: SpanTarget): string {
  switch (target.type) {
    case "event":
      return `e:${target.slug}`;
    case "position":
      return `p:${target.actor.slug}:${target.issue.slug}`;
    case "divergence":
      return `d:${target.issue.slug}:${target.pair.join("-")}`;
  }
}

function uniqueTargets(targets: SpanTarget[]): SpanTarget[] {
  const seen = new Map<string, SpanTarget>();
  for (const target of targets) if (!seen.has(targetKey(target))) seen.set(targetKey(target), target);
  return [...seen.values()];
}
