// Text normalisation shared by indexing and querying, independent of the store.

/** NUL to US, DEL and the C1 block: never meaningful in content, and the index's highlight markers are among them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as it goes into the index: control characters become spaces (highlight markers can never be in the text). */
export function indexableText(text: string): string {
  return text.replace(CONTROL, " ");
}

/**
 * A name folded for exact comparison: compatibility forms unified, diacritics and case dropped, punctuation runs
 * made one space, a leading “the” dropped. “The Board of Peace” and “board of peace” compare equal, as do
 * “Türkiye” and “Turkiye”.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}
