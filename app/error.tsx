"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="prose">
      <p className="eyebrow">Error</p>
      <h1>This page could not be shown</h1>
      <p className="lede">Something went wrong on our side. Nothing you did caused it.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or{" "}
        <Link prefetch={false} href="/">
          go to the front page
        </Link>
        .
      </p>
    </div>
  );
}
