import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoPath } from './importGraph';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

function resolveModule(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const ext of ['', ...EXTENSIONS]) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return repoPath(candidate);
  }
  return null;
}

const hasExportModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** What each file exports by name, and which of those names other files import. */
export interface ExportUsage {
  exported: Map<string, Set<string>>;
  /** The exported names that are types (interfaces and type aliases). */
  types: Map<string, Set<string>>;
  /** file → names imported from it by other files; '*' when a namespace or dynamic import takes all. */
  imported: Map<string, Set<string>>;
}

export function collectExportUsage(files: readonly string[]): ExportUsage {
  const exported = new Map<string, Set<string>>();
  const types = new Map<string, Set<string>>();
  const imported = new Map<string, Set<string>>();
  const use = (file: string | null, name: string) => {
    if (file === null) return;
    const names = imported.get(file) ?? new Set<string>();
    names.add(name);
    imported.set(file, names);
  };
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const names = new Set<string>();
    const typeNames = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolveModule(file, node.moduleSpecifier.text);
        const bindings = node.importClause?.namedBindings;
        if (node.importClause?.name) use(target, 'default');
        if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) use(target, (el.propertyName ?? el.name).text);
        if (!node.importClause) use(target, '*');
      } else if (ts.isExportDeclaration(node)) {
        const target = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolveModule(file, node.moduleSpecifier.text) : null;
        if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          for (const el of node.exportClause.elements) {
            names.add(el.name.text);
            use(target, (el.propertyName ?? el.name).text);
          }
        } else {
          use(target, '*');
        }
      } else if (ts.isExportAssignment(node)) {
        names.add('default');
      } else if (hasExportModifier(node)) {
        const isDefault = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
        if (isDefault) names.add('default');
        else if (ts.isVariableStatement(node)) {
          for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
        } else if ('name' in node && node.name && ts.isIdentifier(node.name as ts.Node)) {
          names.add((node.name as ts.Identifier).text);
          if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) typeNames.add((node.name as ts.Identifier).text);
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteral(arg)) use(resolveModule(file, arg.text), '*');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    exported.set(file, names);
    types.set(file, typeNames);
  }
  return { exported, types, imported };
}

const occurrences = (text: string, name: string) => text.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;

/**
 * Exports that nothing needs, as "file: name": a value (function, constant, class) that no other
 * file imports, or a type that no other file imports and its own file does not use either (a type
 * that names an exported function's parameter may stay exported for callers).
 */
export function unusedExports(usage: ExportUsage, entryPoints: ReadonlySet<string>): string[] {
  const unused: string[] = [];
  for (const [file, names] of usage.exported) {
    if (entryPoints.has(file)) continue;
    const used = usage.imported.get(file) ?? new Set<string>();
    if (used.has('*')) continue;
    const typeNames = usage.types.get(file) ?? new Set<string>();
    const text = typeNames.size > 0 ? fs.readFileSync(file, 'utf8') : '';
    for (const name of names) {
      if (used.has(name)) continue;
      if (typeNames.has(name) && occurrences(text, name) > 1) continue;
      unused.push(`${file}: ${name}`);
    }
  }
  return unused.sort();
}
