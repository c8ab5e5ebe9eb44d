// `npm start`: the whole system on this machine (see launch in src/launch.ts).
import { launch } from './src/launch.ts';

process.exit(await launch(process.env, process.stdout.isTTY === true));
