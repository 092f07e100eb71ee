// The VS Code client: starts the language server and offers four commands. Everything the
// user sees about Kafka is decided by the server's engine.

import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ACTIVE_DOCUMENT_NOTIFICATION, FIX_ALL_KIND, SHOW_DOCS_COMMAND, WORKING_SET_REQUEST } from '../../server/src/protocol.js';
import { serverEnvOverrides } from './serverEnv.js';

let client: LanguageClient | undefined;

/** What the extension returns from activate (the editor tests use it). */
export interface KafkaLintApi {
  /** URIs of the documents whose analysis the server keeps. */
  workingSet(): Promise<string[]>;
}

export async function activate(context: vscode.ExtensionContext): Promise<KafkaLintApi> {
  const output = vscode.window.createOutputChannel('Kafka Reliability Lint', { log: true });
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvOverrides(process.env) } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvOverrides(process.env), execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // The `properties` language also covers .gitconfig, .editorconfig, .cfg: only *.properties is ours.
      { scheme: 'file', language: 'properties', pattern: '**/*.properties' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'go' },
    ],
    // The project file, go.mod (the sarama version), the Spring Boot files profile files come on top
    // of, env files, and Go files (read as context for the other files of their package).
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.kafkalint.json,go.mod,application*.{properties,yml,yaml},bootstrap*.{properties,yml,yaml},.env,*.env,*.go}') },
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('kafkaLint', 'Kafka Reliability Lint', serverOptions, clientOptions);
  const c = client;
  // The server reads the active editor's document ahead of its first edit (server.ts WORKING_SET).
  const sendActive = (editor: vscode.TextEditor | undefined) => {
    if (!c.isRunning()) return;
    const uri = editor ? c.code2ProtocolConverter.asUri(editor.document.uri) : null;
    c.sendNotification(ACTIVE_DOCUMENT_NOTIFICATION, { uri }).catch((e) => output.appendLine(`could not tell the server the active editor: ${e}`));
  };

  context.subscriptions.push(
    output,
    vscode.window.onDidChangeActiveTextEditor(sendActive),
    // (also after "Restart Language Server")
    c.onDidChangeState((e) => {
      if (e.newState === State.Running) sendActive(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerCommand('kafkaLint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('kafkaLint.showOutput', () => output.show(true)),
    // The same edit as FIX_ALL_KIND in editor.codeActionsOnSave, for the active editor.
    vscode.commands.registerCommand('kafkaLint.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, async (ruleId?: string) => {
      const id = ruleId ?? (await pickRule(context));
      if (!id) return;
      const uri = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
  await c.start();
  return { workingSet: () => c.sendRequest<string[]>(WORKING_SET_REQUEST) };
}

async function pickRule(context: vscode.ExtensionContext): Promise<string | undefined> {
  const dir = vscode.Uri.file(context.asAbsolutePath('docs/rules'));
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const ids = entries
    .map(([name]) => name)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .map((n) => n.slice(0, -3))
    .sort();
  return vscode.window.showQuickPick(ids, { placeHolder: vscode.l10n.t('Kafka Reliability Lint rule') });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
