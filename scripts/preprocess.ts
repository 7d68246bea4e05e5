/** Entry point of `npm run preprocess`; see src/pipeline/cli/preprocess.ts and --help. */

// Read before the pipeline's modules load (a second or more): npm may be stopped meanwhile,
// and a parent read after that would be whatever adopted this process.
const parentPid = process.ppid;
const { main } = await import('../src/pipeline/cli/preprocess.ts');
process.exitCode = await main(process.argv.slice(2), { parentPid });

export {};
