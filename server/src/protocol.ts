// Names the client and the server must agree on. Plain strings with no imports: the client's
// bundle takes this file and nothing of the server.

/** The code action kind of "all safe fixes" (editor.codeActionsOnSave, the Apply All Safe Fixes command). */
export const FIX_ALL_KIND = 'source.fixAll.kafkaLint';

/** The client command that opens a rule's documentation (the "Show documentation" code action runs it). */
export const SHOW_DOCS_COMMAND = 'kafkaLint.showRuleDocumentation';
