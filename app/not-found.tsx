import Link from "next/link";

export default function NotFound() {
  return (
    <div className="prose">
      <p className="eyebrow">404</p>
      <h1>Nothing here</h1>
      <p className="lede">
        There is no page at this address. The issue, actor or source may have a different name.
      </p>
      <ul>
        <li>
          <Link prefetch={false} href="/issues">
            All policy issues
          </Link>
        </li>
        <li>
          <Link prefetch={false} href="/actors">
            All actors
          </Link>
        </li>
        <li>
          <Link prefetch={false} href="/timeline">
            The timeline
          </Link>
        </li>
        <li>
          <Link prefetch={false} href="/">
            Back to the front page
          </Link>
        </li>
      </ul>
    </div>
  );
}
