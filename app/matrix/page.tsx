import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listActors } from "@/lib/queries/actors";
import { getKnownSlugs } from "@/lib/queries/known";
import { getMatrix, listRatedPairs } from "@/lib/queries/matrix";
import { toActorRef } from "@/lib/queries/shape";
import { levelCountsBySnapshot } from "@/lib/series/matrix-levels";
import {
  cellHref,
  coverageCounts,
  filterRows,
  shortName,
  sortRows,
  toColumns,
  toRowViews,
  toTableRows,
} from "@/lib/views/matrix";
import { snapshotLabel, titleMap } from "@/lib/site/labels";
import { publisherChanges } from "@/lib/views/sources";
import { DEFAULT_MATRIX, matrixHref, type MatrixSort } from "@/lib/url-state/hrefs";
import { parseMatrixParams } from "@/lib/url-state/matrix";
import { CellPanel } from "@/components/matrix/cell-panel";
import { LevelSummary } from "@/components/matrix/level-summary";
import { MatrixControls } from "@/components/matrix/matrix-controls";
import { MatrixTable } from "@/components/matrix/matrix-table";
import { SourceShift } from "@/components/ui/perspective";
import styles from "./matrix.module.css";

// generateMetadata and the page read the same matrix; cache() makes that one query per request.
const loadMatrix = cache((a: string, b: string) => getMatrix([a, b]));

async function readState(searchParams: PageProps<"/matrix">["searchParams"]) {
  return parseMatrixParams(await searchParams, await getKnownSlugs());
}

const SORT_CAPTION: Record<MatrixSort, string> = {
  issue: "in issue order",
  latest: "sorted by latest level, furthest apart first",
  change: "sorted by change, further apart first",
};

export async function generateMetadata({ searchParams }: PageProps<"/matrix">): Promise<Metadata> {
  const { state } = await readState(searchParams);
  const matrix = await loadMatrix(state.a, state.b);
  if (!matrix) return {};
  const isDefault = state.a === DEFAULT_MATRIX.a && state.b === DEFAULT_MATRIX.b;
  const title = `${isDefault ? "US–Israel" : `${matrix.a.name}–${matrix.b.name}`} divergence matrix`;
  const description = `Every policy issue in every source snapshot: where ${matrix.a.name} and ${matrix.b.name} are aligned, partial or divergent, how that changed, and the quotes behind each rating.`;
  // Sort, filter and the open cell are views of one page; the pair is what makes it a different page.
  const canonical = matrixHref({ a: state.a, b: state.b });
  return { title, description, alternates: { canonical }, openGraph: { title, description, url: canonical } };
}

export default async function MatrixPage({ searchParams }: PageProps<"/matrix">) {
  const { state, dropped } = await readState(searchParams);
  const [matrix, ratedPairs, actors] = await Promise.all([
    loadMatrix(state.a, state.b),
    listRatedPairs(),
    listActors(),
  ]);
  if (!matrix) notFound();

  const { a, b, articles } = matrix;
  const views = toRowViews(matrix.rows);
  const rows = sortRows(filterRows(views, state.snapshot), state.sort);
  const hasRatings = matrix.rows.some((row) => row.cells.some((cell) => cell.divergence));
  const titles = titleMap(articles);
  const pairName = `${shortName(a)}–${shortName(b)}`;
  const filter = articles.find((article) => article.slug === state.snapshot);
  const columns = toColumns(articles);

  const openRow = state.cell && views.find((row) => row.issue.slug === state.cell!.issue);
  const openIndex = openRow ? openRow.cells.findIndex((c) => c.article.slug === state.cell!.article) : -1;
  const openCell = openRow?.cells[openIndex];
  const neighbour = (i: number) => {
    const article = articles[i];
    return openRow && article
      ? {
          label: snapshotLabel(article),
          href: cellHref(state, openRow.issue.slug, article.slug),
        }
      : null;
  };
  const panel = openRow && openCell && (
    <CellPanel
      issue={openRow.issue}
      cell={openCell}
      change={openRow.changes[openIndex] ?? null}
      a={a}
      b={b}
      titles={titles}
      closeHref={cellHref(state, openRow.issue.slug, null)}
      previous={neighbour(openIndex - 1)}
      next={neighbour(openIndex + 1)}
    />
  );
  // The panel opens under its row; when the filter hides that row, it opens under the table instead.
  const panelInTable = Boolean(openRow && rows.includes(openRow));

  return (
    <>
      <header className={styles.intro}>
        <p className="eyebrow">Divergence matrix</p>
        <h1>
          {shortName(a)} and {shortName(b)}, issue by issue and source by source
        </h1>
        <p className="lede">
          Each row is a policy issue; each column is a source at its publication date. Choose a cell for the
          rating, who made it, and the quotes on both sides.
        </p>
      </header>

      {dropped.length > 0 && (
        <div className={styles.note} role="note" data-testid="matrix-note">
          <p>
            <strong>Part of this link was not understood and was left out:</strong> {dropped.join("; ")}.
            Showing {a.name} and {b.name}, {SORT_CAPTION[state.sort]}.
          </p>
        </div>
      )}

      {!hasRatings && (
        <div className={styles.note} role="note" data-testid="no-ratings">
          <p>
            <strong>
              No ratings exist for {a.name} and {b.name};
            </strong>{" "}
            ratings are made by sources or annotators, not computed. The positions the sources give for either
            side are shown below, unrated.
          </p>
        </div>
      )}

      {hasRatings && <LevelSummary series={levelCountsBySnapshot(articles, matrix.rows)} a={a} b={b} />}

      <section id="view" className={styles.view} aria-labelledby="view-heading">
        <h2 id="view-heading" className={styles.viewHeading}>
          {pairName} by issue and snapshot
        </h2>
        <MatrixControls
          state={state}
          actors={actors.map(toActorRef)}
          ratedPairs={ratedPairs}
          columns={columns}
          coverage={coverageCounts(matrix.rows)}
          issueCount={matrix.rows.length}
        />
        <p className={styles.legend}>
          Ratings are assessments, each made by its source or by Faultlines. <span aria-hidden="true">↗</span>{" "}
          further apart and <span aria-hidden="true">↘</span> closer compare a rating with the issue’s
          previous one.
        </p>
        {publisherChanges(articles).map(([from, to]) => (
          <SourceShift key={to.slug} from={from} to={to} />
        ))}
        {rows.length === 0 ? (
          <p className={styles.empty}>No issue is covered by {filter ? filter.title : "this snapshot"}.</p>
        ) : (
          <MatrixTable
            a={a}
            b={b}
            columns={columns}
            rows={toTableRows(rows, articles)}
            state={state}
            caption={`${pairName}: ${rows.length} ${rows.length === 1 ? "issue" : "issues"}${filter ? ` covered by ${snapshotLabel(filter)}` : ""} (rows) by source snapshot (columns), ${SORT_CAPTION[state.sort]}.`}
            detail={panelInTable ? panel : null}
          />
        )}
        {!panelInTable && panel}
      </section>
    </>
  );
}
