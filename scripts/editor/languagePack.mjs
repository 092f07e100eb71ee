// Makes a VS Code display language available without the marketplace.
//
// VS Code (desktop and code-server alike) honours `--locale zh-cn` only when a language pack for zh-cn is
// registered in the user data folder's languagepacks.json; otherwise it silently runs in English and extensions
// see vscode.env.language === 'en'. That file is normally written when a language pack is installed through the
// running product (the official one is MS-CEINTL.vscode-language-pack-zh-hans, from the marketplace, which cannot
// be reached here). A command-line `--install-extension` does not write it.
//
// seedLanguagePack() does what the product does on install: puts the pack in the extensions folder and registers
// it in languagepacks.json (same layout: hash of the pack's id and version, path of its `vscode` translations).
// Used with test/e2e/zh-cn-language-pack, which registers zh-cn and translates nothing, so VS Code's own UI
// stays English while the extension under test runs with the Chinese display language.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Installs the unpacked language pack in `packDir` into `extensionsDir` and registers it in `userDataDir`. */
export function seedLanguagePack(userDataDir, extensionsDir, packDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const target = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.cpSync(packDir, target, { recursive: true });
  const file = path.join(userDataDir, 'languagepacks.json');
  let packs = {};
  try {
    packs = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* first pack */
  }
  for (const loc of manifest.contributes?.localizations ?? []) {
    const languageId = loc.languageId.toLowerCase();
    const translations = {};
    for (const t of loc.translations) translations[t.id] = path.join(target, t.path);
    const extensions = [{ extensionIdentifier: { id }, version: manifest.version }];
    const hash = createHash('md5').update(id).update(manifest.version).digest('hex');
    packs[languageId] = { hash, extensions, translations, label: loc.localizedLanguageName ?? loc.languageName };
  }
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(packs));
  return Object.keys(packs);
}
