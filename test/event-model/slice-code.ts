import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * What a slice's source says about itself, read with the TypeScript compiler: the event types its
 * decider can return, its exported projection and reactor, and the titles of its unit specs.
 * Slices follow the folder convention `feature/<board>/<slice>/<slice>.<role>.ts`.
 */
export class SliceSources {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor(readonly root: string) {
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const files = sourceFiles(join(root, 'feature'));
    this.program = ts.createProgram(files, { ...parsed.options, noEmit: true });
    this.checker = this.program.getTypeChecker();
  }

  /** Slice folders of a board that hold a decider, a projection or a reactor. */
  sliceFolders(board: string): string[] {
    const folder = join(this.root, 'feature', board);
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map(({ name }) => name)
      .filter((name) => ['decider', 'projection', 'reactor'].some((role) => this.sourceOf(board, name, role) !== undefined));
  }

  /** The event types the `decide`s of the slice's deciders (`*.decider.ts`: a process has its own and its step's) can return. */
  decidedEventTypes(board: string, slice: string): string[] | undefined {
    const folder = join(this.root, 'feature', board, slice);
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.decider.ts'))
      .sort()
      .flatMap((name) => this.program.getSourceFile(join(folder, name)) ?? []);
    if (files.length === 0) return undefined;
    const types = new Set<string>();
    for (const decide of files.flatMap((file) => propertyInitializers(file, 'decide'))) {
      for (const signature of this.checker.getTypeAtLocation(decide).getCallSignatures()) {
        for (const element of this.arrayElements(this.checker.getReturnTypeOfSignature(signature))) {
          for (const member of element.isUnion() ? element.types : [element]) {
            const type = member.getProperty('type');
            const literal = type && this.checker.getTypeOfSymbol(type);
            if (literal?.isStringLiteral()) types.add(literal.value);
            else types.add(`<${this.checker.typeToString(member)}>`);
          }
        }
      }
    }
    return [...types];
  }

  /** Titles of the `it(...)` cases in the slice's unit specs (`*.spec.ts` that start no server), in file order. */
  specTitles(board: string, slice: string): string[] {
    const folder = join(this.root, 'feature', board, slice);
    const specs = readdirSync(folder)
      .filter((name) => name.endsWith('.spec.ts') && !/\.(int|e2e|faults)\.spec\.ts$/.test(name))
      .sort();
    return specs.flatMap((name) => {
      const file = this.program.getSourceFile(join(folder, name)) ?? ts.createSourceFile(name, ts.sys.readFile(join(folder, name)) ?? '', ts.ScriptTarget.ES2022);
      const titles: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'it') {
          const [title] = node.arguments;
          if (title && ts.isStringLiteralLike(title)) titles.push(title.text);
        }
        node.forEachChild(visit);
      };
      visit(file);
      return titles;
    });
  }

  /** Names of the exports of `<slice>.<role>.ts` whose declared type is the given alias (e.g. `Reactor`). */
  exportsOfType(board: string, slice: string, role: string, typeName: string): string[] {
    const file = this.sourceOf(board, slice, role);
    if (!file) return [];
    return file.statements.filter(ts.isVariableStatement).flatMap((statement) =>
      statement.declarationList.declarations.flatMap((declaration) =>
        declaration.type && ts.isTypeReferenceNode(declaration.type) && declaration.type.typeName.getText(file) === typeName && ts.isIdentifier(declaration.name)
          ? [declaration.name.text]
          : [],
      ),
    );
  }

  private sourceOf(board: string, slice: string, role: string): ts.SourceFile | undefined {
    return this.program.getSourceFile(join(this.root, 'feature', board, slice, `${slice}.${role}.ts`));
  }

  private arrayElements(type: ts.Type): ts.Type[] {
    const arrays = type.isUnion() ? type.types : [type];
    return arrays.flatMap((array) => (this.checker.isArrayType(array) || this.checker.isTupleType(array) ? this.checker.getTypeArguments(array as ts.TypeReference) : []));
  }
}

const propertyInitializers = (file: ts.SourceFile, name: string): ts.Expression[] => {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === name) found.push(node.initializer);
    node.forEachChild(visit);
  };
  visit(file);
  return found;
};

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.parentPath.split('/').includes('web'))
    .map((entry) => join(entry.parentPath, entry.name));
