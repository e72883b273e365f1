/** YAML front matter at the top of a page: `---` … `---`, kept apart from the Markdown body. */
export interface FrontMatterSplit {
  /** The front matter block, with its fences and final line break ('' when there is none). */
  frontMatter: string;
  body: string;
  /** How many lines the front matter takes: line 1 of the body is this + 1 in the file. */
  lineCount: number;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? '';
  const lineCount = frontMatter === '' ? 0 : frontMatter.split(/\r\n|\r|\n/).length - (frontMatter.endsWith('\n') ? 1 : 0);
  return { frontMatter, body: text.slice(frontMatter.length), lineCount };
}
