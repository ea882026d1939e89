// Bytes to text. A byte-order mark or a charset the page declares decides; otherwise the bytes must be UTF-8.
// Decoding is strict: a file that is not what it says, or a charset this runtime does not know, is refused
// rather than imported with replacement characters in the middle of a quote.
import { ImportError } from "./errors";

const SNIFF_BYTES = 2048;

/** The charset an HTML page declares in its first bytes (`<meta charset>`, http-equiv, XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString("latin1");
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([^"']+)/i.exec(head);
  return meta ? meta[1]!.trim().toLowerCase() : null;
}

export function decodeBytes(bytes: Uint8Array, file: string, html: boolean): string {
  if (bytes.length === 0) throw new ImportError(`${file} is empty`);
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? "utf-8"
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : null;
  const declared = bom ?? (html ? declaredCharset(bytes) : null);
  if (!bom && bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new ImportError(`${file} is not a text file (it contains NUL bytes)`);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? "utf-8", { fatal: true, ignoreBOM: false });
  } catch {
    throw new ImportError(`${file} declares the unknown encoding "${declared}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ImportError(
      declared
        ? `${file} declares ${declared} but its bytes are not valid ${declared}`
        : `${file} is in an unknown encoding: it is not UTF-8 and declares no charset`,
    );
  }
}
