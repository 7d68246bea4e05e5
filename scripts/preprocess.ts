#!/usr/bin/env -S npx tsx
/** Entry point of `npm run preprocess`; see src/pipeline/cli/preprocess.ts and --help. */
import { main } from '../src/pipeline/cli/preprocess.ts';

process.exitCode = await main(process.argv.slice(2));
