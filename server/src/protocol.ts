// Names the client and the server must agree on. Plain strings with no imports: the client's
// bundle takes this file and nothing of the server.

/** The code action kind of "all safe fixes" (editor.codeActionsOnSave, the Apply All Safe Fixes command). */
export const FIX_ALL_KIND = 'source.fixAll.kafkaLint';

/** The client command that opens a rule's documentation (the "Show documentation" code action runs it). */
export const SHOW_DOCS_COMMAND = 'kafkaLint.showRuleDocumentation';

/** Client → server notification `{ uri: string | null }`: the document in the active editor, read ahead of its first edit. */
export const ACTIVE_DOCUMENT_NOTIFICATION = 'kafkaLint/activeDocument';

/** Client → server request, no parameters: the URIs of the documents whose analysis the server keeps (tests, troubleshooting). */
export const WORKING_SET_REQUEST = 'kafkaLint/workingSet';
