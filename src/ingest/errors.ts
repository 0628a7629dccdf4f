/** An input problem the user can fix: always names the file, and the line where one applies. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line: number | null = null,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'IngestError';
  }
}
