import { benchDrift } from './drift-bench';
console.log(JSON.stringify(await benchDrift(10)));
