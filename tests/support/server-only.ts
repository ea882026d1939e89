// Stands in for the `server-only` guard package when vitest imports server modules in plain Node.
export {};
