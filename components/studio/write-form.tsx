import type { ReactNode } from "react";

export interface WriteFormProps {
  slug: string;
  token: string;
  version: string;
  op: string;
  fields?: Record<string, string | number>;
  className?: string;
  /** The keyboard shortcut a form answers to (see review-keys.tsx). */
  shortcut?: string;
  children: ReactNode;
}

/** A form that posts one review action to the studio's write endpoint; works without JavaScript. */
export function WriteForm({
  slug,
  token,
  version,
  op,
  fields = {},
  className,
  shortcut,
  children,
}: WriteFormProps) {
  return (
    <form
      method="post"
      action={`/api/studio/${slug}`}
      className={className}
      data-studio-form={op}
      data-shortcut={shortcut}
    >
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="op" value={op} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
