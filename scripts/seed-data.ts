import type { Db } from "../server/db";

export async function seedIfEmpty(_db: Db, _log: (message: string) => void): Promise<void> {}
