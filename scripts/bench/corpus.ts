/**
 * A deterministic corpus of Security-like pages: admonitions, a collapsible block, tabs with
 * code, an included Markdown file and an included script (with a line range and a section).
 * The same input for every run and every machine: no randomness, no dates.
 */
export function securityLikePage(i: number): string {
  return `---
title: Page ${i}
description: Generated page ${i} for benchmarks.
---

## Overview ${i}

This page describes security processes number ${i}.

:::info[We continuously check and evolve our practices (${i}).]
:::

--8<-- "parts/policy.md"

## Supply chain

:::note[Starting from release ${i}, builds are :a[signed]{href="https://example.org/${i}" target="_blank" rel="nofollow"}.]
:::

| Step | Target |
| --- | --- |
| Acknowledge | ${i % 5} days |
| Fix | ${i % 30} days |

::::::tabs
:::::tab[Manually]
* Download the [verifier](https://example.org/verifier)
* Download the artifact ${i}

\`\`\`bash
./verifier verify-artifact --provenance-path "multiple.intoto.jsonl" artifact-${i}.whl
\`\`\`
:::::
:::::tab[Automated]
\`\`\`shell title="Verifying release ${i}"
bash verify.sh ${i}.0.0
\`\`\`

:::question[What does the script do?]
:::

1. **Downloads** the verifier
2. **Verifies** its integrity
3. **Runs** it

::::info[See the script source]{collapsible}
\`\`\`bash title="parts/verify.sh"
--8<-- "parts/verify.sh"
\`\`\`
::::

\`\`\`bash title="only the checks"
--8<-- "parts/verify.sh:checks"
\`\`\`
:::::
::::::
`;
}

export const corpusParts: Record<string, string> = {
  'parts/policy.md': `## Reporting a vulnerability

Report privately; **do not** open a public issue.

### What to include

- the affected version;
- steps to reproduce;
- the impact.

--8<-- "parts/policy-footer.md"
`,
  'parts/policy-footer.md': 'We acknowledge reports within two business days.\n',
  'parts/verify.sh': `#!/usr/bin/env bash
set -euo pipefail
version="$1"
# --8<-- [start:checks]
if ! [[ "$version" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then
  echo "bad version" >&2
  exit 2
fi
# --8<-- [end:checks]
curl --fail --silent --show-error --location --output verifier "https://example.org/$version"
sha256sum verifier
./verifier verify-artifact "artifact-$version.whl"
`,
};

/** Every file of a generated site: pages plus the included parts. */
export function corpusFiles(pages: number): Record<string, string> {
  const files: Record<string, string> = { ...corpusParts, 'content/docs/index.mdx': '---\ntitle: Corpus\n---\n\nGenerated corpus.\n' };
  for (let i = 1; i <= pages; i++) files[`content/docs/page-${String(i).padStart(4, '0')}.mdx`] = securityLikePage(i);
  return files;
}
