export declare const EXTERNAL_TABLES: string[];
