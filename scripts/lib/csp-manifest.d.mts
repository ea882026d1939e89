export declare const CSP_MANIFEST: string;
export declare function inlineScriptHashes(html: string): string[];
export declare function writeCspManifest(distDir: string): number;
