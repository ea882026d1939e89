/** Bad input to the import: said in one line, and nothing is written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}
