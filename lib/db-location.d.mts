export declare const BUILT_DB: string;
export declare const SERVING_DB: string;
export declare function appDatabaseUrl(env?: NodeJS.ProcessEnv): string;
export declare function databaseFile(url: string): string;
