// `npm run build`: what `npm start` and the tests run, built where its inputs changed (see prepare).
import { prepare } from './src/prepare.ts';

await prepare({ onStep: (step) => console.log(`… ${step}`) });
console.log('up to date');
