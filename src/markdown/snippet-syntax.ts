/**
 * `--8<--` marker lines as a micromark flow construct, so the MDX parser never reads the
 * `<` as JSX and smartypants never rewrites the dashes. Any line starting with optional
 * `;`s and scissors becomes one `snippetMarker` node holding the raw line; deciding what
 * it means (inline, block, escaped, malformed) is left to the snippet engine.
 */
import type { Extension as FromMarkdownExtension, CompileContext, Token as MdastToken } from 'mdast-util-from-markdown';
import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const DASH = 45;
const EIGHT = 56;
const LESS_THAN = 60;
const SEMICOLON = 59;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    snippetMarker: 'snippetMarker';
  }
}

declare module 'mdast' {
  interface SnippetMarker extends Node {
    type: 'snippetMarker';
    /** The whole marker line as written, without the line ending. */
    raw: string;
  }
  interface RootContentMap {
    snippetMarker: SnippetMarker;
  }
  interface BlockContentMap {
    snippetMarker: SnippetMarker;
  }
}

function tokenizeSnippetMarker(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let leadingDashes = 0;
  let trailingDashes = 0;

  const start: State = (code) => {
    effects.enter('snippetMarker');
    return escapes(code);
  };
  const escapes: State = (code) => {
    if (code === SEMICOLON) {
      effects.consume(code);
      return escapes;
    }
    return dashesBefore(code);
  };
  const dashesBefore: State = (code) => {
    if (code === DASH) {
      leadingDashes++;
      effects.consume(code);
      return dashesBefore;
    }
    if (code === EIGHT && leadingDashes > 0) {
      effects.consume(code);
      return lessThan;
    }
    return nok(code);
  };
  const lessThan: State = (code) => {
    if (code !== LESS_THAN) return nok(code);
    effects.consume(code);
    return dashesAfter;
  };
  const dashesAfter: State = (code) => {
    if (code === DASH) {
      trailingDashes++;
      effects.consume(code);
      return dashesAfter;
    }
    return trailingDashes > 0 ? rest(code) : nok(code);
  };
  const rest: State = (code: Code) => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('snippetMarker');
      return ok(code);
    }
    effects.consume(code);
    return rest;
  };
  return start;
}

const snippetMarkerConstruct: Construct = { name: 'snippetMarker', tokenize: tokenizeSnippetMarker };

/** micromark extension: marker lines (and escaped ones) become `snippetMarker` tokens. */
export function snippetSyntax(): Extension {
  return { flow: { [DASH]: snippetMarkerConstruct, [SEMICOLON]: snippetMarkerConstruct } };
}

/** mdast-util-from-markdown extension: `snippetMarker` tokens become `snippetMarker` nodes. */
export function snippetFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      snippetMarker(this: CompileContext, token: MdastToken) {
        this.enter({ type: 'snippetMarker', raw: '' }, token);
      },
    },
    exit: {
      snippetMarker(this: CompileContext, token: MdastToken) {
        const node = this.stack.at(-1);
        if (node && node.type === 'snippetMarker') node.raw = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}
