// Configuration files kept in a Kubernetes ConfigMap (or a Secret's `stringData`) and mounted into
// the application's container: `application.yml: |`, `application-prod.properties: |`,
// `producer.properties: |`, a broker's `server.properties: |`. Each literal block whose key names
// such a file is an embedded file (embedded.ts), linted as that file would be once mounted.

import { isPair, isScalar } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { readLiteralBlock, type EmbeddedFile } from '../embedded.js';
import { asMap, getEntry, scalarString, type YamlDoc } from './yamlCommon.js';

/** The map of files in a resource of this kind. */
const FILES_OF: Readonly<Record<string, string>> = { ConfigMap: 'data', Secret: 'stringData' };

/** A key that names a file the engine reads. */
const FILE_NAME = /\.(?:properties|ya?ml)$/i;


/** The files of the ConfigMap and Secret documents, in order. */
export function extractEmbedded(text: string, path: string, docs: YamlDoc[], isConfigMap: (i: number) => boolean): EmbeddedFile[] {
  const out: EmbeddedFile[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isConfigMap(docIndex)) return;
    const root = asMap(doc.contents as Node | null);
    const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim();
    if (!root || !kind || !Object.hasOwn(FILES_OF, kind)) return;
    const files = asMap(getEntry(root, FILES_OF[kind], doc)?.value);
    if (!files) return;
    const name = scalarString(text, getEntry(asMap(getEntry(root, 'metadata', doc)?.value), 'name', doc)?.value)?.trim();
    // (a manifest may hold two resources of one name, in two namespaces)
    const resource = `${kind} ${name ?? ''} (document ${docIndex + 1})`;
    for (const item of files.items) {
      if (!isPair(item) || !isScalar(item.key) || !isScalar(item.value)) continue;
      const key = item.key.value;
      const value = item.value as Scalar;
      if (typeof key !== 'string' || !FILE_NAME.test(key) || /[\\/]/.test(key)) continue;
      if (value.type !== 'BLOCK_LITERAL' || typeof value.value !== 'string' || !value.range) continue;
      const [start, end] = value.range;
      // The header: `|`, `|-` or `|+`, perhaps a comment; with an explicit indentation the
      // content's own leading spaces are not told apart here.
      let headerEnd = start;
      while (headerEnd < end && text[headerEnd] !== '\n' && text[headerEnd] !== '\r') headerEnd++;
      if (!/^\|[-+]?(?:[ \t]+(?:#.*)?)?$/.test(text.slice(start, headerEnd))) continue;
      let from = headerEnd;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const file = readLiteralBlock(text, from, end, value.value, `${path}/${key}`, resource);
      if (file) out.push(file);
    }
  });
  return out;
}
