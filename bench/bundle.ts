/**
 * Production JavaScript size: builds the app with Vite into a temporary folder and gzips each script (node:zlib,
 * default level, as a static host would send it). "First load" is every script index.html loads or preloads (the entry,
 * its modulepreloaded chunks and the service-worker registration); chunks loaded later by dynamic import() and the
 * worker bundles are listed apart. The budget is for the first load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** First-load JavaScript budget, gzip bytes. */
export const FIRST_LOAD_BUDGET = 200 * 1024;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  initial: ChunkSize[];
  later: ChunkSize[];
  initialGzip: number;
  budget: number;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return /\.m?js$/.test(name) ? [path] : [];
  });
}

function sizeOf(outDir: string, path: string): ChunkSize {
  const data = readFileSync(path);
  return { file: relative(outDir, path), bytes: data.length, gzip: gzipSync(data).length };
}

/** The scripts index.html loads at start-up: module entries, modulepreloads and classic scripts with a src. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) found.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\shref="([^"]+)"/g)) found.add(m[1]);
  return [...found].map((src) => src.replace(/^\.?\//, ''));
}

export function benchBundle(): BundleReport {
  const outDir = mkdtempSync(join(tmpdir(), 'timescape-bundle-'));
  try {
    const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status})`);
    const initialNames = new Set(initialScripts(readFileSync(join(outDir, 'index.html'), 'utf8')));
    const all = jsFiles(outDir).map((path) => sizeOf(outDir, path));
    const initial = all.filter((c) => initialNames.has(c.file));
    const later = all.filter((c) => !initialNames.has(c.file));
    const initialGzip = initial.reduce((sum, c) => sum + c.gzip, 0);
    return { initial, later, initialGzip, budget: FIRST_LOAD_BUDGET };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function printBundleBench(report: BundleReport): void {
  console.log('\nBundle: production JavaScript (vite build), gzip');
  const row = (c: ChunkSize) =>
    console.log(`  ${c.file.padEnd(44)} ${kB(c.bytes).padStart(10)} ${kB(c.gzip).padStart(10)}`);
  console.log(`  ${'first load'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
  for (const c of report.initial) row(c);
  console.log(`  ${'later (dynamic import, workers, service worker)'.padEnd(44)}`);
  for (const c of report.later) row(c);
  const verdict = report.initialGzip <= report.budget ? 'within' : 'OVER';
  console.log(
    `  first-load JavaScript ${kB(report.initialGzip)} gzip, budget ${kB(report.budget)}: ${verdict} budget ` +
      `(${((100 * report.initialGzip) / report.budget).toFixed(0)} %)`,
  );
}
