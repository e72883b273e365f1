import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from './pipeline.ts';
import { compileMdxHighlighted, renderHighlighted } from './pipeline-highlighted.ts';

const root = '/tmp/scissors-mermaid';
const SOURCE = 'graph TD\n  A["<b>x</b> & y"] --> B';
const PAGE = `# Diagram\n\n\`\`\`mermaid\n${SOURCE}\n\`\`\`\n\n\`\`\`python\nprint(1)\n\`\`\`\n`;
const ESCAPED = 'graph TD\n  A["&#x3C;b>x&#x3C;/b> &#x26; y"] --> B';

describe('mermaid fences (superfences custom fence, fence_code_format)', () => {
  test('become Material\'s <pre class="mermaid"><code>, source escaped and not highlighted', async () => {
    const html = await renderHighlighted(root, `${root}/content/docs/page.md`, PAGE);
    assert.ok(html.includes(`<pre class="mermaid" tabindex="0"><code>${ESCAPED}</code></pre>`), html);
    assert.equal(html.match(/class="mermaid"/g)?.length, 1);
    // The other block is still highlighted; the diagram is not.
    assert.match(html, /data-language="python"/);
    assert.doesNotMatch(html, /data-language="mermaid"|language-mermaid|data-scissors-diagram/);
  });

  test('without a highlighter too (the placeholder never reaches a page)', async () => {
    const html = await renderMarkdown(root, `${root}/content/docs/page.md`, PAGE);
    assert.ok(html.includes(`<pre class="mermaid" tabindex="0"><code>${ESCAPED}</code></pre>`), html);
  });

  test('the fences the site declares: another name and class', async () => {
    const html = await renderHighlighted(root, `${root}/content/docs/page.md`, '```diagram\ngraph LR\n```\n\n```mermaid\ngraph TD\n```\n', {
      diagramFences: [{ name: 'diagram', className: 'mermaid chart' }],
    });
    assert.ok(html.includes('<pre class="mermaid chart" tabindex="0"><code>graph LR</code></pre>'), html);
    // `mermaid` is not declared here: an ordinary code block.
    assert.match(html, /data-language="mermaid"/);
  });

  test('in MDX pages', async () => {
    const js = await compileMdxHighlighted(root, `${root}/content/docs/page.mdx`, PAGE);
    assert.match(js, /_jsx\(_components\.pre, \{\s*className: "mermaid",\s*tabIndex: "0",\s*children: _jsx\(_components\.code, \{\s*children: "graph TD\\n {2}A\[\\"<b>x<\/b> & y\\"\] --> B"/);
  });
});
