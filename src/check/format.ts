/** The checker's output formats: text for people, JSON, GitHub annotations and SARIF. */
import type { Problem } from './problems.ts';

export type Format = 'human' | 'json' | 'github' | 'sarif';

const loc = (p: Problem) => `${p.location.file}:${p.location.line}:${p.location.column}`;

function summary(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.location.file)).size;
  return problems.length === 0 ? 'No problems found.' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`;
}

export function formatHuman(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.location.file, [...(byFile.get(p.location.file) ?? []), p]);
  const out: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(file);
    for (const p of list.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column)) {
      out.push(`  ${loc(p)}  ${p.severity}  ${p.code}  ${p.message}`);
      if (p.chain.length > 1) out.push(`    include chain: ${p.chain.map((c) => `${c.file}:${c.line}:${c.column}`).join(' → ')}`);
      if (p.page) out.push(`    in page: ${p.page}`);
      if (p.hint) out.push(`    hint: ${p.hint}`);
    }
    out.push('');
  }
  out.push(summary(problems));
  return `${out.join('\n')}\n`;
}

export function formatJson(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return `${JSON.stringify({ problems, summary: { errors, warnings: problems.length - errors } }, null, 2)}\n`;
}

/** Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function formatGithub(problems: Problem[]): string {
  const lines = problems.map((p) => {
    const chain = p.chain.length > 1 ? ` (include chain: ${p.chain.map((c) => `${c.file}:${c.line}`).join(' → ')})` : '';
    const props = `file=${escapeProperty(p.location.file)},line=${p.location.line},col=${p.location.column},title=${escapeProperty(p.code)}`;
    return `::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(`${p.message}${chain}`)}`;
  });
  lines.push(summary(problems));
  return `${lines.join('\n')}\n`;
}

export function formatSarif(problems: Problem[]): string {
  const rules = [...new Set(problems.map((p) => p.code))].sort().map((id) => ({ id, shortDescription: { text: id.toLowerCase().replaceAll('_', ' ') } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'scissors-check', informationUri: 'https://github.com/', rules } },
        results: problems.map((p) => ({
          ruleId: p.code,
          level: p.severity === 'error' ? 'error' : 'warning',
          message: { text: p.hint ? `${p.message} ${p.hint}` : p.message },
          locations: [
            { physicalLocation: { artifactLocation: { uri: p.location.file }, region: { startLine: p.location.line, startColumn: p.location.column } } },
          ],
          relatedLocations: p.chain.slice(0, -1).map((c, id) => ({
            id,
            message: { text: 'included from here' },
            physicalLocation: { artifactLocation: { uri: c.file }, region: { startLine: c.line, startColumn: c.column } },
          })),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export function format(problems: Problem[], as: Format): string {
  if (as === 'json') return formatJson(problems);
  if (as === 'github') return formatGithub(problems);
  if (as === 'sarif') return formatSarif(problems);
  return formatHuman(problems);
}
