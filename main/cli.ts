/** The `opora` command line: the same services as the app, in plain Node. Commands are added in main/cli/. */
console.error('Команды пока не реализованы.');
process.exit(2);
