export function databasePaths(): { built: string; serving: string };
export function storedInputs(file: string): string | null;
export function run(command: string, args: string[], env?: Record<string, string>): void;
export function ensureDatabase(): string;
export function snapshotDatabase(): void;
export function appIsFresh(databaseFingerprint: string): boolean;
export function buildApp(): void;
