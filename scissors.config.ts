/**
 * Scissors' options, in one place: astro.config.mjs hands them to the integration and the
 * CLIs (snippets, check) read them from here. Snippet base paths are relative to this folder.
 */
import type { ScissorsOptionsInput } from './src/integration/options.ts';

export default {
  siteTitle: 'Powertools for AWS Lambda (Python)',
  siteUrl: 'https://docs.powertools.aws.dev',
  repository: {
    url: 'https://github.com/aws-powertools/powertools-lambda-python',
    branch: 'develop',
  },
  snippets: {
    basePaths: ['.'],
    checkPaths: true,
    restrictBasePath: true,
  },
} satisfies Omit<ScissorsOptionsInput, 'root'>;
