/** `value` with LIKE's wildcards (`%`, `_`) and its escape character (`\`) escaped, to match literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for values containing `value` literally. */
export const containsPattern = (value: string): string => `%${escapeLike(value)}%`;
