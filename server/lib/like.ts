/** `text` as a LIKE/ILIKE pattern matching it anywhere: its own %, _ and \ match literally (\ is PostgreSQL's default escape). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** `text` as a LIKE pattern matching values that start with it. */
export const prefixPattern = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
