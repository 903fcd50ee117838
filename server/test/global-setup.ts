import pg from "pg";

/** On PostgreSQL, each test worker gets its own database (${TEST_DB_PREFIX:-fp_test}_w<N>); drop the previous run's. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${process.env.TEST_DB_PREFIX ?? "fp_test"}_w%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}
