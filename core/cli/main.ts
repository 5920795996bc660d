import { nodeIo } from './io.ts';
import { run } from './run.ts';

const code = run(process.argv.slice(2), nodeIo);
if (typeof code === 'number') process.exitCode = code;
else process.exitCode = await code;
