/**
 * After the server-pg project: drops every database this run made (the
 * template, and any a crashed test left), named with HUZHU_TEST_PG_RUN.
 */
const { Client } = require('pg')

module.exports = async function dropRunDatabases() {
  const run = process.env.HUZHU_TEST_PG_RUN
  const url = process.env.HUZHU_TEST_DATABASE_URL
  if (!run || !/^[a-z0-9]+$/.test(run) || !url) return
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select datname from pg_database where datname like 'huzhu\\_t\\_' || $1 || '\\_%' or datname = 'huzhu_tpl_' || $1", [run])
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`)
  } finally {
    await client.end()
  }
}
