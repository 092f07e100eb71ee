// kafka-lint: the command line. It finds files, reads them, asks the engine, and prints; it knows
// nothing about Kafka. The only module that prints (the language server must not touch stdout).

import fs = require('node:fs');
import path = require('node:path');
import pkg from '../../package.json';
import { detectFormat, fixText, lint, MAX_TEXT_LENGTH, type LintResult } from './engine/index.js';
import { normalizeLocale, type Locale } from './engine/l10n.js';
import type { Rule, RuleMeta } from './engine/rule.js';
import { envFileText, findNearest, goPackageFiles, springBaseFiles } from './nearestFile.js';
import { allRules } from './engine/rules/index.js';
import { tuneCompiler } from './compilerFlags.js';
import {
  isPathIncluded,
  parseProjectConfig,
  resolveOptions,
  saramaVersionFromGoMod,
  type ProjectConfig,
  type ResolvedOptions,
} from './engine/options.js';
import { comparePaths, tally, toReportFindings, type Notice, type Report, type ReportFile } from './report/model.js';
import { formatJson } from './report/json.js';
import { documentedRules, REPOSITORY_URL, renderRuleMarkdown, ruleDocUrl } from './report/ruledocs.js';
import { formatSarif } from './report/sarif.js';
import { fixesAppliedLine, HELP, t, type StringId } from './report/strings.js';
import { formatText } from './report/text.js';

export const VERSION: string = pkg.version;
const CONFIG_FILE = '.kafkalint.json';
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** The engine checks this much of a text for NUL; the same window of bytes is checked here. */
const BINARY_SNIFF_BYTES = 65536;

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(s: string): void;
  stderr(s: string): void;
  stdoutIsTTY: boolean;
}

type Format = 'text' | 'json' | 'sarif';

interface Args {
  paths: string[];
  format: Format;
  fix: boolean;
  unsafeFixes: boolean;
  /** Warnings allowed before exit 1; -1: no limit. Undefined: not given (0). */
  maxWarnings?: number;
  kafkaVersion?: string;
  config?: string;
  locale?: Locale;
  explain?: string;
  help: boolean;
  version: boolean;
}

/** Exit 2 with a message: bad usage, bad configuration. */
class Fatal extends Error {
  constructor(readonly lines: string[], readonly showHelpHint = false) {
    super(lines.join('\n'));
  }
}

const VALUE_OPTIONS = new Set(['--format', '--max-warnings', '--kafka-version', '--config', '--locale', '--explain']);
const FLAG_OPTIONS = new Set(['--fix', '--unsafe-fixes', '--help', '--version']);
const ALIASES: Record<string, string> = { '-f': '--format', '-h': '--help', '-v': '--version' };

function parseLocale(value: string): Locale | undefined {
  const l = normalizeLocale(value);
  if (l === 'zh-cn' || /^en([-_].*)?$/i.test(value)) return l;
  return undefined;
}

/** The --locale given, found before the rest is parsed so usage errors are localised too. */
function preScanLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const m = /^--locale(?:=(.*))?$/.exec(argv[i]);
    if (m) return parseLocale(m[1] ?? argv[i + 1] ?? '') ?? 'en';
  }
  return 'en';
}

function parseArgs(argv: string[], locale: Locale): Args {
  const usage = (id: StringId, data?: Record<string, string>) => new Fatal([t(locale, id, data)], true);
  const args: Args = { paths: [], format: 'text', fix: false, unsafeFixes: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const name = ALIASES[flag] ?? flag;
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (FLAG_OPTIONS.has(name)) {
      if (value !== undefined) throw usage('noValueAllowed', { option: name });
      if (name === '--fix') args.fix = true;
      else if (name === '--unsafe-fixes') args.unsafeFixes = true;
      else if (name === '--help') args.help = true;
      else args.version = true;
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw usage('unknownOption', { option: arg });
    if (value === undefined) {
      if (i + 1 >= argv.length) throw usage('missingValue', { option: name });
      value = argv[++i];
    }
    switch (name) {
      case '--format':
        if (value !== 'text' && value !== 'json' && value !== 'sarif') throw usage('badFormat', { value });
        args.format = value;
        break;
      case '--max-warnings': {
        if (!/^(-1|\d+)$/.test(value.trim())) throw usage('badMaxWarnings', { value });
        args.maxWarnings = Number(value.trim());
        break;
      }
      case '--kafka-version': {
        // The engine owns what a valid version looks like; ask it the way a config file would.
        const { problems } = parseProjectConfig(JSON.stringify({ kafkaVersion: value }));
        if (problems.length) throw usage('badKafkaVersion', { problem: problems[0].message });
        args.kafkaVersion = value;
        break;
      }
      case '--config':
        args.config = value;
        break;
      case '--locale': {
        const l = parseLocale(value);
        if (!l) throw usage('badLocale', { value });
        args.locale = l;
        break;
      }
      case '--explain':
        if (!value) throw usage('explainNeedsRule');
        args.explain = value;
        break;
    }
  }
  if (args.unsafeFixes && !args.fix) throw usage('unsafeNeedsFix');
  return args;
}

interface LoadedConfig {
  /** Absolute path of the .kafkalint.json. */
  file: string;
  dir: string;
  config: ProjectConfig;
}

function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String(err?.message ?? e);
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Write via a temporary file in the same directory and a rename: a reader never sees half a file. */
function writeFileAtomic(file: string, data: string): void {
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.kafka-lint.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeSync(fd, data, null, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** One run over the given paths: caches, collected results, notices. */
class Run {
  private readonly configs = new Map<string, LoadedConfig | null>();
  private readonly goMods = new Map<string, string | null>();
  // Spring Boot base files (application.yml beside application-*.yml), read once per run.
  private readonly springBases = new Map<string, string | null>();
  /** Go files read as context for the files of their package (nearestFile.ts goPackageFiles). */
  private readonly goFiles = new Map<string, string | null>();
  private readonly envFiles = new Map<string, string | null>();
  private readonly seen = new Set<string>();
  private readonly knownRules: Set<string>;
  readonly files: ReportFile[] = [];
  readonly notices: Notice[] = [];
  ioError = false;
  fixesApplied = 0;
  filesFixed = 0;
  private readonly fixedConfig?: LoadedConfig;

  constructor(
    private readonly args: Args,
    private readonly io: CliIO,
    private readonly locale: Locale,
    private readonly rules: Rule[],
  ) {
    this.knownRules = new Set(documentedRules(rules.map((r) => r.meta)).map((m) => m.id));
    if (args.config) {
      const file = path.resolve(io.cwd, args.config);
      const st = statOrUndefined(file);
      if (!st) throw new Fatal([t(locale, 'noSuchPath', { path: this.display(file) })]);
      this.fixedConfig = this.loadConfig(file);
    }
  }

  display(abs: string): string {
    return toSlash(path.relative(this.io.cwd, abs)) || toSlash(path.basename(abs)) || '.';
  }

  private notice(kind: Notice['kind'], id: StringId, data: Record<string, string | number>, abs?: string): void {
    this.notices.push({ kind, message: t(this.locale, id, data), ...(abs ? { path: this.display(abs) } : {}) });
    if (kind === 'ioError') this.ioError = true;
  }

  private loadConfig(file: string): LoadedConfig {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Fatal([t(this.locale, 'configUnreadable', { path: this.display(file), reason: errorReason(e) })]);
    }
    const { config, problems } = parseProjectConfig(text);
    const shown = this.display(file);
    const messages = problems.map((p) => t(this.locale, 'configProblem', { path: shown, problem: p.message }));
    for (const rule of Object.keys(config.rules ?? {})) {
      if (!this.knownRules.has(rule)) messages.push(t(this.locale, 'configUnknownRule', { path: shown, rule, list: [...this.knownRules].join(', ') }));
    }
    if (messages.length) throw new Fatal(messages);
    return { file, dir: path.dirname(file), config };
  }

  /** The --config file, else the nearest .kafkalint.json in dir or above it. */
  configFor(dir: string): LoadedConfig | undefined {
    return this.fixedConfig ?? findNearest(dir, CONFIG_FILE, this.configs, (file) => this.loadConfig(file));
  }

  /** The sarama version pinned by the nearest go.mod in dir or above it. */
  private saramaVersionFor(dir: string): string | undefined {
    return findNearest(dir, 'go.mod', this.goMods, (file) => {
      try {
        return saramaVersionFromGoMod(fs.readFileSync(file, 'utf8')) ?? null;
      } catch (e) {
        this.notice('info', 'goModUnreadable', { path: this.display(file), reason: errorReason(e) }, file);
        return null;
      }
    });
  }

  private optionsFor(abs: string, cfg: LoadedConfig | undefined): ResolvedOptions {
    const sarama = detectFormat(abs) === 'go' ? this.saramaVersionFor(path.dirname(abs)) : undefined;
    // Lowest priority first: what go.mod pins, the project file, then the command line.
    return resolveOptions([
      { source: 'go.mod', options: { saramaVersion: sarama } },
      { source: CONFIG_FILE, options: cfg?.config },
      { source: '--kafka-version', options: { kafkaVersion: this.args.kafkaVersion } },
      { source: '--locale', options: { locale: this.args.locale } },
    ]);
  }

  private relativeTo(cfg: LoadedConfig, abs: string): string {
    return toSlash(path.relative(cfg.dir, abs));
  }

  /** A path from the command line. */
  visit(arg: string): void {
    const abs = path.resolve(this.io.cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') this.notice('ioError', 'noSuchPath', { path: this.display(abs) }, abs);
      else this.notice('ioError', 'cannotRead', { path: this.display(abs), reason: errorReason(e) }, abs);
      return;
    }
    if (st.isDirectory()) this.walk(abs);
    else this.candidate(abs, true, st);
  }

  private walk(dir: string): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.notice('ioError', 'cannotRead', { path: this.display(dir), reason: errorReason(e) }, dir);
      return;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (SKIP_DIRS.has(ent.name)) continue;
        // Prune directories the governing configuration excludes, so large build trees cost nothing.
        const cfg = this.configFor(dir);
        if (cfg && !isPathIncluded(this.relativeTo(cfg, abs), { exclude: cfg.config.exclude })) continue;
        this.walk(abs);
      } else if ((ent.isFile() || ent.isSymbolicLink()) && detectFormat(ent.name)) {
        // Symbolic links to files are read; links to directories are not followed (no cycles).
        this.candidate(abs, false);
      }
    }
  }

  private candidate(abs: string, explicit: boolean, st?: fs.Stats): void {
    if (this.seen.has(abs)) return;
    this.seen.add(abs);
    const shown = this.display(abs);
    if (!detectFormat(abs)) {
      if (explicit) this.notice('skipped', 'skippedNotOurs', { path: shown }, abs);
      return;
    }
    const cfg = this.configFor(path.dirname(abs));
    if (cfg && !isPathIncluded(this.relativeTo(cfg, abs), cfg.config)) {
      if (explicit) this.notice('skipped', 'skippedExcluded', { path: shown, config: this.display(cfg.file) }, abs);
      return;
    }
    if (!st) {
      try {
        st = fs.statSync(abs);
      } catch (e) {
        this.notice('ioError', 'cannotRead', { path: shown, reason: errorReason(e) }, abs);
        return;
      }
    }
    if (st.isDirectory()) return;
    if (!st.isFile()) {
      this.notice('skipped', 'skippedNotRegular', { path: shown }, abs);
      return;
    }
    // Sizes are compared before reading: a UTF-8 file never has fewer bytes than UTF-16 units.
    if (st.size > MAX_TEXT_LENGTH) {
      this.notice('skipped', 'skippedTooLarge', { path: shown, mb: MAX_TEXT_LENGTH / (1024 * 1024) }, abs);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs);
    } catch (e) {
      this.notice('ioError', 'cannotRead', { path: shown, reason: errorReason(e) }, abs);
      return;
    }
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      this.notice('skipped', 'skippedBinary', { path: shown }, abs);
      return;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
    } catch {
      this.notice('skipped', 'skippedInvalidUtf8', { path: shown }, abs);
      return;
    }
    this.lintFile(abs, shown, text, cfg);
  }

  private lintFile(abs: string, shown: string, raw: string, cfg: LoadedConfig | undefined): void {
    // Editors hand the engine text without the BOM; so does the CLI, so columns agree. The BOM is
    // put back when a fixed file is written.
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    let text = bom ? raw.slice(1) : raw;
    const options = this.optionsFor(abs, cfg);
    const springBase = springBaseFiles(abs, this.springBases);
    // (`env_file` paths are relative to the compose file's real directory, not to the path shown)
    const readEnvFile = (ref: string) => envFileText(ref, abs, this.envFiles);
    // (a Go file: the package's other files, read as context; their paths stay absolute)
    const goPackage = /\.go$/i.test(abs) ? goPackageFiles(abs, this.goFiles) : [];
    const input = { text, path: shown, readEnvFile, ...(springBase.length ? { springBase } : {}), ...(goPackage.length ? { goPackage } : {}) };
    let result: LintResult;
    if (this.args.fix) {
      const fixed = fixText(input, options, { unsafe: this.args.unsafeFixes }, this.rules);
      result = fixed.result;
      if (fixed.output !== text) {
        try {
          writeFileAtomic(abs, bom + fixed.output);
          this.springBases.delete(abs); // a fixed base file is read again by the profile files after it
          this.goFiles.delete(abs); // and a fixed Go file by the files of its package after it
          text = fixed.output;
          this.fixesApplied += fixed.applied;
          this.filesFixed++;
        } catch (e) {
          this.notice('ioError', 'cannotWrite', { path: shown, reason: errorReason(e) }, abs);
          result = lint(input, options, this.rules);
        }
      }
    } else {
      result = lint(input, options, this.rules);
    }
    if (result.skipped) this.notice('skipped', 'skippedEngine', { path: shown, reason: result.skipped }, abs);
    for (const err of result.ruleErrors) {
      const first = err.message.split('\n')[0];
      this.notice('ruleError', 'ruleError', { path: shown, rule: err.ruleId, error: first }, abs);
      if (this.io.env.KAFKA_LINT_DEBUG) this.io.stderr(err.message + '\n');
    }
    if (result.file) {
      // Related places name base files beside this one: shown beside it too.
      const other = (p: string) => {
        const b = springBase.find((x) => x.path === p) ?? goPackage.find((x) => x.path === p);
        return b && { shown: path.posix.join(path.posix.dirname(shown), path.basename(p)), text: b.text };
      };
      this.files.push({ path: shown, findings: toReportFindings(text, result.findings, { shown, other }) });
    }
  }

  report(): Report {
    const files = [...this.files].sort((a, b) => comparePaths(a.path, b.path));
    if (!files.length && !this.ioError && !this.notices.length) this.notice('info', 'noFiles', {});
    return { files, notices: this.notices, ...(this.args.fix ? { fix: { applied: this.fixesApplied, files: this.filesFixed } } : {}) };
  }
}

function explain(id: string, locale: Locale, io: CliIO, metas: RuleMeta[]): number {
  const meta = metas.find((m) => m.id === id);
  if (!meta) {
    io.stderr(`kafka-lint: ${t(locale, 'unknownRule', { rule: id, list: metas.map((m) => m.id).join(', ') })}\n`);
    return 2;
  }
  io.stdout(renderRuleMarkdown(meta, locale) + '\n' + ruleDocUrl(meta.id) + '\n');
  return 0;
}

/**
 * Runs the command line; returns the exit status. Prints only through `io`. `rules` is for tests
 * of the CLI's own behaviour (a rule that throws); the command line always runs all rules.
 */
export function run(argv: string[], io: CliIO, rules: Rule[] = allRules): number {
  const metas = documentedRules(rules.map((r) => r.meta));
  let locale = preScanLocale(argv);
  try {
    const args = parseArgs(argv, locale);
    locale = args.locale ?? locale;
    if (args.help) {
      io.stdout(locale === 'zh-cn' ? HELP.zh : HELP.en);
      return 0;
    }
    if (args.version) {
      io.stdout(VERSION + '\n');
      return 0;
    }
    if (args.explain !== undefined) return explain(args.explain, locale, io, metas);

    const r = new Run(args, io, locale, rules);
    for (const p of args.paths.length ? args.paths : ['.']) r.visit(p);
    const report = r.report();
    for (const n of report.notices) io.stderr(`kafka-lint: ${n.message}\n`);
    if (args.format === 'json') io.stdout(formatJson(report));
    else if (args.format === 'sarif') {
      io.stdout(formatSarif(report, { rules: metas, locale, toolVersion: VERSION, informationUri: REPOSITORY_URL }));
    } else {
      const color = io.stdoutIsTTY && !io.env.NO_COLOR;
      io.stdout(formatText(report, { locale, color, maxWarnings: args.maxWarnings }));
    }
    // json and sarif keep stdout machine-readable; the fix count goes to stderr.
    if (report.fix && args.format !== 'text') io.stderr(`kafka-lint: ${fixesAppliedLine(locale, report.fix.applied, report.fix.files)}\n`);
    if (r.ioError) return 2;
    const c = tally(report.files);
    if (c.errors > 0) return 1;
    const maxWarnings = args.maxWarnings ?? 0;
    if (maxWarnings >= 0 && c.warnings > maxWarnings) return 1;
    return 0;
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    for (const line of e.lines) io.stderr(`kafka-lint: ${line}\n`);
    if (e.showHelpHint) io.stderr(t(locale, 'tryHelp') + '\n');
    return 2;
  }
}

/** Entry point for bin/kafka-lint.js. */
export function main(): void {
  tuneCompiler();
  // `kafka-lint | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: !!process.stdout.isTTY,
  });
}

// Run directly (`node server/out/cli.js`, the bundle the extension ships), it is the command line
// too, not a module that exports `main` and does nothing.
if (require.main === module) main();
