// A web-test-runner plugin that parses Argdown on the server side with Argdown's own parser
// (@argdown/core runs in Node, not in the browser), so the browser tests can check that the
// Argdown export parses with no errors and yields exactly the map's support/attack relations.
// Browser side: `await executeServerCommand('argdown-parse', text)` from '@web/test-runner-commands'.
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';

function createApplication() {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app;
}

function describe(error) {
  const token = error.token;
  const where = token && Number.isFinite(token.startLine) ? `line ${token.startLine}: ` : '';
  return where + String(error.message ?? error);
}

/**
 * Parses `input` and returns what the tests compare: every lexer/parser error and exception,
 * the statements (title and text of their first definition, tags) and the relations.
 */
export function parseArgdown(input) {
  const response = createApplication().run({
    process: ['parse-input', 'build-model'],
    input,
    logLevel: 'none',
    throwExceptions: false,
  });
  const errors = [
    ...(response.lexerErrors ?? []).map(describe),
    ...(response.parserErrors ?? []).map(describe),
    ...(response.exceptions ?? []).map(describe),
  ];
  const statements = Object.values(response.statements ?? {}).map((s) => ({
    title: s.title,
    text: s.members?.[0]?.text ?? '',
    tags: s.tags ?? [],
  }));
  const relations = (response.relations ?? []).map((r) => ({
    from: r.from?.title,
    to: r.to?.title,
    type: r.relationType,
  }));
  return { errors, statements, relations };
}

/** The plugin: handles the 'argdown-parse' command, whose payload is the Argdown text. */
export function argdownCommand() {
  return {
    name: 'argdown-command',
    executeCommand({ command, payload }) {
      if (command !== 'argdown-parse') return undefined;
      if (typeof payload !== 'string') throw new Error('argdown-parse expects the Argdown text as its payload');
      return parseArgdown(payload);
    },
  };
}
