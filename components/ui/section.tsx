import { CopyLink } from "./copy-link";
import styles from "./section.module.css";

export interface SectionProps {
  id: string;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}

/** A linkable page section: `#id` lands on it, and its heading carries a copy-link control. */
export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={styles.section}>
      <h2 id={`${id}-heading`}>
        {title}
        <CopyLink href={`#${id}`} label={`Link to the section “${title}”`} />
      </h2>
      {intro && <div className={styles.intro}>{intro}</div>}
      {children}
    </section>
  );
}
