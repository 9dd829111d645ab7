/**
 * Upgrades of old links. `migrations[n]` turns the parameters of a version-n link into version n + 1; the decoder
 * applies them in turn, from the link's version up to the current one, before it reads any field. A migration gets
 * its own copy of the parameters, may return the same object changed or a new one, and need not touch 'v' (the
 * decoder keeps track of the version).
 *
 * Version 1 is the current and first version, so the registry is empty. When the format changes: bump
 * FORMAT_VERSION in encode.ts, add `migrations[1]` here, and keep a v1 link in the tests to show it still opens.
 */
export type Migration = (params: URLSearchParams) => URLSearchParams;
export type MigrationRegistry = Readonly<Record<number, Migration>>;

/** Links without a 'v' parameter are read as this version: the first published format, which is version 1. */
export const FIRST_VERSION = 1;

export const migrations: MigrationRegistry = {};
