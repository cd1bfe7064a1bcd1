/**
 * What the manifest check reads from the repository: the icon files behind `/assets/...` URLs,
 * and the names the commands source passes to `Office.actions.associate`. The names are read
 * with the TypeScript compiler, so a string literal and a `const` (for instance one imported from
 * src/addin/manifest-urls.ts) both count; a name only known at run time is reported as a problem.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkManifest, type Associations, type Finding } from './manifest-check';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COMMANDS_DIR = join('src', 'addin', 'commands');

/** Reads `/assets/<file>` from the repository's assets folder; anything else is not ours to check. */
export function assetReader(root = REPO_ROOT): (urlPath: string) => Uint8Array | undefined {
  const assets = join(root, 'assets');
  return (urlPath) => {
    if (!urlPath.startsWith('/assets/')) return undefined;
    const file = join(assets, decodeURIComponent(urlPath.slice('/assets/'.length)));
    if (!file.startsWith(assets + sep) || !existsSync(file)) return undefined;
    return readFileSync(file);
  };
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

// `Office.actions.associate(...)`, or a call through a wrapper whose name is `associate`.
function isAssociateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'associate';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'associate';
}

/** The handler names associated by the TypeScript files under `dir` (tests excluded). */
export function findAssociations(root = REPO_ROOT, dir = COMMANDS_DIR): Associations {
  const files = sourceFiles(join(root, dir));
  if (!files.length) {
    return { names: [], problems: [`${dir} has no TypeScript source yet, so no handler is associated with Office.actions.associate.`] };
  }
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
    skipLibCheck: true,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const names: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      if (isAssociateCall(node)) {
        const found = literalNames(node.arguments[0], checker);
        if (found.length) names.push(...found);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          problems.push(`${relative(root, file)}:${line + 1}: the name given to associate is not a string known at build time; pass a literal or a const.`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { names: [...new Set(names)], problems };
}

function literalNames(arg: ts.Expression | undefined, checker: ts.TypeChecker): string[] {
  if (!arg) return [];
  if (ts.isStringLiteralLike(arg)) return [arg.text];
  const type = checker.getTypeAtLocation(arg);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value) : [];
}

/** The full offline check of a manifest against this repository (icons and, by default, handlers). */
export function checkRepoManifest(xml: string, options: { root?: string; handlers?: boolean } = {}): Finding[] {
  const root = options.root ?? REPO_ROOT;
  return checkManifest(xml, {
    readAsset: assetReader(root),
    associations: options.handlers === false ? undefined : findAssociations(root),
  });
}
