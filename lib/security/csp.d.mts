export declare function buildCsp(options?: {
  nonce?: string | null;
  hashes?: string[];
  dev?: boolean;
}): string;
export declare const API_CSP: string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
