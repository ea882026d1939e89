export declare function databaseInputs(contentDir?: string): string;
export declare function appInputs(): string;
