import type { Metadata } from "next";
import Link from "next/link";
import { listIssues } from "@/lib/queries/issues";
import { snapshotLabel } from "@/lib/site/labels";
import { LevelBadge } from "@/components/ui/level-badge";
import styles from "./issues.module.css";

export const metadata: Metadata = {
  title: "Policy issues",
  description: "Every policy issue with the latest US–Israel divergence rating and a neutral summary.",
  alternates: { canonical: "/issues" },
};

export default async function IssuesPage() {
  const issues = await listIssues();
  return (
    <>
      <h1>Policy issues</h1>
      <p className="lede">
        {issues.length} issues, each with where the United States and Israel stand in the most recent source
        that rates them.
      </p>
      <ol className={styles.list}>
        {issues.map((issue) => {
          const latest = issue.divergence.at(-1) ?? null;
          return (
            <li key={issue.slug} className={styles.item}>
              <h2 className={styles.title}>
                <Link prefetch={false} href={`/issues/${issue.slug}`}>
                  {issue.title}
                </Link>
              </h2>
              <p className={styles.level}>
                <LevelBadge level={latest?.level ?? null} />
                {latest && <span className="ui muted"> as of {snapshotLabel(latest.article)}</span>}
                {issue.divergence.length > 1 && (
                  <span className="ui muted"> · rated in {issue.divergence.length} snapshots</span>
                )}
              </p>
              <p className={styles.summary}>{issue.summary}</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
