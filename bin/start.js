#!/usr/bin/env node
// `npm start`: until the web application lands, it shows how to use the command line.
process.stdout.write(`Referat er endnu kun et kommandolinjeværktøj. Prøv:

  npx referat parse test/fixtures/minutes/chefforum-2017-06-14.pdf
  npx referat parse test/fixtures/minutes/chefforum-2017-06-14.docx --json
  npx referat --help
`);
