import { benchSpeech } from './speech-bench';
console.log(JSON.stringify(await benchSpeech()));
