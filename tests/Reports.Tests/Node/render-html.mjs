// Renders an NDJSON file of Cucumber Messages with @cucumber/html-formatter.
// Usage: node render-html.mjs <in.ndjson> <out.html>
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CucumberHtmlStream } from '@cucumber/html-formatter';

const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
async function* envelopes() {
  for await (const line of lines) if (line.length > 0) yield JSON.parse(line);
}
await pipeline(Readable.from(envelopes()), new CucumberHtmlStream(), createWriteStream(process.argv[3]));
