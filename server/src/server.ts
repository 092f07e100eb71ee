// Language server wiring: documents, settings, capabilities. Every decision about Kafka comes from
// the engine; this file only moves data between the protocol and the engine.

// (`import x = require`, not `import {…}`: see esbuild.mjs)
import lsp = require('vscode-languageserver/node');
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI_TO_PATH, readTextIfExists } from './serverFs.js';
import { envFileText, findNearest, goPackageFiles, springBaseFiles } from './nearestFile.js';
import { fixText, lint, type LintResult } from './engine/index.js';
import { createDocumentLinter, type DocumentLinter } from './engine/incremental.js';
import { allRules } from './engine/rules/index.js';
import { UNUSED_SUPPRESSION } from './engine/suppressions.js';
import { SYNTAX_ERROR } from './engine/syntax.js';
import { describeAt } from './engine/describe.js';
import { completeAt } from './engine/complete.js';
import { docsTitle, fixAllTitle, suppressionEdit, suppressionTitle } from './engine/actions.js';
import { normalizeLocale, type Locale } from './engine/l10n.js';
import {
  isPathIncluded,
  parseProjectConfig,
  resolveOptions,
  saramaVersionFromGoMod,
  type ProjectConfig,
  type ResolvedOptions,
  type RuleSetting,
} from './engine/options.js';
import { fixAction, sameRange, SOURCE, toDiagnostic, toRange, toWorkspaceEdit } from './convert.js';
import { edited, largeRead } from './serverProcess.js';
import { ACTIVE_DOCUMENT_NOTIFICATION, FIX_ALL_KIND, SHOW_DOCS_COMMAND, WORKING_SET_REQUEST } from './protocol.js';
import path = require('node:path');
import { isSpringFile, isSpringOverlay, springBaseNames } from './engine/springProfiles.js';

const COMPLETION_KIND = { key: lsp.CompletionItemKind.Property, value: lsp.CompletionItemKind.Value, constant: lsp.CompletionItemKind.Constant, field: lsp.CompletionItemKind.Field } as const;

interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  kafkaVersion?: string;
}

const DEFAULT_SETTINGS: ServerSettings = { enable: true, rules: {} };

/**
 * How many documents keep what their last lint read (the incremental linter and the lint result):
 * the ones most recently edited, hovered, completed in, fixed or shown in the active editor (the
 * VS Code client says which). A document that is only open (VS Code also opens files for search
 * results, peeks and diffs) is linted and keeps only its text; its first edit reads it whole
 * again and from then on it is read incrementally.
 */
const WORKING_SET = 4;

/** Text the kept versions of one document may add up to before it is read whole again when idle (8 M characters). */
const REREAD_HELD_CHARS = 8 * 1024 * 1024;
/** A document this long (characters) is read whole through `largeRead` (serverProcess.ts): V8's default heap growth, and no optimizing compiler in the process's first such read. */
const LARGE_TEXT = 64 * 1024;
/** Quiet time after an edit of a Go file before the open Go files beside it are linted again (KAFKA_LINT_PACKAGE_QUIET_MS overrides it for tests). */
const PACKAGE_QUIET_MS = Number(process.env.KAFKA_LINT_PACKAGE_QUIET_MS) || 300;

const isGoDocument = (doc: TextDocument) => /\.go$/i.test(URI_TO_PATH(doc.uri) ?? doc.uri);

/** Quiet time after the last edit before that read (KAFKA_LINT_REREAD_IDLE_MS overrides it for tests). */
const REREAD_IDLE_MS = Number(process.env.KAFKA_LINT_REREAD_IDLE_MS) || 5000;

interface Cached {
  version: number;
  result: LintResult;
  options: ResolvedOptions;
}

/**
 * Test hook for the protocol tests: KAFKA_LINT_TEST_THROWING_RULE=1 adds a rule that throws on
 * any file containing `kafka-lint-test-throw`, to prove a failing rule costs only that rule on
 * that file. Not set in normal use.
 */
function installTestHooks(): void {
  if (!process.env.KAFKA_LINT_TEST_THROWING_RULE || allRules.some((r) => r.meta.id === 'test-throwing-rule')) return;
  allRules.push({
    meta: { ...allRules[0].meta, id: 'test-throwing-rule', formats: ['properties', 'yaml', 'go'] },
    check(ctx) {
      if (ctx.file.text.includes('kafka-lint-test-throw')) throw new Error('test-throwing-rule: thrown on purpose');
    },
  });
}

export function startServer(connection: lsp.Connection): void {
  installTestHooks();
  // stdout carries the protocol over --stdio: route stray console output to the client log.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = console.log;
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));

  const documents = new lsp.TextDocuments(TextDocument);
  const results = new Map<string, Cached>();
  const linters = new Map<string, DocumentLinter>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  // Nearest .kafkalint.json / go.mod answers per directory, dropped when either kind of file changes.
  const projectConfigCache = new Map<string, { dir: string; config: ProjectConfig } | null>();
  const goModCache = new Map<string, string | null>();
  // Spring Boot base files read from disk (for profile files beside them), dropped when one changes.
  const springBaseCache = new Map<string, string | null>();
  const envFileCache = new Map<string, string | null>();
  // Go files read from disk as context for the files of their package (and folder listings), dropped when one changes.
  const goFileCache = new Map<string, string | null>();
  const pending = new Map<string, NodeJS.Immediate>();
  const rereads = new Map<string, NodeJS.Timeout>();
  const quiet = new Map<string, NodeJS.Timeout>();
  // Documents in the working set, least recently used first (see WORKING_SET).
  const working = new Set<string>();
  let opening: string | undefined;
  // The document in the client's active editor (ACTIVE_DOCUMENT_NOTIFICATION), open or about to be.
  let active: string | undefined;
  let locale: Locale = 'en';
  let pullConfiguration = false;

  connection.onInitialize((params: lsp.InitializeParams): lsp.InitializeResult => {
    locale = normalizeLocale(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '=', ':', '[', ' '] },
      },
      serverInfo: { name: 'kafka-reliability-lint' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'kafkaLint' });
    }
  });

  function getSettings(uri: string): Promise<ServerSettings> {
    if (!pullConfiguration) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kafkaLint' })
        .then((raw) => normalizeSettings(raw), () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  let globalSettings: ServerSettings = DEFAULT_SETTINGS;
  connection.onDidChangeConfiguration((change) => {
    if (!pullConfiguration) globalSettings = normalizeSettings((change.settings as { kafkaLint?: unknown })?.kafkaLint);
    settingsCache.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // Only Go files changed (saved, created, deleted): what was read of them and their folders, and
    // the open Go documents beside them.
    const goPaths = params.changes.map((c) => (/\.go$/i.test(c.uri) ? URI_TO_PATH(c.uri) : undefined));
    if (goPaths.length && goPaths.every((p) => p !== undefined)) {
      const dirs = new Set<string>();
      for (const p of goPaths as string[]) {
        goFileCache.delete(p);
        goFileCache.delete('\u0001' + path.dirname(p));
        dirs.add(path.dirname(p));
      }
      for (const doc of documents.all()) {
        const p = URI_TO_PATH(doc.uri);
        if (p && /\.go$/i.test(p) && dirs.has(path.dirname(p))) schedule(doc);
      }
      return;
    }
    // .kafkalint.json, go.mod, a Spring Boot base file or an env file changed somewhere: drop what was read from disk.
    projectConfigCache.clear();
    goFileCache.clear();
    goModCache.clear();
    springBaseCache.clear();
    envFileCache.clear();
    revalidateAll();
  });

  function projectConfigFor(filePath: string): { dir: string; config: ProjectConfig } | null {
    const found = findNearest(path.dirname(filePath), '.kafkalint.json', projectConfigCache, (cfgPath) => {
      const text = readTextIfExists(cfgPath);
      if (text === undefined) return null;
      const { config, problems } = parseProjectConfig(text, [...allRules.map((r) => r.meta.id), SYNTAX_ERROR, UNUSED_SUPPRESSION]);
      for (const p of problems) connection.console.warn(`${cfgPath}: ${p.message}`);
      if (problems.length) void connection.window.showWarningMessage(`Kafka Reliability Lint: ${cfgPath}: ${problems.map((p) => p.message).join('; ')}`);
      return { dir: path.dirname(cfgPath), config };
    });
    return found ?? null;
  }

  async function optionsFor(doc: TextDocument): Promise<{ options: ResolvedOptions; enabled: boolean }> {
    const settings = await getSettings(doc.uri);
    const filePath = URI_TO_PATH(doc.uri);
    const project = filePath ? projectConfigFor(filePath) : null;
    let saramaVersion: string | undefined;
    if (filePath && filePath.endsWith('.go')) {
      saramaVersion = findNearest(path.dirname(filePath), 'go.mod', goModCache, (goMod) => {
        const text = readTextIfExists(goMod);
        return (text && saramaVersionFromGoMod(text)) ?? null;
      });
    }
    // Same order as the CLI: what go.mod pins, then the project file, then the editor's settings.
    const options = resolveOptions([
      { source: 'go.mod', options: saramaVersion ? { saramaVersion } : undefined },
      { source: '.kafkalint.json', options: project?.config },
      { source: 'setting kafkaLint.kafkaVersion', options: { kafkaVersion: settings.kafkaVersion, rules: settings.rules } },
      { source: 'editor', options: { locale } },
    ]);
    let enabled = settings.enable;
    if (enabled && project && filePath) {
      const rel = path.relative(project.dir, filePath).split(path.sep).join('/');
      enabled = isPathIncluded(rel, project.config);
    }
    return { options, enabled };
  }

  function lintNow(doc: TextDocument, options: ResolvedOptions): LintResult {
    const filePath = URI_TO_PATH(doc.uri) ?? doc.uri;
    try {
      // One incremental linter per document in the working set: an edit re-parses only what it
      // touched. Other documents are linted whole, without the linter's bookkeeping.
      let linter = linters.get(doc.uri);
      if (!linter && working.has(doc.uri)) linters.set(doc.uri, (linter = createDocumentLinter()));
      const text = doc.getText();
      const springBase = springBaseOf(filePath);
      const goPackage = goPackageOf(filePath);
      const run = linter
        ? () => linter.lint(text, filePath, options, doc.languageId, springBase, readEnvFile, goPackage)
        : () => lint({ text, path: filePath, languageId: doc.languageId, readEnvFile, ...(springBase ? { springBase } : {}), ...(goPackage ? { goPackage } : {}) }, options);
      const whole = !linter || linter.fresh;
      const result = whole && text.length >= LARGE_TEXT ? largeRead(run) : run();
      if (!whole) edited();
      for (const e of result.ruleErrors) connection.console.error(`rule ${e.ruleId} failed on ${doc.uri}: ${e.message}`);
      if (linter && linter.heldVersions * text.length > REREAD_HELD_CHARS) scheduleReread(doc, linter);
      return result;
    } catch (e) {
      connection.console.error(`lint failed on ${doc.uri}: ${(e as Error)?.stack ?? e}`);
      return { findings: [], ruleErrors: [] };
    }
  }

  async function validate(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const { options, enabled } = await optionsFor(doc);
    const current = documents.get(doc.uri);
    if (!current || current.version !== version) return; // a newer version is on its way
    if (!enabled) {
      results.delete(doc.uri);
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
      return;
    }
    const result = lintNow(current, options);
    if (working.has(doc.uri)) results.set(doc.uri, { version, result, options });
    const filePath = URI_TO_PATH(doc.uri);
    // Related places in the Spring base files this document was linted with (read through the cache).
    const bases = new Map<string, TextDocument | undefined>();
    const baseDoc = (p: string) => {
      if (!bases.has(p)) {
        const text = filePath ? (springBaseOf(filePath)?.find((b) => b.path === p) ?? goPackageOf(filePath)?.find((b) => b.path === p))?.text : undefined;
        bases.set(p, text === undefined ? undefined : TextDocument.create(pathToFileURL(p).href, 'plaintext', 0, text));
      }
      return bases.get(p);
    };
    const diagnostics: lsp.Diagnostic[] = result.findings.map((f) => toDiagnostic(current, f, baseDoc));
    if (result.skipped) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: lsp.DiagnosticSeverity.Information,
        source: SOURCE,
        message: (locale === 'zh-cn' ? 'Kafka 可靠性检查跳过了此文件：' : 'Kafka Reliability Lint skipped this file: ') + result.skipped,
      });
    }
    const sent = connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    const linter = linters.get(doc.uri);
    // (A message the connection could not send leaves nothing to do.)
    if (linter?.unprimed) sent.then(() => primeWhenIdle(doc.uri, version, linter), () => undefined);
  }

  /**
   * The first lint of a large document answers without filling its linter's rule cache
   * (DocumentLinter.unprimed); once its diagnostics are written, the cache is filled before the
   * first edit needs it. Not sooner: a large message may still be on its way out, and filling
   * blocks the event loop (~20-40 ms on the 10,000-line benchmark files).
   */
  function primeWhenIdle(uri: string, version: number, linter: DocumentLinter): void {
    setImmediate(() => {
      if (documents.get(uri)?.version !== version || linters.get(uri) !== linter) return; // an edit fills it itself
      try {
        linter.prime();
      } catch (e) {
        connection.console.error(`filling the rule cache of ${uri} failed: ${(e as Error)?.stack ?? e}`);
        linter.reset();
      }
    });
  }

  /**
   * A document edited in many places holds a version of its text per edited piece (the linter's
   * heldVersions). Once that may add up to more than REREAD_HELD_CHARS, the document is read
   * whole again after REREAD_IDLE_MS without edits, so memory returns to one version; the
   * diagnostics do not change (tests check that incremental and whole reads agree).
   */
  function scheduleReread(doc: TextDocument, linter: DocumentLinter): void {
    clearTimeout(rereads.get(doc.uri));
    const version = doc.version;
    const timer = setTimeout(() => {
      rereads.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current || current.version !== version || linters.get(doc.uri) !== linter) return;
      connection.console.log(`read ${doc.uri} whole again after edits in ${linter.heldVersions} versions (frees the older versions' text)`);
      linter.reset();
      results.delete(doc.uri);
      schedule(current);
    }, REREAD_IDLE_MS);
    timer.unref();
    rereads.set(doc.uri, timer);
  }

  /** Keeps what the document's lints read from now on; the least recently used document beyond WORKING_SET lets go of its own. */
  function use(uri: string): void {
    working.delete(uri);
    working.add(uri);
    for (const old of working) {
      if (working.size <= WORKING_SET) break;
      forget(old);
      connection.console.log(`let go of what was read from ${old} (kept for the ${WORKING_SET} documents used last); its next edit reads it whole`);
    }
  }

  /** Drops what was read from the document (it leaves the working set). */
  function forget(uri: string): void {
    working.delete(uri);
    clearTimeout(rereads.get(uri));
    rereads.delete(uri);
    results.delete(uri);
    linters.delete(uri);
  }

  function schedule(doc: TextDocument): void {
    const old = pending.get(doc.uri);
    if (old) clearImmediate(old);
    pending.set(
      doc.uri,
      setImmediate(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current).catch((e) => connection.console.error(String((e as Error)?.stack ?? e)));
      }),
    );
  }

  /** Lints a document again once no other edit asked for it for PACKAGE_QUIET_MS. */
  function scheduleQuiet(doc: TextDocument): void {
    clearTimeout(quiet.get(doc.uri));
    const timer = setTimeout(() => {
      quiet.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) schedule(current);
    }, PACKAGE_QUIET_MS);
    timer.unref();
    quiet.set(doc.uri, timer);
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc);
  }

  /** The text of an open document by file path (compared as paths: editors spell URIs differently). */
  function openText(p: string): string | undefined {
    for (const d of documents.all()) if (URI_TO_PATH(d.uri) === p) return d.getText();
    return undefined;
  }

  /** A file a compose service's `env_file` names, relative to the compose file (an open document first). */
  function readEnvFile(ref: string, composeFile: string): string | undefined {
    return envFileText(ref, composeFile, envFileCache, openText);
  }

  /** The Spring Boot files a profile file comes on top of (open documents first), or undefined. */
  function springBaseOf(filePath: string) {
    const found = springBaseFiles(filePath, springBaseCache, openText);
    return found.length ? found : undefined;
  }

  /** The other Go files of the folder of a Go file (open documents first), as context for its package, or undefined. */
  function goPackageOf(filePath: string) {
    if (!/\.go$/i.test(filePath)) return undefined;
    // (On every keystroke, for each file of the folder: the open documents' paths looked up once.)
    let open: Map<string, TextDocument> | undefined;
    const openGo = (p: string) => {
      if (!open) {
        open = new Map();
        for (const d of documents.all()) {
          const dp = URI_TO_PATH(d.uri);
          if (dp && /\.go$/i.test(dp)) open.set(dp, d);
        }
      }
      return open.get(p)?.getText();
    };
    const found = goPackageFiles(filePath, goFileCache, openGo);
    return found.length ? found : undefined;
  }

  /**
   * Open Spring files beside this document that read it: profile files that come on top of it
   * (application-*.yml beside application.yml), and files it comes on top of (application.yml
   * beside application-prod.yml, whose `on-profile: prod` documents it overrides). For a Go
   * file, the open Go files beside it (the same package may read it: goPackage.ts).
   */
  function dependents(doc: TextDocument): TextDocument[] {
    const filePath = URI_TO_PATH(doc.uri);
    if (filePath && /\.go$/i.test(filePath)) {
      const dir = path.dirname(filePath);
      return documents.all().filter((other) => {
        const p = other.uri !== doc.uri && URI_TO_PATH(other.uri);
        return !!p && /\.go$/i.test(p) && path.dirname(p) === dir;
      });
    }
    if (!filePath || !isSpringFile(filePath)) return [];
    const dir = path.dirname(filePath);
    const name = path.basename(filePath);
    return documents.all().filter((other) => {
      if (other.uri === doc.uri) return false;
      const p = URI_TO_PATH(other.uri);
      return !!p && path.dirname(p) === dir && (springBaseNames(p).includes(name) || isSpringOverlay(p, filePath));
    });
  }

  function scheduleDependents(doc: TextDocument): void {
    for (const other of dependents(doc)) schedule(other);
  }

  // TextDocuments reports an open as a change too, right after it: the change handler lints both;
  // only an edit (or the active editor) brings a document into the working set.
  documents.onDidOpen((e) => {
    opening = e.document.uri;
    if (e.document.uri === active) use(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const edit = opening !== e.document.uri;
    opening = undefined;
    const others = dependents(e.document);
    if (isGoDocument(e.document)) {
      // The Go files beside an edited one are linted again once the typing pauses (an open reads
      // what they read from disk already).
      if (edit) use(e.document.uri);
      schedule(e.document);
      if (edit) for (const other of others) scheduleQuiet(other);
      return;
    }
    // Open profile files are linted again on every edit of their base file: they are kept too.
    if (edit) {
      for (const other of others) use(other.uri);
      use(e.document.uri);
    }
    schedule(e.document);
    for (const other of others) schedule(other);
  });
  documents.onDidClose((e) => {
    scheduleDependents(e.document);
    forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // The active editor's document joins the working set and is read now, so that its first edit
  // is read incrementally (clients that do not say which editor is active lose nothing else).
  connection.onNotification(ACTIVE_DOCUMENT_NOTIFICATION, (params: { uri?: string | null } | undefined) => {
    active = typeof params?.uri === 'string' ? params.uri : undefined;
    const doc = active === undefined ? undefined : documents.get(active);
    if (!doc) return;
    const kept = linters.has(doc.uri);
    use(doc.uri);
    if (!kept) schedule(doc);
  });

  connection.onRequest(WORKING_SET_REQUEST, () => [...working]);

  /** The lint result for the document's current version, computing it if needed. */
  async function currentResult(doc: TextDocument): Promise<Cached | undefined> {
    use(doc.uri);
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const { options, enabled } = await optionsFor(doc);
    if (!enabled) return undefined;
    const result = lintNow(doc, options);
    const fresh = { version: doc.version, result, options };
    if (working.has(doc.uri)) results.set(doc.uri, fresh);
    return fresh;
  }

  connection.onCodeAction(async (params: lsp.CodeActionParams) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(lsp.CodeActionKind.SourceFixAll));
    const wantsQuickFixes = !only || only.some((k) => lsp.CodeActionKind.QuickFix.startsWith(k));
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    // (editors ask on every cursor move: without our diagnostics there, nothing is linted)
    if (!wantsFixAll && (!wantsQuickFixes || !ours.length)) return [];
    const cached = await currentResult(doc);
    if (!cached || !cached.result.file) return [];
    const actions: lsp.CodeAction[] = [];
    if (wantsFixAll) {
      const filePath = URI_TO_PATH(doc.uri) ?? doc.uri;
      const springBase = springBaseOf(filePath);
      const goPackage = goPackageOf(filePath);
      const fixed = fixText({ text: doc.getText(), path: filePath, languageId: doc.languageId, readEnvFile, ...(springBase ? { springBase } : {}), ...(goPackage ? { goPackage } : {}) }, cached.options, { unsafe: false });
      if (fixed.applied > 0) {
        const edit = minimalEdit(doc.getText(), fixed.output);
        actions.push(lsp.CodeAction.create(fixAllTitle(locale), toWorkspaceEdit(doc, [edit]), FIX_ALL_KIND));
      }
      return actions;
    }
    for (const diagnostic of ours) {
      const finding = cached.result.findings.find(
        (f) => f.ruleId === diagnostic.code && sameRange(toRange(doc, f.span), diagnostic.range),
      );
      if (!finding) continue;
      for (const fix of finding.fixes) actions.push(fixAction(doc, fix, diagnostic));
      if (finding.ruleId === UNUSED_SUPPRESSION) continue;
      // (A syntax error is mended, not disabled line by line; the setting turns the check off.)
      const sup = finding.ruleId === SYNTAX_ERROR ? undefined : suppressionEdit(cached.result.file, finding);
      if (sup) {
        const a = lsp.CodeAction.create(suppressionTitle(finding.ruleId, locale), toWorkspaceEdit(doc, [sup]), lsp.CodeActionKind.QuickFix);
        a.diagnostics = [diagnostic];
        actions.push(a);
      }
      const docs = lsp.CodeAction.create(docsTitle(finding.ruleId, locale), { title: docsTitle(finding.ruleId, locale), command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] }, lsp.CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      actions.push(docs);
    }
    return actions;
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const cached = await currentResult(doc);
    if (!cached?.result.file) return null;
    try {
      const h = describeAt(cached.result.file, doc.offsetAt(params.position), cached.options);
      return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: toRange(doc, h.span) } : null;
    } catch (e) {
      connection.console.error(`hover failed on ${doc.uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const cached = await currentResult(doc);
    if (!cached || cached.result.skipped) return [];
    const filePath = URI_TO_PATH(doc.uri) ?? doc.uri;
    try {
      const items = completeAt(doc.getText(), filePath, doc.offsetAt(params.position), cached.options, cached.result.file);
      return items.map((i) => ({
        label: i.label,
        kind: COMPLETION_KIND[i.kind],
        textEdit: { range: toRange(doc, i.replace), newText: i.insertText },
        ...(i.detail ? { detail: i.detail } : {}),
        ...(i.documentation ? { documentation: { kind: 'markdown' as const, value: i.documentation } } : {}),
        ...(i.sortText ? { sortText: i.sortText } : {}),
      }));
    } catch (e) {
      connection.console.error(`completion failed on ${doc.uri}: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}

/** One edit covering only the changed middle of the text, so cursors and folds elsewhere stay put. */
export function minimalEdit(before: string, after: string) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

function normalizeSettings(raw: unknown): ServerSettings {
  const r = (raw ?? {}) as Partial<ServerSettings>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules)) {
      if (['error', 'warning', 'information', 'hint', 'off'].includes(String(sev))) rules[id] = sev as RuleSetting;
    }
  }
  return {
    enable: r.enable !== false,
    rules,
    kafkaVersion: typeof r.kafkaVersion === 'string' && r.kafkaVersion.trim() ? r.kafkaVersion.trim() : undefined,
  };
}

/** Start on the process's own transport (--stdio, --node-ipc, --socket=N). */
export function main(): void {
  startServer(lsp.createConnection());
}

if (require.main === module) main();
