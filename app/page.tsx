import Link from "next/link";
import { listIssues } from "@/lib/queries/issues";

export default async function HomePage() {
  const issues = await listIssues();
  return (
    <>
      <h1>Where the United States and Israel stand</h1>
      <ul>
        {issues.map((issue) => {
          const latest = issue.divergence.at(-1);
          return (
            <li key={issue.slug}>
              <Link href={`/issues/${issue.slug}`}>{issue.title}</Link> —{" "}
              {latest ? latest.level : "not rated"}
            </li>
          );
        })}
      </ul>
    </>
  );
}
