/**
 * `sources.json` in an index folder: the report files it was built from (absolute path, size,
 * modification time, sha1, the ids of the articles each gave). An update passes over a file whose
 * size and modification time are unchanged instead of reading and parsing it again, so adding one
 * report to a large archive does not pay for the archive. `npm run index -- --full` reads everything.
 */
export const SOURCES_FILE = 'sources.json';
