import { describe, expect, it } from 'vitest';
import { entryKey, firstPageFiles, gzipKb, type Manifest, staticClosure } from './portal-bundle.ts';

/** A build like packages/web's once routes are lazy: vendor chunks, a shared chunk, two dashboards. */
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a1.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react-b2.js', '_mantine-c3.js'],
    dynamicImports: [
      'src/dashboard/components/PatientDashboard.tsx',
      'src/dashboard/components/ClinicianDashboard.tsx',
    ],
    css: ['assets/index-a1.css'],
  },
  '_react-b2.js': { file: 'assets/react-b2.js' },
  '_mantine-c3.js': { file: 'assets/mantine-c3.js', imports: ['_react-b2.js'] },
  '_shared-d4.js': { file: 'assets/shared-d4.js', imports: ['_mantine-c3.js'] },
  'src/dashboard/components/PatientDashboard.tsx': {
    file: 'assets/PatientDashboard-e5.js',
    isDynamicEntry: true,
    imports: ['_shared-d4.js', '_react-b2.js'],
  },
  'src/dashboard/components/ClinicianDashboard.tsx': {
    file: 'assets/ClinicianDashboard-f6.js',
    isDynamicEntry: true,
    imports: ['_shared-d4.js'],
    dynamicImports: ['src/patients/pages/PatientRecordPage.tsx'],
  },
  'src/patients/pages/PatientRecordPage.tsx': {
    file: 'assets/PatientRecordPage-g7.js',
    isDynamicEntry: true,
  },
};

describe('staticClosure', () => {
  it('follows static imports, counts a shared chunk once and leaves out dynamic imports and styles', () => {
    expect(staticClosure(manifest, ['index.html'])).toEqual([
      'assets/index-a1.js',
      'assets/mantine-c3.js',
      'assets/react-b2.js',
    ]);
    expect(
      staticClosure(manifest, ['index.html', 'src/dashboard/components/ClinicianDashboard.tsx']),
    ).toEqual([
      'assets/ClinicianDashboard-f6.js',
      'assets/index-a1.js',
      'assets/mantine-c3.js',
      'assets/react-b2.js',
      'assets/shared-d4.js',
    ]);
  });

  it('refuses a chunk the manifest does not have', () => {
    expect(() => staticClosure(manifest, ['_missing.js'])).toThrow('The manifest has no chunk _missing.js');
  });
});

describe('firstPageFiles', () => {
  it('adds the lazy chunks of the first page to the entry and names the modules bundled into it', () => {
    const page = firstPageFiles(manifest, [
      'src/app/PortalFrame.tsx',
      'src/dashboard/components/PatientDashboard.tsx',
    ]);
    expect(page.lazy).toEqual(['src/dashboard/components/PatientDashboard.tsx']);
    expect(page.bundled).toEqual(['src/app/PortalFrame.tsx']);
    expect(page.files).toEqual([
      'assets/PatientDashboard-e5.js',
      'assets/index-a1.js',
      'assets/mantine-c3.js',
      'assets/react-b2.js',
      'assets/shared-d4.js',
    ]);
    expect(page.files).not.toContain('assets/ClinicianDashboard-f6.js');
  });

  it('finds the one entry', () => {
    expect(entryKey(manifest)).toBe('index.html');
    expect(() => entryKey({ ...manifest, 'other.html': { file: 'assets/other.js', isEntry: true } })).toThrow(
      'Expected one entry chunk in the manifest, found 2',
    );
  });
});

describe('gzipKb', () => {
  it('adds up each file gzipped on its own, in KB', () => {
    const files: Record<string, Buffer> = {
      'a.js': Buffer.from('const a = 1;\n'.repeat(2000)),
      'b.js': Buffer.alloc(3072, 7),
    };
    const size = gzipKb(['a.js', 'b.js'], (file) => files[file] as Buffer);
    expect(size.kb).toBe(Math.round(((26_000 + 3072) / 1024) * 10) / 10);
    expect(size.gzipKb).toBeGreaterThan(0);
    expect(size.gzipKb).toBeLessThan(size.kb);
  });
});
