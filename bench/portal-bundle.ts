/**
 * portal-bundle: the JavaScript a patient's or family member's browser downloads before the portal's first page
 * (their dashboard) shows, gzipped, against issue 13's budget of 250 KB. Read from Vite's build manifest: the
 * entry chunk, the chunks the first page loads (its lazy route and dashboard chunks), and everything those
 * import statically; dynamic imports are left out, since they load only when another page opens.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './types.ts';

export const portalBudgetKb = 250;

const webDir = fileURLToPath(new URL('../packages/web/', import.meta.url));
const distDir = path.join(webDir, 'dist');
const manifestPath = path.join(distDir, '.vite', 'manifest.json');

/** One chunk of Vite's manifest (dist/.vite/manifest.json), keyed there by its source path. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The modules (manifest keys, i.e. source paths relative to packages/web) whose chunks a first page needs besides
 * the entry, when they are chunks of their own (lazy); a module bundled into the entry is counted with it.
 */
export const firstPages = {
  portal: {
    patient: ['src/app/PortalFrame.tsx', 'src/dashboard/components/PatientDashboard.tsx'],
    family_member: ['src/app/PortalFrame.tsx', 'src/dashboard/components/FamilyMemberDashboard.tsx'],
  },
  workspace: {
    clinician: ['src/app/WorkspaceFrame.tsx', 'src/dashboard/components/ClinicianDashboard.tsx'],
  },
} as const;

/** The JavaScript files loaded for `starts` (manifest keys): each one's file and its static imports, transitively. */
export function staticClosure(manifest: Manifest, starts: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`The manifest has no chunk ${key}`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const start of starts) visit(start);
  return [...files].sort();
}

export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry === true);
  if (entries.length !== 1)
    throw new Error(`Expected one entry chunk in the manifest, found ${entries.length}`);
  return (entries[0] as [string, ManifestChunk])[0];
}

/**
 * The files a first page loads: the entry's closure plus that of each of its modules that is a chunk of its
 * own; `bundled` names the modules that are not (they are inside a chunk already counted).
 */
export function firstPageFiles(
  manifest: Manifest,
  modules: readonly string[],
): { files: string[]; lazy: string[]; bundled: string[] } {
  const lazy = modules.filter((module) => manifest[module] !== undefined);
  const bundled = modules.filter((module) => manifest[module] === undefined);
  return { files: staticClosure(manifest, [entryKey(manifest), ...lazy]), lazy, bundled };
}

/** Sizes in KB (1024 bytes), gzipped at zlib's default level 6, which servers and `gzip` use too. */
export function gzipKb(
  files: readonly string[],
  read: (file: string) => Buffer,
): { gzipKb: number; kb: number } {
  let gzipBytes = 0;
  let bytes = 0;
  for (const file of files) {
    const content = read(file);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { gzipKb: round(gzipBytes / 1024), kb: round(bytes / 1024) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function newestChange(target: string): number {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))));
}

/** Builds the web app when its manifest is missing or older than its sources (as `npm start` does). */
function ensureBuild(log: (line: string) => void): 'existing' | 'built' {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((entry) =>
    path.join(webDir, entry),
  );
  const builtAt = statSync(manifestPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt >= Math.max(...sources.map(newestChange))) return 'existing';
  log('Building the web app (vite build)…');
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@tandem/web'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
  return 'built';
}

export const portalBundle: Benchmark = async (options) => {
  const build = ensureBuild(options.log);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const read = (file: string) => readFileSync(path.join(distDir, file));
  const notes: string[] = [];
  const measure = (pages: Record<string, readonly string[]>) => {
    let largest = { gzipKb: 0, kb: 0, files: [] as string[] };
    for (const [role, modules] of Object.entries(pages)) {
      const page = firstPageFiles(manifest, modules);
      if (page.bundled.length > 0) notes.push(`${role}: ${page.bundled.join(', ')} bundled into the entry`);
      const size = gzipKb(page.files, read);
      options.log(`${role} first page: ${page.files.length} files, ${size.kb} KB, ${size.gzipKb} KB gzipped`);
      if (size.gzipKb > largest.gzipKb) largest = { ...size, files: page.files };
    }
    return largest;
  };
  const portal = measure(firstPages.portal);
  const workspace = measure(firstPages.workspace);
  const distinct = portal.files.join() !== workspace.files.join();
  if (!distinct)
    notes.push('the portal and the workspace load the same JavaScript first: no route is split yet');
  const allJs = gzipKb(
    [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js')),
    read,
  );
  return {
    name: 'portal-bundle',
    params: { build, budgetKb: portalBudgetKb, gzipLevel: 6 },
    figures: {
      portalInitialJsGzipKb: portal.gzipKb,
      portalInitialJsKb: portal.kb,
      portalInitialJsFiles: portal.files.length,
      ...(distinct ? { workspaceInitialJsGzipKb: workspace.gzipKb, workspaceInitialJsKb: workspace.kb } : {}),
      allJsGzipKb: allJs.gzipKb,
    },
    ratios: { portalInitialJsToBudget: Math.round((portal.gzipKb / portalBudgetKb) * 1000) / 1000 },
    ...(notes.length === 0 ? {} : { notes }),
  };
};
