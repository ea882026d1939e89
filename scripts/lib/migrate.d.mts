export declare function applyMigrations(databaseUrl: string): Promise<string[]>;
export declare function createMigration(name: string): Promise<string | null>;
