import styles from "./studio.module.css";

export interface FormErrorProps {
  id: string;
  error?: { message: string; problems: string[] };
}

/** Where a form's refused write is explained, with each problem at file:line (filled in place by review-keys.tsx). */
export function FormError({ id, error }: FormErrorProps) {
  return (
    <div id={id} className={styles.itemError} data-item-error>
      {error && (
        <div role="alert">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((i) => (
                <li key={i}>
                  <code>{i}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
