// Validates an NDJSON file of Cucumber Messages against the JSON schema shipped in @cucumber/messages.
// Usage: node validate-messages.mjs <file.ndjson>; exit 0 when every line is a valid envelope.
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

// The package does not export its schema as a module; read it from where npm installed it next to this script.
// 30.x ships one file per message type under schema/, referring to each other by file name.
const root = new URL('./node_modules/@cucumber/messages/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const version = read('package.json').version;
const ajv = new Ajv2020({ strict: false, allErrors: true });
for (const file of readdirSync(new URL('schema/', root)).filter((f) => f.endsWith('.json')))
  ajv.addSchema(read(`schema/${file}`));
const validate = ajv.getSchema('Envelope.json');

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((line) => line.length > 0);
let failures = 0;
lines.forEach((line, index) => {
  const envelope = JSON.parse(line);
  const keys = Object.keys(envelope);
  if (keys.length !== 1) {
    failures++;
    console.error(`line ${index + 1}: an envelope holds exactly one message, found ${keys.join(', ')}`);
  } else if (!validate(envelope)) {
    failures++;
    console.error(`line ${index + 1} (${keys[0]}): ${JSON.stringify(validate.errors)}`);
  }
});
console.log(`@cucumber/messages ${version}: ${lines.length} envelopes, ${failures} invalid`);
process.exit(failures === 0 && lines.length > 0 ? 0 : 1);
